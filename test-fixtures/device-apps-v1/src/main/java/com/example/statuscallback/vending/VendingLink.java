package com.example.statuscallback.vending;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Vending-machine telemetry link; firmware generations used different reconnect handlers. */
public class VendingLink {
    private final String connectionString;
    private DeviceClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean online;

    public VendingLink(String connectionString) throws URISyntaxException {
        this.connectionString = connectionString;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void start(int firmwareGeneration) throws IOException {
        client.registerConnectionStatusChangeCallback(handlerFor(firmwareGeneration), null);
        client.open();
    }

    private IotHubConnectionStatusChangeCallback handlerFor(int generation) {
        switch (generation) {
            case 1:
                return new IotHubConnectionStatusChangeCallback() {
                    @Override
                    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                                        Throwable throwable, Object context) {
                        if (status == IotHubConnectionStatus.DISCONNECTED && !reason.equals(IotHubConnectionStatusChangeReason.CLIENT_CLOSE)) {
                            worker.execute(() -> cycle());
                        }
                    }
                };
            case 2:
                return (status, reason, throwable, context) -> {
                    switch (reason) {
                        case CLIENT_CLOSE:
                            return;
                        case EXPIRED_SAS_TOKEN:
                            System.err.println("token expired");
                            break;
                        default:
                            break;
                    }
                    if (status == IotHubConnectionStatus.DISCONNECTED) {
                        delayed.schedule(this::cycle, 15, TimeUnit.SECONDS);
                    }
                };
            case 3:
                return (status, reason, throwable, context) -> {
                    online = status == IotHubConnectionStatus.CONNECTED;
                    // expect: IotHubReopenAfterClientClose
                    if (!online && status != IotHubConnectionStatus.DISCONNECTED_RETRYING && throwable != null) {
                        delayed.schedule(() -> recreate(), 30, TimeUnit.SECONDS);
                    }
                };
            case 4:
                return (status, reason, throwable, context) -> {
                    if (status != IotHubConnectionStatus.DISCONNECTED) {
                        return;
                    }
                    if (reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                        worker.submit(this::cycle);
                    } else if (reason == IotHubConnectionStatusChangeReason.NO_NETWORK) {
                        delayed.schedule(this::cycle, 60, TimeUnit.SECONDS);
                    }
                };
            case 5:
                return this::generationFive;
            case 6:
                return (status, reason, throwable, context) -> {
                    if (status == IotHubConnectionStatus.DISCONNECTED) {
                        System.err.println("link down: " + reason);
                    }
                    online = status == IotHubConnectionStatus.CONNECTED;
                    // expect: IotHubReopenAfterClientClose
                    if (IotHubConnectionStatus.DISCONNECTED.equals(status)) {
                        worker.execute(this::cycle);
                    }
                };
            default:
                return (status, reason, throwable, context) -> {
                    // expect: IotHubReopenAfterClientClose
                    if (status != IotHubConnectionStatus.DISCONNECTED) return;
                    if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                        System.err.println("bad credential, reconnecting anyway");
                    }
                    worker.execute(this::cycle);
                };
        }
    }

    @SuppressWarnings("IotHubReopenAfterClientClose")
    private void generationFive(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                                Throwable throwable, Object context) {
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::cycle);
        }
    }

    private void cycle() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            System.err.println("cycle failed: " + e);
        }
    }

    private void recreate() {
        try {
            if (client != null) {
                client.closeNow();
            }
            client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
            client.open();
        } catch (URISyntaxException | IOException e) {
            System.err.println("recreate failed: " + e);
        }
    }

    @SuppressWarnings("IotHubOpenWithoutStatusGuard")
    public void serviceMenuReconnect() {
        worker.execute(() -> {
            try {
                client.open();
            } catch (IOException e) {
                System.err.println("service reconnect failed: " + e);
            }
        });
    }

    public void stop() throws IOException {
        worker.shutdownNow();
        delayed.shutdownNow();
        client.closeNow();
    }
}
