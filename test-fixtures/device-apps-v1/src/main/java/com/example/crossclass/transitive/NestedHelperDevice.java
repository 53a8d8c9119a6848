package com.example.crossclass.transitive;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/** The callback calls into a nested helper class: still the same class, still the callback thread. */
public class NestedHelperDevice
{
    private final DeviceClient client;
    private final LinkResetter resetter;

    public NestedHelperDevice(String cs) throws URISyntaxException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        resetter = new LinkResetter(client);
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED)
            {
                if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL)
                {
                    resetter.hardReset();
                }
            }
        }, null);
    }

    static final class LinkResetter
    {
        private final DeviceClient target;

        LinkResetter(DeviceClient target)
        {
            this.target = target;
        }

        void hardReset()
        {
            try
            {
                // expect: IotHubReconnectOnCallbackThread
                target.closeNow();
            }
            catch (IOException e)
            {
                System.err.println("reset failed: " + e);
            }
        }
    }

    public void start() throws IOException
    {
        client.open();
    }
}
