package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Own equivalent of the legacy 1.x reconnection sample: the app tracks its own connection state, and its
 * connect routine retries open() in a loop without closing in between. Exactly one finding.
 */
public class SampleLegacyArchitecture implements IotHubConnectionStatusChangeCallback {
    private enum AppConnectionState { DISCONNECTED, CONNECTING, CONNECTED }

    private static final long RETRY_DELAY_MS = 10_000;

    private final DeviceClient client;
    private final Object stateLock = new Object();
    private AppConnectionState appState = AppConnectionState.DISCONNECTED;

    public SampleLegacyArchitecture(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, this);
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
                client.open();
                synchronized (stateLock) {
                    appState = AppConnectionState.CONNECTED;
                }
                break;
            } catch (IOException e) {
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
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        System.out.println("status=" + status + " reason=" + reason);
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (stateLock) {
                appState = AppConnectionState.DISCONNECTED;
            }
            new Thread(this::connectDevice, "reconnect").start();
        } else if (status == IotHubConnectionStatus.CONNECTED) {
            synchronized (stateLock) {
                appState = AppConnectionState.CONNECTED;
            }
        }
    }

    public void shutdown() throws IOException {
        client.closeNow();
    }
}
