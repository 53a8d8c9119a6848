package com.example.clientshapes;

import com.example.clientshapes.wrapper.HubLink;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

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
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        boolean userClosed = switch (ctx.getNewStatusReason()) {
            case CLIENT_CLOSE -> true;
            default -> false;
        };
        if (userClosed) {
            return;
        }
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            restart(link);
        } else if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            retries++;
        }
    }

    private static void restart(HubLink l) {
        // expect: IotHubReconnectOnCallbackThread
        l.close();
        try {
            // expect: IotHubReconnectOnCallbackThread
            l.open();
        } catch (IotHubClientException e) {
            // ignored
        }
    }
}
