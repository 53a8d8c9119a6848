package com.example.crossclass.reach.producedimpl;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

/** Never created, injected or provided: the callback's call cannot reach it. */
class UnusedRecovery implements LinkRecovery {
    private DeviceClient client;

    @Override
    public void recover() {
        // quiet: a class the compilation never instantiates
        client.close();
    }
}
