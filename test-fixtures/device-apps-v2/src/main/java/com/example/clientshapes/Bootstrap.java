package com.example.clientshapes;

import com.example.clientshapes.wrapper.HubLink;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;
import java.net.URISyntaxException;

/** Start-up code only: static/instance initializers, constructor, main. Must stay quiet. */
public class Bootstrap {
    private static final DeviceClient SHARED = new DeviceClient(System.getenv("IOTHUB_CS"), IotHubClientProtocol.MQTT);

    static {
        try {
            SHARED.open(true);
        } catch (IotHubClientException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DeviceClient own;
    private final HubLink link;

    {
        own = new DeviceClient(System.getenv("IOTHUB_CS_2"), IotHubClientProtocol.AMQPS);
    }

    public Bootstrap() throws URISyntaxException, IotHubClientException {
        link = new HubLink(System.getenv("IOTHUB_CS_3"));
        own.open(true);
        link.open();
    }

    public static void boot(UnixDomainSocketChannel channel) throws Exception {
        Bootstrap b = new Bootstrap();
        ModuleClient edge = ModuleClient.createFromEnvironment(channel);
        edge.open(true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SHARED.close();
            b.own.close();
            b.link.close();
            edge.close();
        }));
    }
}
