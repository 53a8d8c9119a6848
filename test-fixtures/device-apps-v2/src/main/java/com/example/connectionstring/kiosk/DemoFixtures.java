package com.example.connectionstring.kiosk;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.util.ArrayList;
import java.util.List;

/** Demo-mode clients built from documented placeholder strings: none of them is a real-looking key. */
class DemoFixtures {

    static final String HOST = "HostName=demo-hub.azure-devices.net;";

    final List<DeviceClient> demo = new ArrayList<>();

    void createAll() {
        // quiet: key is "empty"
        demo.add(new DeviceClient(HOST + "DeviceId=demo-01;SharedAccessKey=", IotHubClientProtocol.MQTT));
        // quiet: key "shorter than 20 characters" (16)
        demo.add(new DeviceClient(HOST + "DeviceId=demo-02;SharedAccessKey=ZmFrZS1rZXktMDk=", IotHubClientProtocol.MQTT));
        // quiet: key "rejected by java.util.Base64.getDecoder()" ('-' is not in the basic alphabet)
        demo.add(new DeviceClient(HOST + "DeviceId=demo-03;SharedAccessKey=not-base64-but-long-enough-key", IotHubClientProtocol.MQTT));
        // quiet: key of 21 Base64-alphabet characters, rejected by the decoder (a final unit of one character)
        demo.add(new DeviceClient(HOST + "DeviceId=demo-04;SharedAccessKey=ABCDEFGHIJKLMNOPQRSTU", IotHubClientProtocol.MQTT));
        // quiet: contains "{", "}"
        demo.add(new DeviceClient(HOST + "DeviceId=demo-05;SharedAccessKey={deviceKey}", IotHubClientProtocol.MQTT));
        // quiet: contains "$"
        demo.add(new DeviceClient(HOST + "DeviceId=demo-06;SharedAccessKey=${IOT_DEVICE_KEY}", IotHubClientProtocol.MQTT));
        // quiet: contains "..." (otherwise Base64-alphabet characters)
        demo.add(new DeviceClient(HOST + "DeviceId=demo-07;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFs...ZXktMDAwMQ==", IotHubClientProtocol.MQTT));
        // quiet: contains "xxx" although valid Base64 of 28 characters
        demo.add(new DeviceClient(HOST + "DeviceId=demo-08;SharedAccessKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxx", IotHubClientProtocol.MQTT));
        // quiet: contains "your" (case-insensitive) although valid Base64 of 24 characters
        demo.add(new DeviceClient(HOST + "DeviceId=demo-09;SharedAccessKey=YourDeviceKeyGoesHere000", IotHubClientProtocol.MQTT));
        // quiet: contains "[" and "]"
        demo.add(new DeviceClient(HOST + "DeviceId=demo-10;SharedAccessKey=[device-primary-key]", IotHubClientProtocol.MQTT));
        // quiet: holds no "SharedAccessKey=" (a SAS token string instead)
        demo.add(new DeviceClient(HOST + "DeviceId=demo-11;SharedAccessSignature=SharedAccessSignature sr=demo-hub.azure-devices.net%2Fdevices%2Fdemo-11&sig=dGhpcy1pcy1ub3QtYS1zaWduYXR1cmU%3D&se=1900000000", IotHubClientProtocol.MQTT));
    }
}
