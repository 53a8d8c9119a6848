package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.*;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.*;

public class ReconnectShapes implements IotHubConnectionStatusChangeCallback {
    private final String cs;
    private DeviceClient self, anon, named, ref, direct, recreated, sample;
    private final ExecutorService exec = Executors.newSingleThreadExecutor();
    private final Object lock = new Object();
    private volatile boolean needsReconnect;

    public ReconnectShapes(String cs) throws Exception {
        this.cs = cs;
        self = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        anon = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        named = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        ref = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        direct = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        recreated = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        sample = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable thr, Object uctx) {
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        new Thread(() -> restart(self)).start();
    }

    private void restart(DeviceClient x) {
        try {
            x.close();
            x.open(false);
        } catch (Exception ex) {
            System.err.println(ex);
        }
    }

    class NamedWatcher implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable thr, Object uctx) {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                exec.execute(() -> restart(named));
            }
        }
    }

    void onRef(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable thr, Object uctx) {
        // expect: IotHubReopenAfterClientClose
        if (status.equals(IotHubConnectionStatus.DISCONNECTED)) {
            CompletableFuture.runAsync(() -> restart(ref));
        }
    }

    private void restartInline() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            direct.close();
            // expect: IotHubReconnectOnCallbackThread
            direct.open(false);
        } catch (Exception ex) {
            System.err.println(ex);
        }
    }

    private void recreate() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            recreated = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            recreated.open(false);
        } catch (Exception ex) {
            System.err.println(ex);
        }
    }

    public void wire() throws Exception {
        self.registerConnectionStatusChangeCallback(this, null);
        anon.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable thr, Object uctx) {
                // expect: IotHubReopenAfterClientClose
                if (IotHubConnectionStatus.DISCONNECTED == status) {
                    exec.submit(() -> restart(anon));
                }
            }
        }, null);
        named.registerConnectionStatusChangeCallback(new NamedWatcher(), null);
        ref.registerConnectionStatusChangeCallback(this::onRef, null);
        direct.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                restartInline();
            }
        }, null);
        recreated.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                exec.submit(this::recreate);
            }
        }, null);
        sample.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                synchronized (lock) {
                    needsReconnect = true;
                    lock.notifyAll();
                }
            }
        }, null);
        sample.open(false);
        new Thread(this::manager).start();
    }

    private void manager() {
        while (true) {
            synchronized (lock) {
                while (!needsReconnect) {
                    try {
                        lock.wait();
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
                needsReconnect = false;
            }
            boolean ok = false;
            while (!ok) {
                try {
                    sample.close();
                    sample.open(false);
                    ok = true;
                } catch (Exception ex) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }
}
