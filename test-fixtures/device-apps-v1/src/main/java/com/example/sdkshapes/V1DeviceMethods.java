package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.Property;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.TwinPropertyCallBack;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import java.io.IOException;
import java.net.URISyntaxException;

/** 1.x DeviceClient.createFromSecurityProvider; direct-method and twin callbacks as re-entry sites. */
public class V1DeviceMethods implements DeviceMethodCallback {
    private DeviceClient client;
    private final String uri;
    private final String deviceId;
    private final SecurityProvider provider;

    public V1DeviceMethods(String uri, String deviceId, SecurityProvider provider) throws URISyntaxException, IOException {
        this.uri = uri;
        this.deviceId = deviceId;
        this.provider = provider;
        client = DeviceClient.createFromSecurityProvider(uri, deviceId, provider, IotHubClientProtocol.MQTT);
        client.open();
        client.subscribeToDeviceMethod(this, null, (code, ctx) -> { }, null);
        client.startDeviceTwin((code, ctx) -> { }, null, (TwinPropertyCallBack) (prop, ctx) -> onDesired(prop), null);
    }

    @Override
    public DeviceMethodData call(String methodName, Object payload, Object context) {
        switch (methodName) {
            case "reconnect" -> {
                try {
                    client.closeNow();
                    client.open();
                } catch (IOException e) {
                    return new DeviceMethodData(500, e.getMessage());
                }
            }
            case "reprovision" -> {
                try {
                    // expect: IotHubClientReplacedWithoutClose
                    client = DeviceClient.createFromSecurityProvider(uri, deviceId, provider, IotHubClientProtocol.MQTT);
                    client.open();
                } catch (IOException | URISyntaxException e) {
                    return new DeviceMethodData(500, e.getMessage());
                }
            }
            case "kick" -> {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(true);
                } catch (IOException e) {
                    return new DeviceMethodData(500, e.getMessage());
                }
            }
            default -> {
                return new DeviceMethodData(404, "unknown");
            }
        }
        return new DeviceMethodData(200, "ok");
    }

    private void onDesired(Property prop) {
        if (!"endpoint".equals(prop.getKey())) {
            return;
        }
        try {
            if (client != null) {
                client.closeNow();
            }
            client = DeviceClient.createFromSecurityProvider(String.valueOf(prop.getValue()), deviceId, provider, IotHubClientProtocol.MQTT);
            client.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }
}
