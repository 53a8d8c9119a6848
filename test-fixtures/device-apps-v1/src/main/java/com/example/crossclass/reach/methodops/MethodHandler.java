package com.example.crossclass.reach.methodops;

import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;

import java.io.IOException;
import java.net.URISyntaxException;

public class MethodHandler implements DeviceMethodCallback {
    private final Ops ops;

    public MethodHandler(Ops ops) {
        this.ops = ops;
    }

    @Override
    public DeviceMethodData call(String methodName, Object methodData, Object context) {
        String payload = methodData == null ? "" : new String((byte[]) methodData);
        try {
            switch (methodName) {
                case "reconnect":
                    ops.reconnect();
                    break;
                case "swapIdentity":
                    ops.swapIdentity(payload);
                    break;
                case "probe":
                    ops.probe(payload);
                    break;
                default:
                    return new DeviceMethodData(404, "unknown method " + methodName);
            }
            return new DeviceMethodData(200, "ok");
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new DeviceMethodData(500, e.getMessage());
        }
    }
}
