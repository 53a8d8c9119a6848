package com.example.crossclass.reach.closeoverride;

public class Main {
    public static void main(String[] args) throws Exception {
        Meter meter = new Meter(System.getenv("METER_CS"));
        Gauge gauge = new Gauge(System.getenv("GAUGE_CS"), System.getenv("GAUGE_DIAG_CS"));
        meter.connect();
        gauge.connect();
        Thread.sleep(600_000);
        meter.disconnect();
        gauge.disconnect();
    }
}
