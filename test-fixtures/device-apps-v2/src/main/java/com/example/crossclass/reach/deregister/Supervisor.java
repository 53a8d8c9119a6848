package com.example.crossclass.reach.deregister;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class Supervisor {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Station station;
    private final Relay relay;

    public Supervisor(Station station, Relay relay) {
        this.station = station;
        this.relay = relay;
    }

    void scheduleFirmwareUpdate(long delayMinutes) {
        scheduler.schedule(() -> {
            relay.shutdownForUpdate();
            System.out.println("relay down for update");
        }, delayMinutes, TimeUnit.MINUTES);
    }

    void stopAll() {
        station.stop();
        relay.stop();
    }
}
