package com.example.retrylibraries.springretry.gateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;

/** Spring bean with @Retryable reconnect operations, invoked from the gateway's command handler. */
public class DeviceReconnector {

    private final DeviceRegistry registry;

    public DeviceReconnector(DeviceRegistry registry) {
        this.registry = registry;
    }

    @Retryable(retryFor = IotHubClientException.class, maxAttempts = 4, backoff = @Backoff(delay = 1500))
    public void reconnect(String deviceId) throws IotHubClientException {
        DeviceClient c = registry.get(deviceId);
        c.close();
        // quiet: exemption (a) "closed earlier in the same method on every path" (message-callback path, not a status callback); the retry closes before each attempt
        c.open(false);
    }

    @Retryable(retryFor = IotHubClientException.class, maxAttempts = 4, backoff = @Backoff(delay = 1500))
    public void resume(String deviceId) throws IotHubClientException {
        // reached from the message callback (re-entry site); no DISCONNECTED guard, no close/create: check 1 is reported first
        // expect: IotHubOpenWithoutStatusGuard
        registry.get(deviceId).open(false);
    }
}
