package com.example.statusguard.thermostat;

import com.example.statusguard.linkutil.LinkUtil;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Smart thermostat: desired "targetTemperature" comes from the twin, reported temperature every minute. */
public class ThermostatTwin {
    private final DeviceClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final Timer timer = new Timer(true);
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile double target = 21.0;

    public ThermostatTwin(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public void start(boolean strictMode) throws IotHubClientException, InterruptedException {
        if (strictMode) {
            client.setConnectionStatusChangeCallback(this::recordOnly, null);
        } else {
            client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
                @Override
                public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                    lastStatus = ctx.getNewStatus();
                    // expect: IotHubReopenAfterClientClose
                    if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                        // expect: IotHubReconnectOnCallbackThread
                        client.close();
                        try {
                            // expect: IotHubOpenWithoutStatusGuard
                            client.open(false);
                        } catch (IotHubClientException e) {
                            System.err.println("reopen failed: " + e.getStatusCode());
                        }
                    }
                }
            }, null);
        }
        client.open(true);
        client.subscribeToDesiredProperties(this::onDesired, null);
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                report();
            }
        }, 60_000, 60_000);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                while (true) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                        break;
                    } catch (IotHubClientException e) {
                        sleep(2000);
                    }
                }
            }
        }, 3_600_000L);
    }

    private void recordOnly(ConnectionStatusChangeContext ctx) {
        lastStatus = ctx.getNewStatus();
        IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
        worker.execute(() -> {
            if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                client.close();
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println("worker reopen failed: " + e.getStatusCode() + " after " + reason);
                }
            }
        });
    }

    private void onDesired(Twin twin, Object context) {
        TwinCollection desired = twin.getDesiredProperties();
        Object t = desired.get("targetTemperature");
        if (t instanceof Number) {
            target = ((Number) t).doubleValue();
        }
        if (LinkUtil.isDisconnected(lastStatus)) {
            try {
                // not reported: contract v2: LinkUtil.isDisconnected returns a status condition, a guard across classes
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("twin-triggered reopen failed: " + e.getStatusCode());
            }
        }
        if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(() -> {
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println("deferred reopen failed: " + e.getStatusCode());
                }
            });
        }
        report();
    }

    private void report() {
        if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
            ensureOpen();
        }
        TwinCollection reported = new TwinCollection();
        reported.put("currentTemperature", 20 + Math.random() * 3);
        reported.put("targetTemperature", target);
        try {
            client.updateReportedProperties(reported);
        } catch (IotHubClientException | InterruptedException | IllegalStateException e) {
            ensureOpen();
        }
    }

    private void ensureOpen() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("ensureOpen failed: " + e.getStatusCode());
        }
    }

    public void stop() {
        timer.cancel();
        worker.shutdownNow();
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
