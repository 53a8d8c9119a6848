package com.example.statusguard.connectingstate;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * The legacy manager's state machine, edited to reconnect as soon as the link drops: the callback marks the link
 * CONNECTING on every status but CONNECTED (DISCONNECTED_RETRYING too) and starts a reconnect that checks for it.
 * CONNECTING is the app's own reconnect in progress, not a DISCONNECTED guard.
 */
public class ReconnectingLink implements IotHubConnectionStatusChangeCallback
{
    private enum LinkState { CONNECTED, CONNECTING, DISCONNECTED }

    private final DeviceClient client;
    private volatile LinkState state = LinkState.DISCONNECTED;

    public ReconnectingLink(DeviceClient client)
    {
        this.client = client;
        client.setConnectionStatusChangeCallback(this, null);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context)
    {
        // expect: IotHubReopenAfterClientClose
        if (context.getNewStatus() == IotHubConnectionStatus.CONNECTED)
        {
            state = LinkState.CONNECTED;
            return;
        }
        state = LinkState.CONNECTING;
        new Thread(this::reconnect, "reconnect").start();
    }

    private void reconnect()
    {
        if (state == LinkState.CONNECTING)
        {
            try
            {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
                state = LinkState.CONNECTED;
            }
            catch (IotHubClientException e)
            {
                state = LinkState.DISCONNECTED;
            }
        }
    }
}
