package com.example.apps.smartmeter;

import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Properties;

/** Immutable gateway settings. */
public final class MeterSettings {
    private final Properties p;

    private MeterSettings(Properties p) {
        this.p = p;
    }

    public static MeterSettings load(String path) throws IOException {
        Properties p = new Properties();
        try (Reader r = new FileReader(path)) {
            p.load(r);
        }
        return new MeterSettings(p);
    }

    public String connectionString() { return p.getProperty("hub.connectionString"); }
    public int maxConnectAttempts() { return Integer.parseInt(p.getProperty("hub.maxConnectAttempts", "8")); }
    public long operationTimeoutMillis() { return Long.parseLong(p.getProperty("hub.operationTimeoutMillis", "240000")); }
    public String firmwareVersion() { return p.getProperty("fw.version", "3.4.1"); }
    public String meterSerial() { return p.getProperty("meter.serial", "UNKNOWN"); }
    public long pollSeconds() { return Long.parseLong(p.getProperty("meter.pollSeconds", "15")); }
    public int queueCapacity() { return Integer.parseInt(p.getProperty("queue.capacity", "2000")); }
}
