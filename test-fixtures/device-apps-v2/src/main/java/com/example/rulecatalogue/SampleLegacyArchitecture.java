package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * Own equivalent of the legacy reconnection sample, on the 2.x API: the app tracks its own connection state, and its
 * connect routine retries open() in a loop without closing in between. Exactly one finding.
 */
public class SampleLegacyArchitecture implements IotHubConnectionStatusChangeCallback {
    private enum AppConnectionState { DISCONNECTED, CONNECTING, CONNECTED }

    private static final long RETRY_DELAY_MS = 10_000;

    private final DeviceClient client;
    private final Object stateLock = new Object();
    private AppConnectionState appState = AppConnectionState.DISCONNECTED;

    public SampleLegacyArchitecture(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this, this);
    }

    public void run() {
        connectDevice();
    }

    private void connectDevice() {
        synchronized (stateLock) {
            if (appState == AppConnectionState.DISCONNECTED) {
                appState = AppConnectionState.CONNECTING;
            } else {
                return;
            }
        }
        while (true) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                synchronized (stateLock) {
                    appState = AppConnectionState.CONNECTED;
                }
                break;
            } catch (IotHubClientException e) {
                System.err.println("open failed: " + e.getMessage());
            }
            try {
                Thread.sleep(RETRY_DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        System.out.println("status=" + ctx.getNewStatus() + " reason=" + ctx.getNewStatusReason());
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (stateLock) {
                appState = AppConnectionState.DISCONNECTED;
            }
            new Thread(this::connectDevice, "reconnect").start();
        } else if (ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED) {
            synchronized (stateLock) {
                appState = AppConnectionState.CONNECTED;
            }
        }
    }

    public void shutdown() {
        client.close();
    }
}
