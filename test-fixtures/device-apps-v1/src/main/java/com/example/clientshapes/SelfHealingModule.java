package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A ModuleClient subclass that is its own status callback and reconnects itself (unqualified calls). */
public class SelfHealingModule extends ModuleClient implements IotHubConnectionStatusChangeCallback {
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ExecutorService reconnector = Executors.newSingleThreadExecutor();

    public SelfHealingModule(String connectionString) throws ModuleClientException, URISyntaxException {
        super(connectionString, IotHubClientProtocol.AMQPS);
        registerConnectionStatusChangeCallback(this, null);
    }

    public void start() throws IOException {
        open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        lastStatus = status;
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            reconnector.submit(this::reopen);
        }
    }

    private void reopen() {
        try {
            closeNow();
            open();
        } catch (IOException e) {
            // the next DISCONNECTED schedules another attempt
        }
    }

    public IotHubConnectionStatus lastStatus() {
        return lastStatus;
    }

    public void shutdown() throws IOException {
        reconnector.shutdownNow();
        close();
    }
}
