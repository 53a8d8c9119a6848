package com.example.statuscallback.coldchain;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Reefer-container tracker with a primary cellular link and a satellite fallback identity. */
public class ColdChainTracker {
    private final DeviceClient cellular;
    private final DeviceClient satellite;
    private final ExecutorService reconnectExecutor = Executors.newSingleThreadExecutor();
    private volatile boolean running = true;

    public ColdChainTracker(String cellularCs, String satelliteCs) {
        ClientOptions options = ClientOptions.builder().keepAliveInterval(240).build();
        cellular = new DeviceClient(cellularCs, IotHubClientProtocol.MQTT, options);
        satellite = new DeviceClient(satelliteCs, IotHubClientProtocol.AMQPS);

        cellular.setConnectionStatusChangeCallback(ctx -> {
            System.out.println("cellular: " + ctx.getNewStatus() + " " + ctx.getNewStatusReason());
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    cellular.open(false);
                } catch (IotHubClientException e) {
                    System.err.println("cellular reopen failed: " + e.getMessage());
                }
            }
        }, null);

        satellite.setConnectionStatusChangeCallback(ctx -> {
            IotHubConnectionStatus s = ctx.getNewStatus();
            if (s == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                reconnectExecutor.submit(() -> {
                    satellite.close();
                    try {
                        satellite.open(true);
                    } catch (IotHubClientException e) {
                        System.err.println("satellite reopen failed: " + e.getMessage());
                    }
                });
            }
        }, null);
    }

    public void start() throws IotHubClientException {
        cellular.open(true);
        satellite.open(true);
        new Thread(this::reportLoop, "report").start();
    }

    private void reportLoop() {
        while (running) {
            double temp = -18 + Math.random();
            Message m = new Message("{\"containerTemp\":" + temp + "}");
            try {
                cellular.sendEvent(m);
            } catch (IotHubClientException | InterruptedException | IllegalStateException e) {
                try {
                    // fall back to the satellite link for this reading
                    // expect: IotHubOpenWithoutStatusGuard
                    satellite.open(false);
                    satellite.sendEvent(m);
                } catch (IotHubClientException | InterruptedException ex) {
                    System.err.println("reading lost: " + ex);
                }
            }
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public void stop() {
        running = false;
        reconnectExecutor.shutdownNow();
        cellular.close();
        satellite.close();
    }
}
