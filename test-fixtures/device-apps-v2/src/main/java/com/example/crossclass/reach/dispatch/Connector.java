package com.example.crossclass.reach.dispatch;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

public interface Connector {
    DeviceClient client();

    void reconnect();
}
