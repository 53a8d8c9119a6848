package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** 1.x: subclass of ModuleClient, static nested builder, var, try-with-resources. */
public class V1Gateway {
    private ModuleClient client;
    private String cs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    static final class EdgeModule extends ModuleClient {
        EdgeModule(String cs, IotHubClientProtocol protocol) throws ModuleClientException, URISyntaxException {
            super(cs, protocol);
        }
    }

    static final class Builder {
        private String cs;
        private IotHubClientProtocol protocol = IotHubClientProtocol.MQTT;

        Builder connectionString(String value) {
            this.cs = value;
            return this;
        }

        Builder protocol(IotHubClientProtocol value) {
            this.protocol = value;
            return this;
        }

        EdgeModule build() throws ModuleClientException, URISyntaxException {
            return new EdgeModule(cs, protocol);
        }
    }

    public void start(String connectionString) throws Exception {
        cs = connectionString;
        client = new Builder().connectionString(cs).protocol(IotHubClientProtocol.AMQPS).build();
        client.open();
        scheduler.scheduleAtFixedRate(this::healthCheck, 1, 1, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(this::probe, 5, 5, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(this::probeClosed, 5, 5, TimeUnit.MINUTES);
    }

    private void healthCheck() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    // (c): a local with the field's name, opened; the field's client is never closed or replaced
    public void connectShadow(String connectionString) throws Exception {
        // expect: IotHubClientReplacedWithoutClose
        var client = new EdgeModule(connectionString, IotHubClientProtocol.MQTT);
        client.open();
    }

    // (d): held only in a local, created and opened at a re-entry site, never closed
    private void probe() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            var probe = new EdgeModule(cs, IotHubClientProtocol.MQTT);
            probe.open();
            probe.sendEventAsync(new Message("probe"), (code, ctx) -> { }, null);
        } catch (ModuleClientException | URISyntaxException | IOException e) {
            System.err.println(e);
        }
    }

    // try-with-resources closes the probe on every path (DeviceClient is Closeable in 1.x)
    private void probeClosed() {
        try (var probe = new DeviceClient(cs, IotHubClientProtocol.MQTT)) {
            probe.open();
            probe.sendEventAsync(new Message("probe"), (code, ctx) -> { }, null);
        } catch (URISyntaxException | IOException e) {
            System.err.println(e);
        }
    }
}
