package com.example.clientshapes;

import com.example.clientshapes.wrapper.HubLink;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import java.io.IOException;
import java.net.URISyntaxException;

/** Start-up code only: static/instance initializers, constructor, main. Must stay quiet. */
public class Bootstrap {
    private static final DeviceClient SHARED;

    static {
        try {
            SHARED = new DeviceClient(System.getenv("IOTHUB_CS"), IotHubClientProtocol.MQTT);
        } catch (URISyntaxException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DeviceClient own;
    private final HubLink link;

    {
        own = new DeviceClient(System.getenv("IOTHUB_CS_2"), IotHubClientProtocol.AMQPS);
    }

    public Bootstrap() throws URISyntaxException, IOException {
        link = new HubLink(System.getenv("IOTHUB_CS_3"));
        own.open();
        link.open();
    }

    public static void main(String[] args) throws Exception {
        SHARED.open();
        Bootstrap b = new Bootstrap();
        ModuleClient edge = ModuleClient.createFromEnvironment();
        edge.open();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                SHARED.closeNow();
                b.own.closeNow();
                b.link.close();
                edge.closeNow();
            } catch (IOException e) {
                // best effort
            }
        }));
    }
}
