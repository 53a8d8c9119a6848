package com.example.statusguard.connectingstate;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;

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
        client.registerConnectionStatusChangeCallback(this, null);
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context)
    {
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.CONNECTED)
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
                client.open();
                state = LinkState.CONNECTED;
            }
            catch (IOException e)
            {
                state = LinkState.DISCONNECTED;
            }
        }
    }
}
