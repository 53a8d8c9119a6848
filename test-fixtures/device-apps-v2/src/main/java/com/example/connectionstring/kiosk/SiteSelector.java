package com.example.connectionstring.kiosk;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/** Picks the kiosk's identity by where it is installed, with switch expressions over the constants in source. */
final class SiteSelector {
    enum Site { LOBBY, STAGING, SHOWROOM }

    private SiteSelector() {
    }

    static DeviceClient clientFor(Site site) {
        String connectionString = switch (site) {
            case LOBBY -> HubSecrets.LOBBY_CS;
            case STAGING, SHOWROOM -> {
                System.out.println("non-production kiosk: " + site);
                yield HubSecrets.STAGING_CS;
            }
        };
        // expect: IotHubConnectionStringInCode
        return new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    static DeviceClient configuredClientFor(Site site) {
        String connectionString = switch (site) {
            case LOBBY -> HubSecrets.LOBBY_CS;
            default -> System.getenv("KIOSK_CS");
        };
        // quiet: one arm reads the connection string at run time
        return new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }
}
