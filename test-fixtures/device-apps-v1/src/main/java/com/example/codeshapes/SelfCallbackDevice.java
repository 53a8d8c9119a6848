package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.Closeable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The enclosing class is the status callback; old-style switch with a CLIENT_CLOSE break. */
public class SelfCallbackDevice implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final DeviceClient client;
    private final Closeable metricsSink;

    public SelfCallbackDevice(Closeable metricsSink) throws URISyntaxException, IOException {
        this.metricsSink = metricsSink;
        this.client = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS);
        this.client.registerConnectionStatusChangeCallback(this, null);
        this.client.open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
        switch (status) {
            case CONNECTED:
                System.out.println("connected");
                break;
            case DISCONNECTED_RETRYING:
                System.out.println("SDK is retrying: " + reason);
                break;
            case DISCONNECTED:
                if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    closeSink();
                    break;
                }
                executor.submit(this::reopen);
                break;
            default:
                break;
        }
    }

    /** close() of something that is not a client, on the callback thread. */
    private void closeSink() {
        try {
            metricsSink.close();
        } catch (IOException e) {
            System.err.println(e);
        }
        executor.shutdown();
    }

    private void reopen() {
        try {
            this.client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }
}
