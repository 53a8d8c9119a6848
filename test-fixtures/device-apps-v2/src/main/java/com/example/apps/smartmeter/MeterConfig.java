package com.example.apps.smartmeter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** Gateway configuration, read from /etc/meter-gateway.properties. */
public record MeterConfig(String connectionString,
                          int keepAliveSeconds,
                          int maxConnectAttempts,
                          Duration pollInterval,
                          int queueCapacity,
                          int batchSize,
                          String meterSerial) {

    public static MeterConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new MeterConfig(
                p.getProperty("hub.connectionString"),
                Integer.parseInt(p.getProperty("hub.keepAliveSeconds", "230")),
                Integer.parseInt(p.getProperty("hub.maxConnectAttempts", "10")),
                Duration.ofSeconds(Long.parseLong(p.getProperty("meter.pollSeconds", "15"))),
                Integer.parseInt(p.getProperty("queue.capacity", "5000")),
                Integer.parseInt(p.getProperty("queue.batchSize", "50")),
                p.getProperty("meter.serial", "UNKNOWN"));
    }
}
