package com.example.crossclass.reach.sendcatch;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

public class Reconnector {
    /** Callers hand in a client they have just created. */
    void openFresh(DeviceClient fresh) throws IotHubClientException {
        // quiet: check 1 exemption (b') - "the client is a parameter that, on this path, the caller created as in (b)": Telemetry.recover() passes factory.create()'s result
        fresh.open(false);
    }

    void reopen(DeviceClient client) throws IotHubClientException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
    }
}
