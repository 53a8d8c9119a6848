package com.example.recreation.factoryinterface;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

/** Makes the client of one building zone; two implementations, of which the controller creates one. */
public interface ZoneClientFactory {
    DeviceClient create(String connectionString) throws Exception;
}
