package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Recreate-on-DISCONNECTED: close the old instance, build fresh ones until one opens. */
public class RecreatingManager implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final String connectionString;
    private DeviceClient deviceClient;
    private DeviceClient auxClient;

    public RecreatingManager(String connectionString) throws IotHubClientException {
        this.connectionString = connectionString;
        this.deviceClient = newClient();
        this.deviceClient.open(true);
        this.auxClient = new DeviceClient(connectionString.replace("dev1", "aux"), IotHubClientProtocol.AMQPS);
        this.auxClient.open(true);
    }

    private DeviceClient newClient() {
        DeviceClient c = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        c.setConnectionStatusChangeCallback(this, null);
        return c;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatusChangeReason why = ctx.getNewStatusReason();
        if (why == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            return;
        }
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            executor.execute(this::recreate);
        }
    }

    /** Old one closed first; a fresh instance per attempt, each failed one closed. */
    private void recreate() {
        if (deviceClient != null) {
            deviceClient.close();
            deviceClient = null;
        }
        for (int attempt = 1; attempt <= 10; attempt++) {
            DeviceClient candidate = newClientDirect();
            try {
                candidate.open(false);
                deviceClient = candidate;
                return;
            } catch (IotHubClientException e) {
                candidate.close();
                Util.pause(attempt * 1000L);
            }
        }
    }

    private DeviceClient newClientDirect() {
        return new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    /** Null-check that skips creation when a client exists; open is guarded by the caller. */
    private void ensureAux() {
        if (auxClient == null) {
            auxClient = new DeviceClient(connectionString.replace("dev1", "aux"), IotHubClientProtocol.AMQPS);
        }
        try {
            auxClient.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    public void onAuxStatus(IotHubConnectionStatus s, IotHubConnectionStatusChangeReason r) {
        if (s == IotHubConnectionStatus.DISCONNECTED && r != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            executor.execute(this::ensureAux);
        }
    }

    // ---- near misses ----

    /** Near miss: a local named like the field: the field's client is never replaced or closed. */
    public void restartShadowed() throws IotHubClientException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient auxClient = new DeviceClient(connectionString.replace("dev1", "aux"), IotHubClientProtocol.AMQPS);
        auxClient.open(false);
    }

    /** Near miss: the field is overwritten on a worker thread without closing the previous client. */
    public void rotateAux() {
        executor.execute(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                auxClient = new DeviceClient(connectionString.replace("dev1", "aux"), IotHubClientProtocol.AMQPS);
                auxClient.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        });
    }
}
