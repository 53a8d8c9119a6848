package com.example.retry.closinghelper;

public class Main {
    public static void main(String[] args) throws Exception {
        new ResettingMeterLink(System.getenv("METER_CS")).connectWithRetries();
        new Uplink(System.getenv("UPLINK_CS")).start();
    }
}
