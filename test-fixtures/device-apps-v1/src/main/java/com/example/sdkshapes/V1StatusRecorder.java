package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.atomic.AtomicReference;

/** 1.x: a record implements the status callback and only records the status. */
public record V1StatusRecorder(AtomicReference<IotHubConnectionStatus> last) implements IotHubConnectionStatusChangeCallback {
    public V1StatusRecorder() {
        this(new AtomicReference<>(IotHubConnectionStatus.CONNECTED));
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
        last.set(status);
    }
}
