package com.example.statuscallback.contextcallbacks;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.util.logging.Logger;

/** Reconnect strategies selectable from config, each wired as a status callback in a different style. */
public class ReconnectStrategies
{
    private static final Logger LOG = Logger.getLogger("reconnect");

    private final DeviceClient client;

    public ReconnectStrategies(DeviceClient client)
    {
        this.client = client;
    }

    public void useLambda()
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                try
                {
                    // expect: IotHubReconnectOnCallbackThread
                    client.closeNow();
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                }
                catch (IOException e)
                {
                    LOG.warning("reconnect failed: " + e);
                }
            }
        }, null);
    }

    public void useAnonymousClass()
    {
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback()
        {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object callbackContext)
            {
                if (!IotHubConnectionStatus.DISCONNECTED.equals(status))
                {
                    return;
                }
                if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
                {
                    return;
                }
                try
                {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                }
                catch (IOException e)
                {
                    LOG.warning("open failed: " + e);
                }
            }
        }, this);
    }

    public void useMethodReference()
    {
        client.registerConnectionStatusChangeCallback(this::onStatus, null);
    }

    private void onStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx)
    {
        switch (status)
        {
            case CONNECTED:
                LOG.info("online");
                break;
            case DISCONNECTED_RETRYING:
                LOG.info("sdk is retrying: " + reason);
                break;
            case DISCONNECTED:
                if (reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
                {
                    restart();
                }
                break;
            default:
                break;
        }
    }

    private void restart()
    {
        try
        {
            // expect: IotHubReconnectOnCallbackThread
            client.close();
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        }
        catch (IOException e)
        {
            LOG.warning("restart failed: " + e);
        }
    }

    public void useLocalClass()
    {
        class Watchdog implements IotHubConnectionStatusChangeCallback
        {
            private int retryingCount;

            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object callbackContext)
            {
                if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING)
                {
                    retryingCount++;
                    if (retryingCount > 3)
                    {
                        try
                        {
                            // expect: IotHubReconnectOnCallbackThread
                            client.closeNow();
                        }
                        catch (IOException e)
                        {
                            LOG.warning("close failed: " + e);
                        }
                    }
                }
                else if (status == IotHubConnectionStatus.CONNECTED)
                {
                    retryingCount = 0;
                }
            }
        }
        client.registerConnectionStatusChangeCallback(new Watchdog(), null);
    }

    public void useNamedClass()
    {
        client.registerConnectionStatusChangeCallback(new Reopener(client), null);
    }

    /** Opens whenever the link is not up: admits DISCONNECTED_RETRYING, so this is check 1's. */
    static final class Reopener implements IotHubConnectionStatusChangeCallback
    {
        private final DeviceClient target;

        Reopener(DeviceClient target)
        {
            this.target = target;
        }

        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object callbackContext)
        {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.CONNECTED)
            {
                try
                {
                    // expect: IotHubOpenWithoutStatusGuard
                    target.open();
                }
                catch (IOException e)
                {
                    LOG.warning("open failed: " + e);
                }
            }
        }
    }

    public void useGuardWithoutReasonCheck()
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED)
            {
                try
                {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                }
                catch (IOException e)
                {
                    LOG.warning("open failed: " + e);
                }
            }
        }, null);
    }

    public void useBlindRestart()
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            LOG.info("status changed to " + status);
            try
            {
                // expect: IotHubReconnectOnCallbackThread
                client.closeNow();
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            }
            catch (IOException e)
            {
                LOG.warning("restart failed: " + e);
            }
        }, null);
    }
}
