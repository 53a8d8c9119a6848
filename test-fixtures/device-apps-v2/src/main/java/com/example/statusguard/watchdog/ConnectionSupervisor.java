package com.example.statusguard.watchdog;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/** Supervisor thread of an industrial gateway; processes link events from a queue. */
public class ConnectionSupervisor {
    private final DeviceClient client;
    private final BlockingQueue<IotHubConnectionStatus> events = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile boolean running = true;
    private volatile IotHubConnectionStatus current = IotHubConnectionStatus.CONNECTED;
    private final Runnable blindReopen;

    public ConnectionSupervisor(DeviceClient client) {
        this.client = client;
        client.setConnectionStatusChangeCallback(new QueueingCallback(events), null);
        this.blindReopen = () -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("blind reopen failed: " + e.getStatusCode());
            }
        };
    }

    /** Top-level-style named callback class: pushes the status into a queue. */
    static final class QueueingCallback implements IotHubConnectionStatusChangeCallback {
        private final BlockingQueue<IotHubConnectionStatus> sink;

        QueueingCallback(BlockingQueue<IotHubConnectionStatus> sink) {
            this.sink = sink;
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext context) {
            sink.offer(context.getNewStatus());
        }
    }


    public void start() {
        executor.execute(this::eventLoop);
        executor.execute(this::hourlyCycle);
        new Thread(() -> pollLoop(), "poll").start();
    }

    private void eventLoop() {
        while (running) {
            IotHubConnectionStatus status;
            try {
                status = events.take();
            } catch (InterruptedException e) {
                return;
            }
            current = status;
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                continue;
            }
            client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("reopen failed: " + e.getStatusCode());
            }
        }
    }

    private void pollLoop() {
        while (running) {
            IotHubConnectionStatus status = events.peek();
            if (status == null) {
                sleep(500);
                continue;
            }
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                sleep(500);
                continue;
            }
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("poll reopen failed: " + e.getStatusCode());
            }
            sleep(500);
        }
    }

    private void hourlyCycle() {
        while (running) {
            sleep(3_600_000L);
            client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("hourly cycle failed: " + e.getStatusCode());
            }
        }
    }

    public void kick() {
        executor.execute(blindReopen);
    }

    /** Invoked from the admin console thread pool. */
    public void reopenIfDown() {
        executor.submit(() -> {
            requireDisconnected();
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("admin reopen failed: " + e.getStatusCode());
            }
        });
        executor.submit(() -> {
            if (current != IotHubConnectionStatus.DISCONNECTED) {
                throw new IllegalStateException("link is " + current);
            }
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("admin reopen failed: " + e.getStatusCode());
            }
        });
    }

    private void requireDisconnected() {
        if (current == IotHubConnectionStatus.CONNECTED) {
            throw new IllegalStateException("already connected");
        }
    }

    public void drainWhileDown() {
        executor.execute(() -> {
            while (current == IotHubConnectionStatus.DISCONNECTED && running) {
                try {
                    client.open(false);
                    current = IotHubConnectionStatus.CONNECTED;
                } catch (IotHubClientException e) {
                    client.close();
                    sleep(3000);
                }
            }
        });
    }

    public void stop() {
        running = false;
        executor.shutdownNow();
        client.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
