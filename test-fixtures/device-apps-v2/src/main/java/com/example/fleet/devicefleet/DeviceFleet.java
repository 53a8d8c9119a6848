package com.example.fleet.devicefleet;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Simulated fleet: one client per identity. */
public class DeviceFleet
{
    public record DeviceIdentity(String deviceId, String connectionString) { }

    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private DeviceClient gatewayClient;

    /** Bug: per-device do/while retry with a flag, the same instance re-opened without close. */
    public void connectAll(List<DeviceIdentity> identities) throws InterruptedException
    {
        for (DeviceIdentity id : identities)
        {
            var client = new DeviceClient(id.connectionString(), IotHubClientProtocol.AMQPS);
            int attempt = 0;
            boolean open = false;
            do
            {
                try
                {
                    // expect: IotHubOpenRetryWithoutClose
                    client.open(false);
                    open = true;
                }
                catch (IotHubClientException e)
                {
                    attempt++;
                    Thread.sleep(200L * attempt);
                }
            }
            while (!open && attempt < 3);
            if (open)
            {
                clients.put(id.deviceId(), client);
            }
        }
    }

    /** Correct: a fresh client per attempt, the failed one is closed. */
    public DeviceClient connectWithFreshClients(DeviceIdentity id) throws InterruptedException
    {
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            DeviceClient candidate = new DeviceClient(id.connectionString(), IotHubClientProtocol.MQTT);
            try
            {
                candidate.open(true);
                return candidate;
            }
            catch (IotHubClientException e)
            {
                candidate.close();
                Thread.sleep(1000L * attempt);
            }
        }
        return null;
    }

    /** Bug: each attempt assigns a new client over the failed one in the field. */
    public void connectGateway(String cs)
    {
        int attempts = 0;
        while (true)
        {
            gatewayClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                gatewayClient.open(false);
                return;
            }
            catch (IotHubClientException e)
            {
                if (++attempts >= 4)
                {
                    throw new IllegalStateException("gateway offline", e);
                }
            }
        }
    }

    /** Bug: copy-paste closes the other client in the catch. */
    public void connectPair(DeviceIdentity primary, DeviceIdentity secondary) throws IotHubClientException
    {
        var first = new DeviceClient(primary.connectionString(), IotHubClientProtocol.MQTT);
        var second = new DeviceClient(secondary.connectionString(), IotHubClientProtocol.MQTT);
        first.open(false);
        for (int i = 0; i < 3; i++)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                second.open(false);
                break;
            }
            catch (IotHubClientException e)
            {
                first.close();
            }
        }
        clients.put(primary.deviceId(), first);
        clients.put(secondary.deviceId(), second);
    }

    public void shutdown()
    {
        clients.values().forEach(DeviceClient::close);
        clients.clear();
        if (gatewayClient != null)
        {
            gatewayClient.close();
        }
    }
}
