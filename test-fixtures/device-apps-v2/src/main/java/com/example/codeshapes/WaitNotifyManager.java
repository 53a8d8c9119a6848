package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** wait/notify and latch hand-offs; a guarded scheduled retry. */
public class WaitNotifyManager {
    private final Object lock = new Object();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final AtomicReference<CountDownLatch> down = new AtomicReference<>(new CountDownLatch(1));
    private final DeviceClient client;
    private final DeviceClient second;
    private final DeviceClient third;
    private IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason reason;

    public WaitNotifyManager() {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS);
        second = new DeviceClient(Util.CS.replace("dev1", "second"), IotHubClientProtocol.AMQPS);
        third = new DeviceClient(Util.CS.replace("dev1", "third"), IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(this::onStatus, null);
    }

    private void onStatus(ConnectionStatusChangeContext ctx) {
        synchronized (lock) {
            status = ctx.getNewStatus();
            reason = ctx.getNewStatusReason();
            lock.notifyAll();
        }
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            down.get().countDown();
        }
    }

    public void start() throws IotHubClientException {
        client.open(false);
        second.open(false);
        third.open(false);
        new Thread(this::waitLoopNoTry).start();
        new Thread(this::waitLoopWithTry).start();
        new Thread(this::latchWorker).start();
        scheduler.schedule(this::guardedRetryClosing, 1, TimeUnit.MINUTES);
        scheduler.schedule(this::guardedRetryNoClose, 1, TimeUnit.MINUTES);
    }

    /** Loop condition of a wait loop as the guard (wait() propagates InterruptedException). */
    private void waitLoopNoTry() {
        try {
            waitThenOpen();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitThenOpen() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (lock) {
                while (status != IotHubConnectionStatus.DISCONNECTED) {
                    lock.wait();
                }
            }
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                Thread.sleep(1000);
            }
        }
    }

    /** Same, but the wait loop sits in a try whose catch leaves the method. */
    private void waitLoopWithTry() {
        while (true) {
            synchronized (lock) {
                try {
                    while (status != IotHubConnectionStatus.DISCONNECTED) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                Util.pause(1000);
            }
        }
    }

    /** Latch released by the callback; close + open on the worker. */
    private void latchWorker() {
        while (true) {
            try {
                down.get().await();
            } catch (InterruptedException e) {
                return;
            }
            down.set(new CountDownLatch(1));
            second.close();
            try {
                second.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    private boolean ownsLink() {
        synchronized (lock) {
            return status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
        }
    }

    /** Guarded; retried by scheduling itself, closing the failed attempt first. */
    private void guardedRetryClosing() {
        if (!ownsLink()) {
            return;
        }
        try {
            third.open(false);
        } catch (IotHubClientException e) {
            third.close();
            scheduler.schedule(this::guardedRetryClosing, 10, TimeUnit.SECONDS);
        }
    }

    /** Near miss: guarded, retried by scheduling itself, but the failed attempt is not closed. */
    private void guardedRetryNoClose() {
        if (!ownsLink()) {
            return;
        }
        try {
            // expect: IotHubOpenRetryWithoutClose
            third.open(false);
        } catch (IotHubClientException e) {
            scheduler.schedule(this::guardedRetryNoClose, 10, TimeUnit.SECONDS);
        }
    }
}
