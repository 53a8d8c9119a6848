package com.example.conformance.reach.dispatch;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

public interface Connector {
    DeviceClient client();

    void reconnect();
}
