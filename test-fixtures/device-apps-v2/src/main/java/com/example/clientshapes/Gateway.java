package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Static nested connection manager with tracked enum state (correct) and an inner watchdog (buggy). */
public class Gateway {
    private final DeviceClient device;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final Watchdog watchdog = new Watchdog();

    public Gateway(String cs) {
        device = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public static void main(String[] args) throws Exception {
        Gateway gw = new Gateway(args[0]);
        ConnectionManager manager = new ConnectionManager(gw.device);
        gw.device.open(true);
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
        enum LinkMode { UP, RETRYING, DISCONNECTED }

        private final DeviceClient client;
        private final Object lock = new Object();
        private volatile LinkMode mode = LinkMode.DISCONNECTED;

        ConnectionManager(DeviceClient client) {
            this.client = client;
            client.setConnectionStatusChangeCallback(this::onStatus, null);
        }

        private void onStatus(ConnectionStatusChangeContext ctx) {
            mode = switch (ctx.getNewStatus()) {
                case CONNECTED -> LinkMode.UP;
                case DISCONNECTED_RETRYING -> LinkMode.RETRYING;
                case DISCONNECTED -> LinkMode.DISCONNECTED;
            };
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            if (mode == LinkMode.DISCONNECTED) {
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
                while (mode == LinkMode.DISCONNECTED) {
                    try {
                        client.close();
                        client.open(false);
                        break;
                    } catch (IotHubClientException e) {
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
                    device.open(false);
                } catch (IotHubClientException e) {
                    // try again next period
                }
            }
        }

        void record(IotHubConnectionStatus s) {
            lastStatus = s;
        }
    }
}
