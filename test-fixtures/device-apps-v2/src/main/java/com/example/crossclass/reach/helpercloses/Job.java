package com.example.crossclass.reach.helpercloses;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A scheduled job that creates a client per run and hands it to the uploader. */
public class Job {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    void flush() {
        // quiet: check 4 - the uploader opens and closes this client on every path
        DeviceClient client = new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.HTTPS);
        try {
            Uploader.upload(client);
        } catch (IotHubClientException e) {
            System.err.println(e.getMessage());
        }
    }

    void flushAndForget() {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.HTTPS);
        try {
            Uploader.uploadAndForget(client);
        } catch (IotHubClientException e) {
            System.err.println(e.getMessage());
        }
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::flush, 1, 1, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(this::flushAndForget, 1, 1, TimeUnit.MINUTES);
    }
}
