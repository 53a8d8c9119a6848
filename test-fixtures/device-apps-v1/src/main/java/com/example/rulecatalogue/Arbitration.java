package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** One call, one diagnostic: only the first of checks 1, 2, 3 that match an open() reports it. */
public class Arbitration {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private DeviceClient client;
    private final Timer timer = new Timer(true);

    public Arbitration() throws URISyntaxException {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    private static void pause() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // 1 and 3 match: only 1
    void unguardedOpenOnCallbackThread() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, null);
    }

    // 1, 2 and 3 match: only 1
    void unguardedRetryLoopOnCallbackThread() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.CONNECTED) {
                while (true) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                        break;
                    } catch (IOException e) {
                        pause();
                    }
                }
            }
        }, null);
    }

    // 2 and 3 match (guarded): only 2
    void guardedRetryLoopOnCallbackThread() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                boolean up = false;
                while (!up) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        client.open();
                        up = true;
                    } catch (IOException e) {
                        pause();
                    }
                }
            }
        }, null);
    }

    // only 3 matches (guarded, closed before each attempt); the close is 3 as well
    void guardedRetryLoopWithCloseOnCallbackThread() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                boolean up = false;
                while (!up) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.closeNow();
                        // expect: IotHubReconnectOnCallbackThread
                        client.open();
                        up = true;
                    } catch (IOException e) {
                        pause();
                    }
                }
            }
        }, null);
    }

    // 1 and 2 match (timer, unguarded, retry without close): only 1
    void unguardedRetryLoopInTimer() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                for (int attempt = 0; attempt < 3; attempt++) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                        return;
                    } catch (IOException e) {
                        pause();
                    }
                }
            }
        }, 10_000);
    }

    // 2 only, at the first open(); the second open() in the catch is not reported
    void openThenOpenAgainInCatch() throws IOException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException e) {
            pause();
            client.open();
        }
    }

    // checks 4 and 5 report at other places, so they add to 3 / 1
    void guardedRecreateOnCallbackThreadWithoutExclusion() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubClientReplacedWithoutClose
                    client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException | URISyntaxException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }
}
