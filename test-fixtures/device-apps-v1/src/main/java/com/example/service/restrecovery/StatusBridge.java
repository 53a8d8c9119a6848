package com.example.service.restrecovery;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import org.springframework.stereotype.Component;

/**
 * Calls the recovery strategy on the callback's own thread: the strategy Spring creates is AdminController, so its
 * close and open run on the thread that delivers the status callback.
 */
@Component
public class StatusBridge implements IotHubConnectionStatusChangeCallback {
    private final RecoveryStrategy strategy;

    public StatusBridge(RecoveryStrategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
            Object callbackContext) {
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            strategy.recover();
        }
    }
}
