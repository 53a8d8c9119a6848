package com.example.statusguard.paramcreated;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Helpers that open a client passed in as a parameter. */
public class BatchUploader {
    private final String connectionString;
    private final DeviceClient shared;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    BatchUploader(String connectionString) {
        this.connectionString = connectionString;
        this.shared = new DeviceClient(connectionString, IotHubClientProtocol.HTTPS);
    }

    /** Every return is a new client, so a call to it is a creation. */
    private DeviceClient createClient() {
        return new DeviceClient(connectionString, IotHubClientProtocol.HTTPS);
    }

    private List<Message> batch() {
        return Arrays.asList(new Message("{\"a\":1}"), new Message("{\"b\":2}"));
    }

    void start() {
        scheduler.scheduleAtFixedRate(() -> {
            DeviceClient fresh = createClient();
            publishWith(fresh, batch());
        }, 0, 15, TimeUnit.MINUTES);

        scheduler.scheduleAtFixedRate(() -> {
            DeviceClient fresh = createClient();
            try {
                publishVia(fresh, batch());
            } finally {
                fresh.close();
            }
        }, 5, 15, TimeUnit.MINUTES);

        scheduler.scheduleAtFixedRate(() -> publishVia(shared, batch()), 10, 15, TimeUnit.MINUTES);
    }

    /** Only ever called with a client the caller has just created. */
    private void publishWith(DeviceClient c, List<Message> messages) {
        try {
            // quiet: "(b') the client is a parameter that, on this path, the caller created as in (b)"; "a call to a compilation method every return of which is a new client is a creation"
            c.open(false);
            for (Message m : messages) {
                c.sendEvent(m);
            }
        } catch (IotHubClientException | InterruptedException e) {
            System.out.println("publish failed: " + e.getMessage());
        } finally {
            c.close();
        }
    }

    /** Called with a fresh client from one task and with the long-lived shared client from another. */
    private void publishVia(DeviceClient c, List<Message> messages) {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            c.open(false);
            for (Message m : messages) {
                c.sendEvent(m);
            }
        } catch (IotHubClientException | InterruptedException e) {
            System.out.println("publish failed: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        new BatchUploader(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING")).start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
