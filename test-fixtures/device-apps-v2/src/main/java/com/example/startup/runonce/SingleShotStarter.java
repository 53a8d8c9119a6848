package com.example.startup.runonce;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/** A start-up routine written as a loop whose flag is set before the only attempt: it runs once. */
public final class SingleShotStarter
{
    private SingleShotStarter() {}

    public static void main(String[] args) throws Exception
    {
        DeviceClient client = new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.MQTT);
        boolean started = false;
        while (!started)
        {
            started = true;
            try
            {
                // quiet: check 1 and check 2 - the loop ends after its first round whatever the open() does
                client.open(false);
            }
            catch (Exception e)
            {
                System.err.println("could not connect, exiting: " + e.getMessage());
            }
        }
    }
}
