package com.example.crossclass.reach.closeoverride;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Two identities: readings go out on primary, diagnostics on diagnostics. */
public class Gauge extends ResilientBase {
    private final DeviceClient primary;
    private final DeviceClient diagnostics;

    public Gauge(String primaryConnectionString, String diagnosticsConnectionString) {
        super(5_000);
        primary = new DeviceClient(primaryConnectionString, IotHubClientProtocol.AMQPS);
        diagnostics = new DeviceClient(diagnosticsConnectionString, IotHubClientProtocol.AMQPS);
    }

    @Override
    protected void openClient() throws IotHubClientException {
        // expect: IotHubOpenRetryWithoutClose
        primary.open(false);
    }

    @Override
    protected void closeClient() {
        diagnostics.close();
    }
}
