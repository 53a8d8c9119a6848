package com.example.retry.successclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/** A nightly upload job: it connects, uploads and disconnects, retrying the connection up to three times. */
public class UploadJob
{
    private final DeviceClient client;

    public UploadJob(String connectionString) throws Exception
    {
        client = new DeviceClient(connectionString, IotHubClientProtocol.HTTPS);
    }

    /** The close runs only after a successful open(): a failed attempt is retried with its client left as it is. */
    public void runClosingOnSuccessOnly() throws InterruptedException
    {
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                upload();
                client.close();
                return;
            }
            catch (Exception e)
            {
                System.err.println("attempt " + attempt + " failed: " + e.getMessage());
                Thread.sleep(5_000L * attempt);
            }
        }
    }

    /** The same job closing the failed attempt in its catch. */
    public void runClosingEveryAttempt() throws InterruptedException
    {
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                // quiet: check 2 - the catch closes the failed attempt before the next one
                client.open(false);
                upload();
                client.close();
                return;
            }
            catch (Exception e)
            {
                closeQuietly();
                Thread.sleep(5_000L * attempt);
            }
        }
    }

    private void closeQuietly()
    {
        try
        {
            client.close();
        }
        catch (Exception e)
        {
            System.err.println("close failed: " + e.getMessage());
        }
    }

    private void upload()
    {
        System.out.println("uploading the day's readings");
    }
}
