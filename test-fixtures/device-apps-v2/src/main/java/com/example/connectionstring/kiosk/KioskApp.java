package com.example.connectionstring.kiosk;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.ArrayList;
import java.util.List;

/** Android-style kiosk app that creates its clients from constants in several ways. */
public class KioskApp {

    private final List<DeviceClient> clients = new ArrayList<>();
    private String fallbackConnectionString = HubSecrets.BACKUP_CS;
    private String overridableConnectionString = HubSecrets.PROD_CS;

    void setOverridableConnectionString(String value) {
        this.overridableConnectionString = value;
    }

    void createAll(boolean primary, String deviceId, String hubHost) {
        // expect: IotHubConnectionStringInCode
        clients.add(new DeviceClient(BuildConfig.IOT_CONNECTION_STRING, IotHubClientProtocol.MQTT));

        // quiet: "<" in the key - "contains <, >, ..." is a placeholder
        clients.add(new DeviceClient(BuildConfig.IOT_CONNECTION_STRING_TEMPLATE, IotHubClientProtocol.MQTT));

        // expect: IotHubConnectionStringInCode
        clients.add(new DeviceClient("HostName=contoso-kiosk.azure-devices.net;DeviceId=lobby-sign-02;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwMg==", IotHubClientProtocol.AMQPS));

        // expect: IotHubConnectionStringInCode
        clients.add(new DeviceClient(HubSecrets.HUB + HubSecrets.LOBBY_DEVICE + HubSecrets.LOBBY_KEY, IotHubClientProtocol.MQTT));

        String cs;
        if (primary) {
            cs = HubSecrets.LOBBY_CS;
        } else {
            cs = HubSecrets.BACKUP_CS;
        }
        // local "whose every assignment in the compilation is such a constant"
        // expect: IotHubConnectionStringInCode
        clients.add(new DeviceClient(cs, IotHubClientProtocol.MQTT_WS));

        // field whose only assignment is a constant
        // expect: IotHubConnectionStringInCode
        clients.add(new DeviceClient(fallbackConnectionString, IotHubClientProtocol.AMQPS_WS));

        // quiet: the field is also assigned from a setter parameter (not "every assignment ... is such a constant")
        clients.add(new DeviceClient(overridableConnectionString, IotHubClientProtocol.MQTT));

        // method "every return of which is such a constant"
        // expect: IotHubConnectionStringInCode
        clients.add(new DeviceClient(HubSecrets.defaultConnectionString(), IotHubClientProtocol.MQTT));

        // quiet: one return of configuredConnectionString() is read from the environment
        clients.add(new DeviceClient(HubSecrets.configuredConnectionString(), IotHubClientProtocol.MQTT));

        // quiet: "the pattern of a String.format is not reported"
        clients.add(new DeviceClient(String.format("HostName=%s;DeviceId=kiosk-0009;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAxMA==", hubHost), IotHubClientProtocol.MQTT));

        // quiet: "A constant that is only part of a run-time value ... is not reported" (run-time deviceId)
        clients.add(new DeviceClient(HubSecrets.HUB + "DeviceId=" + deviceId + ";SharedAccessKey=" + HubSecrets.RAW_KEY, IotHubClientProtocol.MQTT));

        // quiet: key from System.getenv, the constant prefix is only part of a run-time value
        clients.add(new DeviceClient("HostName=contoso-kiosk.azure-devices.net;DeviceId=kiosk-0010;SharedAccessKey=" + System.getenv("KIOSK_KEY"), IotHubClientProtocol.MQTT));

        // quiet: must reach the client "unchanged"; trim() makes a run-time value
        clients.add(new DeviceClient(HubSecrets.STAGING_CS.trim(), IotHubClientProtocol.AMQPS));

        String mixed = HubSecrets.PROD_CS;
        String override = System.getProperty("kiosk.cs");
        if (override != null) {
            mixed = override;
        }
        // quiet: one assignment of the local comes from System.getProperty
        clients.add(new DeviceClient(mixed, IotHubClientProtocol.MQTT));
    }

    ModuleClient thermalModule() {
        // expect: IotHubConnectionStringInCode
        return new ModuleClient(HubSecrets.MODULE_CS, IotHubClientProtocol.MQTT);
    }

    static DeviceClient clientFor(String connectionString) {
        // parameter "whose argument at every call site is such a constant" - reported once for this one creation
        // expect: IotHubConnectionStringInCode
        return new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    static DeviceClient clientForAnyOf(String connectionString) {
        // quiet: one call site passes args[0]
        return new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public static void main(String[] args) throws IotHubClientException {
        KioskApp app = new KioskApp();
        app.setOverridableConnectionString(System.getenv("KIOSK_OVERRIDE_CS"));
        app.createAll(args.length == 0, System.getenv("KIOSK_DEVICE_ID"), "contoso-kiosk.azure-devices.net");
        app.thermalModule().open(false);
        // quiet: call sites of clientFor are not reported; "once per client creation, at its connection-string argument"
        clientFor(HubSecrets.STAGING_CS).open(false);
        clientFor(HubSecrets.PROD_CS).open(false);
        clientForAnyOf(HubSecrets.PROD_CS).open(false);
        clientForAnyOf(args[0]).open(false);
        new DiagnosticsUploader().upload();
        new DemoFixtures().createAll();
    }
}
