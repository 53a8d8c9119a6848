package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.*;
import java.util.concurrent.*;

public class PerRequestTelemetry {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    public static void main(String[] args) throws Exception {
        PerRequestTelemetry t = new PerRequestTelemetry();
        t.startupLeak(args[0]);
        t.pool.submit(() -> t.sendWithFinally(args[0], "a"));
        t.pool.submit(() -> t.sendEarlyReturn(args[0], null));
        t.pool.submit(() -> t.sendNoClose(args[0], "b"));
        t.pool.submit(() -> t.sendClosedInCatchOnly(args[0], "d"));
    }

    void startupLeak(String cs) throws Exception {
        DeviceClient once = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
        once.open(false);
        once.sendEventAsync(new Message("boot"), null, null);
    }

    void sendWithFinally(String cs, String payload) {
        try {
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            try {
                c.open(false);
                c.sendEventAsync(new Message(payload), null, null);
            } finally {
                c.close();
            }
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void sendEarlyReturn(String cs, String payload) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            c.open(false);
            if (payload == null) {
                return;
            }
            c.sendEventAsync(new Message(payload), null, null);
            c.close();
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void sendNoClose(String cs, String payload) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            c.open(false);
            c.sendEventAsync(new Message(payload), null, null);
        } catch (Exception e) {
            System.err.println(e);
        }
    }


    void sendClosedInCatchOnly(String cs, String payload) {
        DeviceClient c = null;
        try {
            c = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            c.open(false);
            c.sendEventAsync(new Message(payload), null, null);
            c.close();
        } catch (Exception e) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    System.err.println(ignored);
                }
            }
        }
    }
}
