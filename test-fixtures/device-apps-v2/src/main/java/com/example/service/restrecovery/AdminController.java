package com.example.service.restrecovery;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.web.bind.annotation.RestController;

/** Exposes a reconnect endpoint and doubles as the recovery strategy (created by Spring: @RestController). */
@RestController
public class AdminController implements RecoveryStrategy {
    private final DeviceClient client;

    public AdminController(DeviceClient client) {
        this.client = client;
    }

    @Override
    public void recover() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.close();
            // expect: IotHubReconnectOnCallbackThread
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("recovery failed: " + e.getMessage());
        }
    }
}
