package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Short-lived HTTPS clients per upload, created inside timer/executor tasks. */
public class PerCallClients {
    private final Timer timer = new Timer(true);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final String cs;

    public PerCallClients(String cs) {
        this.cs = cs;
    }

    public void start(List<String> readings) {
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                uploadWithResources(readings);
            }
        }, 0, 60_000);
        pool.submit(() -> uploadWithFinally(readings));
        pool.submit(() -> uploadSuccessOnlyClose(readings));
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                uploadNested(readings);
            }
        }, 1000);
    }

    /** try-with-resources (1.x DeviceClient is Closeable). */
    void uploadWithResources(List<String> readings) {
        try (DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.HTTPS)) {
            c.open();
            for (String r : readings) {
                c.sendEventAsync(new Message(r), (IotHubStatusCode code, Object ctx) -> { }, null);
            }
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }

    /** try/finally with a null check. */
    void uploadWithFinally(List<String> readings) {
        DeviceClient c = null;
        try {
            c = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            c.open();
            c.sendEventAsync(new Message(String.join(",", readings)), null, null);
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        } finally {
            if (c != null) {
                try {
                    c.closeNow();
                } catch (IOException ignored) {
                }
            }
        }
    }

    /** Nested try: close in an inner finally. */
    void uploadNested(List<String> readings) {
        try {
            DeviceClient uploader = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            try {
                uploader.open();
                uploader.sendEventAsync(new Message("n=" + readings.size()), null, null);
            } finally {
                uploader.closeNow();
            }
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }

    /** Near miss: close only on the success path; a failed send leaves the client open. */
    void uploadSuccessOnlyClose(List<String> readings) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            c.open();
            for (String r : readings) {
                c.sendEventAsync(new Message(r), null, null);
            }
            c.closeNow();
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }
}
