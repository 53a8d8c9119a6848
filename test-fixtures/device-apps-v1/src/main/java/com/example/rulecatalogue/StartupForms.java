package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** Start-up code: initializers and constructors; a single open() there is never reported. */
public class StartupForms {
    private static final DeviceClient SHARED;

    static {
        try {
            SHARED = new DeviceClient(System.getenv("IOTHUB_CS"), IotHubClientProtocol.MQTT);
            SHARED.open();
        } catch (IOException | URISyntaxException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DeviceClient own;

    {
        try {
            own = new DeviceClient(System.getenv("IOTHUB_CS2"), IotHubClientProtocol.AMQPS);
            own.open(false);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final DeviceClient third;

    StartupForms(String cs) throws URISyntaxException, IOException {
        third = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
        third.open();
    }

    StartupForms() throws URISyntaxException, IOException {
        this(System.getenv("IOTHUB_CS3"));
    }
}
