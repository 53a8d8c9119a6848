package com.example.connectionstring.legacygateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.net.URISyntaxException;

/** Picks the gateway's identity by region, with a switch expression over connection strings kept in source. */
final class RegionSelector {
    enum Region { NORTH, SOUTH, LAB }

    private static final String NORTH_CS = "HostName=contoso-gw.azure-devices.net;DeviceId=gw-north;"
            + "SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWdhdGV3YXkta2V5LW5vcnRo";
    private static final String SOUTH_CS = "HostName=contoso-gw.azure-devices.net;DeviceId=gw-south;"
            + "SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWdhdGV3YXkta2V5LXNvdXRo";

    private RegionSelector() {
    }

    static DeviceClient clientFor(Region region) throws URISyntaxException {
        // expect: IotHubConnectionStringInCode
        return new DeviceClient(connectionStringFor(region), IotHubClientProtocol.AMQPS);
    }

    private static String connectionStringFor(Region region) {
        return switch (region) {
            case NORTH, LAB -> NORTH_CS;
            case SOUTH -> {
                System.out.println("southern gateway");
                yield SOUTH_CS;
            }
        };
    }
}
