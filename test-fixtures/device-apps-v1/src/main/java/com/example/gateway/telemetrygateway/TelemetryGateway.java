package com.example.gateway.telemetrygateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A small gateway process; several connect strategies, chosen by configuration. */
public class TelemetryGateway
{
    private static final Logger log = Logger.getLogger(TelemetryGateway.class.getName());

    private final DeviceClient client;
    private final int maxAttempts;

    public TelemetryGateway(String connectionString, int maxAttempts) throws URISyntaxException
    {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        this.maxAttempts = maxAttempts;
    }

    /** Correct: the failed attempt's client is closed (in its own try/catch) before the next one. */
    public boolean connect() throws InterruptedException
    {
        for (int attempt = 1; attempt <= maxAttempts; attempt++)
        {
            try
            {
                client.open();
                return true;
            }
            catch (IOException e)
            {
                log.log(Level.WARNING, "open attempt " + attempt + " failed", e);
                try
                {
                    client.closeNow();
                }
                catch (IOException closeError)
                {
                    log.log(Level.FINE, "ignoring close failure", closeError);
                }
                Thread.sleep(Math.min(30_000L, 500L << attempt));
            }
        }
        return false;
    }

    /** Bug: do/while(true) with break, nothing closed between attempts. */
    public void connectQuick() throws IOException, InterruptedException
    {
        int attempts = 0;
        do
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                break;
            }
            catch (IOException e)
            {
                if (++attempts == maxAttempts)
                {
                    throw e;
                }
                TimeUnit.SECONDS.sleep(2);
            }
        }
        while (true);
    }

    /** Correct: the finally block closes whenever the attempt did not connect. */
    public void connectWithFinally() throws InterruptedException
    {
        boolean done = false;
        while (!done)
        {
            try
            {
                client.open();
                done = true;
            }
            catch (IOException e)
            {
                log.warning("connect failed: " + e.getMessage());
            }
            finally
            {
                if (!done)
                {
                    try
                    {
                        client.closeNow();
                    }
                    catch (IOException ignored)
                    {
                        // best effort
                    }
                }
            }
            if (!done)
            {
                Thread.sleep(5000);
            }
        }
    }

    /** Correct: like the 2.x sample, close at the top of every attempt. */
    public void reconnectLoop() throws InterruptedException
    {
        while (true)
        {
            try
            {
                client.closeNow();
                client.open();
                return;
            }
            catch (IOException e)
            {
                log.info("still offline, next try in 3s");
                Thread.sleep(3000);
            }
        }
    }

    /** Correct: closes through a small helper in the catch. */
    public void connectPatiently() throws InterruptedException
    {
        int attempt = 0;
        while (attempt < maxAttempts)
        {
            try
            {
                client.open();
                break;
            }
            catch (IOException e)
            {
                attempt++;
                closeQuietly();
                Thread.sleep(attempt * 1000L);
            }
        }
    }

    private void closeQuietly()
    {
        try
        {
            client.closeNow();
        }
        catch (IOException e)
        {
            log.log(Level.FINE, "close failed", e);
        }
    }

    public void publish(String json)
    {
        Message message = new Message(json);
        message.setContentTypeFinal("application/json");
        client.sendEventAsync(message, (status, ctx) -> log.fine("sent: " + status), null);
    }

    public void shutdown() throws IOException
    {
        client.closeNow();
    }
}
