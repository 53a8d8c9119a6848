package com.example.retry.helper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** Retry loops that go through small helpers, as seen in many wrapper libraries. */
public class ConnectionHelper
{
    private static final int MAX = 5;

    private final DeviceClient primary;
    private final DeviceClient backup;

    public ConnectionHelper(String primaryCs, String backupCs) throws URISyntaxException
    {
        primary = new DeviceClient(primaryCs, IotHubClientProtocol.MQTT);
        backup = new DeviceClient(backupCs, IotHubClientProtocol.MQTT_WS);
    }

    private void openPrimary() throws IOException
    {
        // expect: IotHubOpenRetryWithoutClose
        primary.open();
    }

    /** Bug: the loop retries through openPrimary() and never closes the failed attempt. */
    public void connectPrimary() throws IOException, InterruptedException
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                openPrimary();
                return;
            }
            catch (IOException e)
            {
                if (attempt == MAX)
                {
                    throw e;
                }
                Thread.sleep(backoffMillis(attempt));
            }
        }
    }

    private void closeBackupQuietly()
    {
        try
        {
            backup.closeNow();
        }
        catch (IOException ignored)
        {
            // already closed
        }
    }

    private void openBackup() throws IOException
    {
        backup.open();
    }

    /** Correct: helper close, then helper open, in every iteration. */
    public boolean connectBackup() throws InterruptedException
    {
        int attempt = 0;
        while (attempt++ < MAX)
        {
            try
            {
                closeBackupQuietly();
                openBackup();
                return true;
            }
            catch (IOException e)
            {
                Thread.sleep(backoffMillis(attempt));
            }
        }
        return false;
    }

    private static long backoffMillis(int attempt)
    {
        return Math.min(60_000L, (long) (250 * Math.pow(2, attempt)));
    }
}
