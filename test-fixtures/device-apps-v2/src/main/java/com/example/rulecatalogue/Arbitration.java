package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.Timer;
import java.util.TimerTask;

/** One call, one diagnostic: only the first of checks 1, 2, 3 that match an open() reports it. */
public class Arbitration {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private DeviceClient client;
    private final Timer timer = new Timer(true);

    public Arbitration() {
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
        client.setConnectionStatusChangeCallback(ctx -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, null);
    }

    // 1, 2 and 3 match: only 1
    void unguardedRetryLoopOnCallbackThread() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                while (true) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                        break;
                    } catch (IotHubClientException e) {
                        pause();
                    }
                }
            }
        }, null);
    }

    // 2 and 3 match (guarded): only 2
    void guardedRetryLoopOnCallbackThread() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                boolean up = false;
                while (!up) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        client.open(false);
                        up = true;
                    } catch (IotHubClientException e) {
                        pause();
                    }
                }
            }
        }, null);
    }

    // only 3 matches (guarded, closed before each attempt); the close is 3 as well
    void guardedRetryLoopWithCloseOnCallbackThread() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                boolean up = false;
                while (!up) {
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.open(false);
                        up = true;
                    } catch (IotHubClientException e) {
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
                        client.open(false);
                        return;
                    } catch (IotHubClientException e) {
                        pause();
                    }
                }
            }
        }, 10_000);
    }

    // 2 only, at the first open(); the second open() in the catch is not reported
    void openThenOpenAgainInCatch() throws IotHubClientException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            pause();
            client.open(false);
        }
    }

    // checks 4 and 5 report at other places, so they add to 3 / 1
    void guardedRecreateOnCallbackThreadWithoutExclusion() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                // expect: IotHubClientReplacedWithoutClose
                client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }
}
