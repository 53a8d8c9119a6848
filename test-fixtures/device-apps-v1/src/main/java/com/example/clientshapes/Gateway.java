package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Static nested connection manager (correct) and an inner watchdog (buggy). */
public class Gateway {
    private final DeviceClient device;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final Watchdog watchdog = new Watchdog();

    public Gateway(String cs) throws URISyntaxException {
        device = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public static void main(String[] args) throws Exception {
        Gateway gw = new Gateway(args[0]);
        ConnectionManager manager = new ConnectionManager(gw.device);
        gw.device.open();
        new Thread(manager, "conn-manager").start();
        gw.scheduler.scheduleAtFixedRate(() -> gw.watchdog.check(), 30, 30, TimeUnit.SECONDS);
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class ConnectionManager implements Runnable {
        private final DeviceClient client;
        private final Object lock = new Object();
        private volatile boolean connected;

        ConnectionManager(DeviceClient client) {
            this.client = client;
            client.registerConnectionStatusChangeCallback(this::onStatus, null);
        }

        private void onStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
            connected = status == IotHubConnectionStatus.CONNECTED;
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    synchronized (lock) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                while (!connected) {
                    try {
                        client.closeNow();
                        client.open();
                        break;
                    } catch (IOException e) {
                        sleepQuietly(5000);
                    }
                }
            }
        }
    }

    final class Watchdog {
        void check() {
            if (lastStatus != IotHubConnectionStatus.CONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    device.open();
                } catch (IOException e) {
                    // try again next period
                }
            }
        }

        void record(IotHubConnectionStatus s) {
            lastStatus = s;
        }
    }
}
