package com.example.crossclass.reach.helpercloses;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.util.Timer;
import java.util.TimerTask;

/** A timer job that creates a client per run and hands it to a helper that opens it and closes it in a finally. */
public class Job
{
    public void start()
    {
        new Timer().schedule(new TimerTask()
        {
            @Override
            public void run()
            {
                try
                {
                    // quiet: check 4 - upload() opens and closes this client on every path
                    DeviceClient client = new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.HTTPS);
                    upload(client);
                }
                catch (Exception e)
                {
                    System.err.println(e.getMessage());
                }
            }
        }, 0, 60_000);
    }

    private static void upload(DeviceClient client) throws IOException
    {
        // quiet: check 1 - the timer created this client just before (exemption b')
        client.open();
        try
        {
            System.out.println("sending");
        }
        finally
        {
            // quiet: the helper's own close
            client.closeNow();
        }
    }
}
