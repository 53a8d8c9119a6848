package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.TwinPropertyCallBack;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** 1.x: assorted shapes - one-line switch guards, scheduled retries, send loops, twin callbacks, Threads. */
public class V1EdgeCases {
    private DeviceClient client;
    private DeviceClient spare;
    private final String cs;
    private volatile boolean running = true;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();
    private final Timer timer = new Timer(true);

    public V1EdgeCases(String cs) throws URISyntaxException {
        this.cs = cs;
        this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public void registerCallbacks(DeviceClient other) throws IOException {
        client.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            // expect: IotHubReopenAfterClientClose
            switch (status) { case DISCONNECTED -> pool.execute(this::reopen); default -> { } }
        }, null);
        other.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            switch (status) {
                case DISCONNECTED_RETRYING:
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED:
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        other.open();
                    } catch (IOException e) {
                        System.err.println(e);
                    }
                    break;
                default:
                    break;
            }
        }, null);
        client.startDeviceTwin((code, c) -> { }, null, (TwinPropertyCallBack) (prop, c) -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }, null);
    }

    private void reopen() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    // retry by scheduling the same method from its catch: a retry construct, whose scheduled round is no root
    public void connect() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException e) {
            ses.schedule(this::connect, 5, TimeUnit.SECONDS);
        }
    }

    // same, but a fresh client each attempt: exemption (b) removes check 1, the failed client is never closed
    public void connectFresh() {
        try {
            spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            // expect: IotHubOpenRetryWithoutClose
            spare.open();
        } catch (IOException | URISyntaxException e) {
            ses.schedule(this::connectFresh, 5, TimeUnit.SECONDS);
        }
    }

    // send loop: the catch opens after a failed send
    public void telemetry() throws InterruptedException {
        while (running) {
            try {
                client.sendEventAsync(new Message("t"), (code, c) -> { }, null);
            } catch (IllegalStateException e) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException again) {
                    System.err.println(again);
                }
            }
            Thread.sleep(1000);
        }
    }

    // send-confirmation callback: only reopen after closing
    public void sendChecked() {
        client.sendEventAsync(new Message("x"), (code, c) -> {
            if (code == IotHubStatusCode.ERROR) {
                try {
                    client.closeNow();
                    client.open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }, null);
    }

    public void threads() {
        new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }).start();
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                ensureSpare();
            }
        }, 1000L);
    }

    private void ensureSpare() {
        if (spare == null) {
            try {
                spare = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
                spare.open();
            } catch (URISyntaxException | IOException e) {
                System.err.println(e);
            }
        }
    }
}
