package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** ModuleClient subclass: inner callback using RecoveringModule.this, start-up retry loops on itself. */
public class RecoveringModule extends ModuleClient {
    private int disconnects;

    public RecoveringModule(String cs) {
        super(cs, IotHubClientProtocol.AMQPS);
        setConnectionStatusChangeCallback(new Listener(), null);
    }

    private final class Listener implements IotHubConnectionStatusChangeCallback {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                disconnects++;
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    RecoveringModule.this.open(false);
                } catch (IotHubClientException e) {
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
                open(false);
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 60_000);
            }
        }
    }

    public void connectWithBackoffSafely() throws InterruptedException {
        while (true) {
            try {
                open(false);
                return;
            } catch (IotHubClientException e) {
                close();
                Thread.sleep(1000);
            }
        }
    }

    public void connectRecursively(int attemptsLeft) {
        try {
            // expect: IotHubOpenRetryWithoutClose
            this.open(false);
        } catch (IotHubClientException e) {
            if (attemptsLeft > 0) {
                connectRecursively(attemptsLeft - 1);
            }
        }
    }
}
