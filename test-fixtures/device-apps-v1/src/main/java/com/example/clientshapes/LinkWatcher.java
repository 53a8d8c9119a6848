package com.example.clientshapes;

import com.example.clientshapes.wrapper.HubLink;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;

/** A top-level named callback class that reconnects the wrapper it watches, via a static helper. */
public class LinkWatcher implements IotHubConnectionStatusChangeCallback {
    private final HubLink link;
    private int retries;

    public LinkWatcher(HubLink link) {
        this.link = link;
    }

    public void install() {
        link.onStatus(this);
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
        switch (reason) {
            case CLIENT_CLOSE:
                return;
            default:
                break;
        }
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            restart(link);
        } else if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            retries++;
        }
    }

    private static void restart(HubLink l) {
        try {
            // expect: IotHubReconnectOnCallbackThread
            l.close();
            // expect: IotHubReconnectOnCallbackThread
            l.open();
        } catch (IOException e) {
            // ignored
        }
    }
}
