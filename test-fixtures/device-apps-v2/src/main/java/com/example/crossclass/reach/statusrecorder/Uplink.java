package com.example.crossclass.reach.statusrecorder;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Records the SDK's status; Heartbeat (another file) decides about reconnects. */
public class Uplink implements IotHubConnectionStatusChangeCallback, AutoCloseable {
    private final DeviceClient client;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    public Uplink(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS_WS);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        lastStatus = context.getNewStatus();
    }

    public IotHubConnectionStatus lastStatus() {
        return lastStatus;
    }

    public void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(this, null);
        // quiet: single start-up open; start() is not callback code although Uplink implements the callback interface
        client.open(false);
    }

    /** Heartbeat calls this only under lastStatus() == DISCONNECTED. */
    void reopen() throws IotHubClientException {
        // quiet: check 1 - every call from a re-entry site is dominated by a DISCONNECTED guard on a getter of type IotHubConnectionStatus, so reopen() "is itself guarded"
        client.open(false);
    }

    /** Heartbeat calls this when the link is not CONNECTED (i.e. also while the SDK is retrying). */
    void forceReopen() throws IotHubClientException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
    }

    @Override
    public void close() {
        // quiet: check 3 - "Other methods of a class that implements the interface are not callback code"; only Main's try-with-resources calls it
        client.close();
    }
}
