package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A ModuleClient subclass that is its own status callback and reconnects itself (unqualified calls). */
public class SelfHealingModule extends ModuleClient implements IotHubConnectionStatusChangeCallback {
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ExecutorService reconnector = Executors.newSingleThreadExecutor();

    public SelfHealingModule(String connectionString) {
        super(connectionString, IotHubClientProtocol.AMQPS);
        setConnectionStatusChangeCallback(this, null);
    }

    public void start() throws IotHubClientException {
        open(true);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        lastStatus = ctx.getNewStatus();
        // expect: IotHubReopenAfterClientClose
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            reconnector.submit(this::reopen);
        }
    }

    private void reopen() {
        try {
            close();
            open(false);
        } catch (IotHubClientException e) {
            // the next DISCONNECTED schedules another attempt
        }
    }

    public IotHubConnectionStatus lastStatus() {
        return lastStatus;
    }

    public void shutdown() {
        reconnector.shutdownNow();
        close();
    }
}
