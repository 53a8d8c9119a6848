package com.example.retry.exittest;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import java.io.IOException;

/** A door controller whose connect loop leaves at the top of the round once the open() succeeded. */
public class Door
{
    private DeviceClient client;

    public void connect() throws InterruptedException
    {
        boolean opened = false;
        do
        {
            if (opened) break;
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                opened = true;
            }
            catch (IOException e)
            {
                Thread.sleep(1500);
            }
        }
        while (true);
    }
}
