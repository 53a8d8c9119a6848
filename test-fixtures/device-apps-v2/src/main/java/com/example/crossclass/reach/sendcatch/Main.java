package com.example.crossclass.reach.sendcatch;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class Main {
    public static void main(String[] args) throws Exception {
        ClientFactory factory = new ClientFactory(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        DeviceClient initial = factory.create();
        // quiet: single start-up open
        initial.open(false);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleAtFixedRate(new Telemetry(factory, new Reconnector(), initial), 0, 10, TimeUnit.SECONDS);
    }
}
