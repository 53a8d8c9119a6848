package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Start-up code: initializers and constructors; a single open() there is never reported. */
public class StartupForms {
    private static final DeviceClient SHARED = new DeviceClient(System.getenv("IOTHUB_CS"), IotHubClientProtocol.MQTT);

    static {
        try {
            SHARED.open(true);
        } catch (IotHubClientException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DeviceClient own = new DeviceClient(System.getenv("IOTHUB_CS2"), IotHubClientProtocol.AMQPS);

    {
        try {
            own.open(false);
        } catch (IotHubClientException e) {
            throw new IllegalStateException(e);
        }
    }

    private final DeviceClient third;

    StartupForms(String cs) throws IotHubClientException {
        third = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
        third.open(false);
    }

    StartupForms() throws IotHubClientException {
        this(System.getenv("IOTHUB_CS3"));
    }
}
