package com.example.statusguard.remotecommand;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;

/** Direct-method handler of a field device: "reconnect", "wake", "ensureConnected", "heal", "status". */
public class RemoteCommandHandler implements DeviceMethodCallback {
    private static final int OK = 200;
    private static final int NOT_FOUND = 404;
    private static final int FAILED = 500;

    private final DeviceClient client;
    private volatile IotHubConnectionStatus currentStatus = IotHubConnectionStatus.DISCONNECTED;

    public RemoteCommandHandler(DeviceClient client) throws IOException {
        this.client = client;
        client.registerConnectionStatusChangeCallback((s, r, t, c) -> currentStatus = s, null);
        client.open();
        client.subscribeToDeviceMethod(this, null, (code, ctx) -> System.out.println("subscribed: " + code), null);
    }

    @Override
    public DeviceMethodData call(String methodName, Object methodData, Object context) {
        try {
            switch (methodName) {
                case "reconnect":
                    client.closeNow();
                    client.open();
                    return new DeviceMethodData(OK, "reconnected");
                case "wake":
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                    return new DeviceMethodData(OK, "awake");
                case "ensureConnected":
                    return ensureConnected();
                case "heal":
                    return heal();
                case "resync":
                    return resync();
                case "status":
                    return new DeviceMethodData(OK, statusReport());
                default:
                    return new DeviceMethodData(NOT_FOUND, "unknown method " + methodName);
            }
        } catch (IOException e) {
            return new DeviceMethodData(FAILED, e.getMessage());
        }
    }

    private DeviceMethodData ensureConnected() throws IOException {
        switch (currentStatus) {
            case DISCONNECTED -> client.open();
            case DISCONNECTED_RETRYING -> System.out.println("SDK is retrying, leaving it alone");
            case CONNECTED -> System.out.println("already connected");
        }
        return new DeviceMethodData(OK, String.valueOf(currentStatus));
    }

    private DeviceMethodData heal() throws IOException {
        switch (currentStatus) {
            case DISCONNECTED_RETRYING:
            case DISCONNECTED:
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
                break;
            default:
                break;
        }
        return new DeviceMethodData(OK, "healed");
    }

    private DeviceMethodData resync() throws IOException {
        switch (currentStatus) {
            case CONNECTED:
                return new DeviceMethodData(OK, "already connected");
            case DISCONNECTED_RETRYING:
                return new DeviceMethodData(OK, "SDK is retrying");
            case DISCONNECTED:
                break;
        }
        client.open();
        return new DeviceMethodData(OK, "resynced");
    }

    private String statusReport() throws IOException {
        return switch (currentStatus) {
            case DISCONNECTED -> {
                client.open(false);
                yield "was disconnected, reopened";
            }
            case DISCONNECTED_RETRYING -> "retrying";
            case CONNECTED -> "connected";
        };
    }
}
