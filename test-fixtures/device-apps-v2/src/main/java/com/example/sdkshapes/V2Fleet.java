package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** 2.x: one client per device; streams, forEach with checked exceptions, client::close handed to an executor. */
public class V2Fleet {
    private final List<DeviceClient> clients = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService ses = Executors.newScheduledThreadPool(1);

    public V2Fleet(List<String> css) {
        css.stream().map(cs -> new DeviceClient(cs, IotHubClientProtocol.MQTT)).forEach(clients::add);
        clients.forEach(c -> c.setConnectionStatusChangeCallback(ctx -> onStatus(c, ctx), c));
    }

    public void openAll() {
        clients.forEach(c -> {
            try {
                c.open(false);
            } catch (IotHubClientException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public void closeAll() {
        clients.forEach(DeviceClient::close);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> clients.forEach(DeviceClient::close)));
    }

    private void onStatus(DeviceClient c, ConnectionStatusChangeContext ctx) {
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            pool.execute(c::close);
            pool.execute(() -> reopen(c));
        }
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            pool.submit(c::close);
        }
    }

    private void reopen(DeviceClient c) {
        c.close();
        try {
            c.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    public void watchdog() {
        ses.scheduleAtFixedRate(() -> clients.parallelStream().forEach(c -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                c.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }), 1, 1, TimeUnit.MINUTES);
        ses.scheduleAtFixedRate(() -> {
            for (DeviceClient c : clients) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    c.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            }
        }, 1, 1, TimeUnit.MINUTES);
    }
}
