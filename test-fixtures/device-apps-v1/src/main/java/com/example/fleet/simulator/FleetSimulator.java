package com.example.fleet.simulator;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Load-test tool: one client per simulated device, all opened up front. */
public class FleetSimulator
{
    private final List<DeviceClient> clients = new ArrayList<>();
    private final Random random = new Random();

    /** Bug: per device, retries open() on the same instance without closing it. */
    public void connectAll(List<String> connectionStrings) throws URISyntaxException, IOException, InterruptedException
    {
        for (String cs : connectionStrings)
        {
            DeviceClient dc = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            int tries = 0;
            while (true)
            {
                try
                {
                    // expect: IotHubOpenRetryWithoutClose
                    dc.open();
                    break;
                }
                catch (IOException e)
                {
                    if (++tries > 3)
                    {
                        throw e;
                    }
                    Thread.sleep(500L * tries);
                }
            }
            clients.add(dc);
        }
    }

    /** Correct: a new client per attempt, the failed one is closed before it is dropped. */
    public void connectAllFresh(String[] connectionStrings) throws URISyntaxException
    {
        for (String cs : connectionStrings)
        {
            DeviceClient candidate = null;
            for (int i = 0; i < 3; i++)
            {
                candidate = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                try
                {
                    candidate.open();
                    break;
                }
                catch (IOException e)
                {
                    try
                    {
                        candidate.closeNow();
                    }
                    catch (IOException ignored)
                    {
                        // nothing to do
                    }
                    candidate = null;
                }
            }
            if (candidate != null)
            {
                clients.add(candidate);
            }
        }
    }

    /** Bug: a new client per attempt assigned over the failed one, which stays half-open. */
    public DeviceClient connectOne(String cs) throws URISyntaxException
    {
        DeviceClient c;
        int attempts = 0;
        do
        {
            c = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                c.open();
                return c;
            }
            catch (IOException e)
            {
                attempts++;
            }
        }
        while (attempts < 5);
        throw new IllegalStateException("could not connect " + cs);
    }

    public void sendRound(int round)
    {
        for (DeviceClient dc : clients)
        {
            Message m = new Message("{\"round\":" + round + ",\"value\":" + random.nextInt(100) + "}");
            dc.sendEventAsync(m, (status, ctx) -> { }, null);
        }
    }

    public void stop()
    {
        for (DeviceClient dc : clients)
        {
            try
            {
                dc.closeNow();
            }
            catch (IOException e)
            {
                System.err.println("close failed: " + e);
            }
        }
        clients.clear();
    }
}
