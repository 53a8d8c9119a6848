package com.example.retry.oddities;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Batch uploader: connect, send, disconnect; retried as a whole. */
public class ResourceRetry
{
    private final String cs;

    public ResourceRetry(String cs)
    {
        this.cs = cs;
    }

    /** Correct: try-with-resources closes the failed attempt's client. */
    public void uploadBatch(List<String> readings) throws URISyntaxException, InterruptedException
    {
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            try (DeviceClient uploader = new DeviceClient(cs, IotHubClientProtocol.HTTPS))
            {
                uploader.open();
                CountDownLatch acks = new CountDownLatch(readings.size());
                for (String r : readings)
                {
                    uploader.sendEventAsync(new Message(r), (IotHubStatusCode status, Object ctx) -> acks.countDown(), null);
                }
                if (acks.await(30, TimeUnit.SECONDS))
                {
                    return;
                }
            }
            catch (IOException e)
            {
                System.err.println("upload attempt " + attempt + " failed: " + e.getMessage());
            }
            Thread.sleep(2000L * attempt);
        }
    }

    /** Bug: the uploader is created once outside the loop and never closed between tries. */
    public void uploadBatchReusing(List<String> readings) throws URISyntaxException, InterruptedException, IOException
    {
        DeviceClient uploader = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
        try
        {
            int attempt = 0;
            while (true)
            {
                try
                {
                    // expect: IotHubOpenRetryWithoutClose
                    uploader.open();
                    break;
                }
                catch (IOException e)
                {
                    if (++attempt == 3)
                    {
                        throw e;
                    }
                }
            }
            for (String r : readings)
            {
                uploader.sendEventAsync(new Message(r), (IotHubStatusCode status, Object ctx) -> { }, null);
            }
        }
        finally
        {
            uploader.closeNow();
        }
    }
}
