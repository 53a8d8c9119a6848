package com.example.connectionstring.legacygateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.util.Properties;

/** An old SDK 1.x gateway with several ways of obtaining its connection strings. */
public class LegacyGateway {

    private static final String HOST = "HostName=plant7.azure-devices.net";
    private static final String KEY_PART = "SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwMg==";
    private static final String DEVICE_CS = "HostName=plant7.azure-devices.net;DeviceId=press-01;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwMQ==";
    private static final String LINE_A_CS = "HostName=plant7.azure-devices.net;DeviceId=line-a;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwMw==";
    private static final String LINE_B_CS = "HostName=plant7.azure-devices.net;DeviceId=line-b;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwNA==";
    private static final String SAMPLE_CS = "HostName=plant7.azure-devices.net;DeviceId=press-02;SharedAccessKey=your-primary-key-goes-here";
    private static final String X509_CS = "HostName=plant7.azure-devices.net;DeviceId=press-03;x509=true";

    static DeviceClient build(String cs, IotHubClientProtocol protocol) throws URISyntaxException {
        // parameter "whose argument at every call site is such a constant"
        // expect: IotHubConnectionStringInCode
        return new DeviceClient(cs, protocol);
    }

    static String statusTemplate(String hub, String device) {
        return String.format("HostName=%s;DeviceId=%s;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLWRldmljZS1rZXktMDAwNQ==", hub, device);
    }

    public static void main(String[] args) throws IOException, URISyntaxException, ModuleClientException {
        // expect: IotHubConnectionStringInCode
        DeviceClient press = new DeviceClient(DEVICE_CS, IotHubClientProtocol.MQTT);
        press.open();

        // quiet: call sites of build(...) are not reported; "once per client creation, at its connection-string argument"
        DeviceClient lineA = build(LINE_A_CS, IotHubClientProtocol.AMQPS);
        DeviceClient lineB = build(LINE_B_CS, IotHubClientProtocol.AMQPS);

        String meterCs = HOST + ";DeviceId=meter-9;" + KEY_PART;
        // local assigned once, a "concatenation of constants"
        // expect: IotHubConnectionStringInCode
        DeviceClient meter = new DeviceClient(meterCs, IotHubClientProtocol.MQTT_WS);

        // quiet: "your" and '-' in the key: a placeholder
        DeviceClient sample = new DeviceClient(SAMPLE_CS, IotHubClientProtocol.MQTT);

        // quiet: holds no "SharedAccessKey="
        DeviceClient x509 = new DeviceClient(X509_CS, IotHubClientProtocol.MQTT);

        // quiet: "keys from ... args" are read at run time
        DeviceClient fromArgs = new DeviceClient(args[0], IotHubClientProtocol.AMQPS);

        Properties props = new Properties();
        try (InputStream in = new FileInputStream("/etc/plant7/iot.properties")) {
            props.load(in);
        }
        // quiet: read from a file outside the build
        DeviceClient fromFile = new DeviceClient(props.getProperty("device.connectionString"), IotHubClientProtocol.MQTT);

        // quiet: the only return of statusTemplate is a String.format result, whose pattern is "not reported"
        DeviceClient formatted = new DeviceClient(statusTemplate("plant7.azure-devices.net", "press-04"), IotHubClientProtocol.MQTT);

        // expect: IotHubConnectionStringInCode
        ModuleClient vision = new ModuleClient("HostName=plant7.azure-devices.net;DeviceId=edge-7;ModuleId=vision;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLW1vZHVsZS1rZXktMDAwNw==", IotHubClientProtocol.AMQPS);
        vision.open();

        System.out.println("started " + lineA + lineB + meter + sample + x509 + fromArgs + fromFile + formatted);
    }
}
