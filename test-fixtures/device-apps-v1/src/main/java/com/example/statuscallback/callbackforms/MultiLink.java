package com.example.statuscallback.callbackforms;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/** Four links, four callback forms: lambda, anonymous class, named nested class, method reference. */
public class MultiLink {
    private final DeviceClient clientA;
    private final DeviceClient clientB;
    private final DeviceClient clientC;
    private final DeviceClient clientD;
    private final DeviceClient clientE;

    public MultiLink() throws URISyntaxException {
        clientA = new DeviceClient(System.getenv("LINK_A"), IotHubClientProtocol.MQTT);
        clientB = new DeviceClient(System.getenv("LINK_B"), IotHubClientProtocol.MQTT);
        clientC = new DeviceClient(System.getenv("LINK_C"), IotHubClientProtocol.AMQPS);
        clientD = new DeviceClient(System.getenv("LINK_D"), IotHubClientProtocol.AMQPS);
        clientE = new DeviceClient(System.getenv("LINK_E"), IotHubClientProtocol.AMQPS_WS);

        // Lambda callback, no condition at all: reopens on every status change, on the callback thread.
        clientA.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
            System.out.println("A: " + status);
            openA();
        }, null);

        // Anonymous class, guarded, retries open() synchronously without closing in between.
        clientB.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                    Throwable throwable, Object context) {
                if (status != IotHubConnectionStatus.DISCONNECTED || reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    return;
                }
                for (int attempt = 0; attempt < 3; attempt++) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        clientB.open();
                        break;
                    } catch (IOException e) {
                        sleepQuietly(1000);
                    }
                }
            }
        }, null);

        // Named nested class, guarded by an old-style switch, retries with a close in the catch.
        clientC.registerConnectionStatusChangeCallback(new CStatus(), null);

        // Method reference, guarded, hands the reconnect to a new Thread.
        clientD.registerConnectionStatusChangeCallback(this::onDStatus, null);

        // Lambda, condition admits DISCONNECTED_RETRYING too; close and open synchronously on the callback thread.
        clientE.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED || status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    clientE.closeNow();
                    // expect: IotHubOpenWithoutStatusGuard
                    clientE.open();
                } catch (IOException e) {
                    System.out.println("E reopen failed: " + e.getMessage());
                }
            }
        }, null);
    }

    private void openA() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            clientA.open();
        } catch (IOException e) {
            System.out.println("A open failed: " + e.getMessage());
        }
    }

    private class CStatus implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                Throwable throwable, Object context) {
            switch (status) {
                case DISCONNECTED:
                    if (reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                        reconnectC();
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private void reconnectC() {
        while (true) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                clientC.open();
                return;
            } catch (IOException e) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    clientC.closeNow();
                } catch (IOException ignored) {
                    // best effort
                }
                sleepQuietly(2000);
            }
        }
    }

    private void onDStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
            Throwable throwable, Object context) {
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            new Thread(this::reopenD).start();
        }
    }

    private void reopenD() {
        try {
            // quiet: handed to a new Thread (check 3 does not apply), guarded in the callback that hands it off
            clientD.closeNow();
            // quiet: guarded — "a guard counts wherever it dominates the path, in the callback or in the code it reaches"
            clientD.open();
        } catch (IOException e) {
            System.out.println("D reopen failed: " + e.getMessage());
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void start() throws IOException {
        // quiet: start-up code
        clientA.open();
        // quiet: start-up code
        clientB.open();
        // quiet: start-up code
        clientC.open();
        // quiet: start-up code
        clientD.open();
        // quiet: start-up code
        clientE.open();
    }

    public static void main(String[] args) throws Exception {
        MultiLink links = new MultiLink();
        links.start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
