package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/** ModuleClient subclass: inner callback using RecoveringModule.this, start-up retry loops on itself. */
public class RecoveringModule extends ModuleClient {
    private int disconnects;

    public RecoveringModule(String cs) throws ModuleClientException, URISyntaxException {
        super(cs, IotHubClientProtocol.AMQPS);
        registerConnectionStatusChangeCallback(new Listener(), null);
    }

    private final class Listener implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                disconnects++;
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    RecoveringModule.this.open();
                } catch (IOException e) {
                    // ignored
                }
            }
        }
    }

    public void connectWithBackoff() throws InterruptedException {
        long delay = 1000;
        while (true) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                open();
                return;
            } catch (IOException e) {
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 60_000);
            }
        }
    }

    public void connectWithBackoffSafely() throws InterruptedException {
        while (true) {
            try {
                open();
                return;
            } catch (IOException e) {
                try {
                    closeNow();
                } catch (IOException ignored) {
                    // best effort
                }
                Thread.sleep(1000);
            }
        }
    }

    public void connectRecursively(int attemptsLeft) {
        try {
            // expect: IotHubOpenRetryWithoutClose
            this.open();
        } catch (IOException e) {
            if (attemptsLeft > 0) {
                connectRecursively(attemptsLeft - 1);
            }
        }
    }
}
