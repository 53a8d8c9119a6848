package com.example.crossclass.reach.producedimpl;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Created by the container to be injected into the module's provider method, which hands it out as LinkRecovery. */
class HttpRecovery implements LinkRecovery {
    private final DeviceClient client;

    HttpRecovery(DeviceClient client) {
        this.client = client;
    }

    @Override
    public void recover() {
        // expect: IotHubReconnectOnCallbackThread
        client.close();
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e.getMessage());
        }
    }
}
