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
        a.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                exec.submit(() -> reconnect(a));
            }
        }, null);
        b.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                exec.submit(() -> reconnect(b));
            }
        }, null);
        c.setConnectionStatusChangeCallback(ctx -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus()) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                exec.submit(() -> reconnect(c));
            }
        }, null);
        d.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                exec.submit(() -> reconnect(d));
            }
        }, null);
        e.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
                    case CLIENT_CLOSE:
                        break;
                    default:
                        exec.submit(() -> reconnect(e));
                }
            }
        }, null);
        f.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
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
        g.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            switch (ctx.getNewStatus()) { case DISCONNECTED:
                    exec.submit(() -> reconnect(g));
                    break;
                default:
                    break;
            }
        }, null);
        h.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) return;
            exec.submit(() -> reconnect(h));
        }, null);
        i.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) return;
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) return;
            exec.submit(() -> reconnect(i));
        }, null);
        j.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED || ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR)) {
                exec.submit(() -> reconnect(j));
            }
        }, null);
        k.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                System.out.println("bye");
            } else if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                exec.submit(() -> reconnect(k));
            }
        }, null);
        l.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                exec.submit(this::reopenL);
            }
        }, null);
    }

    private void onLost(DeviceClient x) {
        exec.submit(() -> reconnect(x));
    }

    public void wireMore() {
        m.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
                    case CLIENT_CLOSE -> System.out.println("closed by app");
                    default -> onLost(m);
                }
            }
        }, null);
        n.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.NO_NETWORK) {
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
