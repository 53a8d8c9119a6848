package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.*;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.*;

public class ReconnectForms {
    private final DeviceClient a, b, c, d, e, f, g, h, i, j, k, l, m, n;
    private final ExecutorService exec = Executors.newSingleThreadExecutor();

    public ReconnectForms(String cs) throws Exception {
        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        d = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        e = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        f = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        g = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        h = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        i = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        j = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        k = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        l = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        m = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        n = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    private void reconnect(DeviceClient x) {
        try {
            x.close();
            x.open(false);
        } catch (Exception ex) {
            System.err.println(ex);
        }
    }

    public void wire() {
        a.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                exec.submit(() -> reconnect(a));
            }
        }, null);
        b.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                exec.submit(() -> reconnect(b));
            }
        }, null);
        c.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(status) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(reason)) {
                exec.submit(() -> reconnect(c));
            }
        }, null);
        d.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                exec.submit(() -> reconnect(d));
            }
        }, null);
        e.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                switch (reason) {
                    case CLIENT_CLOSE:
                        break;
                    default:
                        exec.submit(() -> reconnect(e));
                }
            }
        }, null);
        f.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                switch (reason) {
                    case CLIENT_CLOSE:
                        System.out.println("closed by app");
                    case RETRY_EXPIRED:
                        exec.submit(() -> reconnect(f));
                        break;
                    default:
                        break;
                }
            }
        }, null);
        g.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            // expect: IotHubReopenAfterClientClose
            switch (status) { case DISCONNECTED:
                    exec.submit(() -> reconnect(g));
                    break;
                default:
                    break;
            }
        }, null);
        h.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.DISCONNECTED) return;
            exec.submit(() -> reconnect(h));
        }, null);
        i.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (status != IotHubConnectionStatus.DISCONNECTED) return;
            if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) return;
            exec.submit(() -> reconnect(i));
        }, null);
        j.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && (reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED || reason == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR)) {
                exec.submit(() -> reconnect(j));
            }
        }, null);
        k.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                System.out.println("bye");
            } else if (status == IotHubConnectionStatus.DISCONNECTED) {
                exec.submit(() -> reconnect(k));
            }
        }, null);
        l.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.CONNECTED) {
                exec.submit(this::reopenL);
            }
        }, null);
    }

    private void onLost(DeviceClient x) {
        exec.submit(() -> reconnect(x));
    }

    public void wireMore() {
        m.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                switch (reason) {
                    case CLIENT_CLOSE -> System.out.println("closed by app");
                    default -> onLost(m);
                }
            }
        }, null);
        n.registerConnectionStatusChangeCallback((status, reason, thr, uctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.NO_NETWORK) {
                onLost(n);
            }
        }, null);
    }

    void reopenL() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            l.open(false);
        } catch (Exception ex) {
            System.err.println(ex);
        }
    }
}
