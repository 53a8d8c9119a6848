package com.example.gateway.downstreamreplacement;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** BLE-to-cloud gateway: one DeviceClient per downstream sensor, keyed by device id. */
public class DownstreamGateway {
    private final Map<String, DeviceClient> deviceClients = new ConcurrentHashMap<>();
    private final ExecutorService bleEvents = Executors.newSingleThreadExecutor();
    private final CredentialStore credentials;

    public DownstreamGateway(CredentialStore credentials) {
        this.credentials = credentials;
    }

    /** Start-up: one client per paired sensor (enhanced for). */
    public void start(Iterable<String> pairedSensors) throws IotHubClientException {
        for (String id : pairedSensors) {
            DeviceClient c = new DeviceClient(credentials.connectionString(id), IotHubClientProtocol.AMQPS);
            c.open(false);
            deviceClients.put(id, c);
        }
    }

    /** BLE stack callback thread hands events over to an executor. */
    public void onSensorReconnected(String id) {
        bleEvents.submit(() -> {
            try {
                DeviceClient c = new DeviceClient(credentials.connectionString(id), IotHubClientProtocol.AMQPS);
                c.open(false);
                // expect: IotHubClientReplacedWithoutClose
                deviceClients.put(id, c);
            } catch (IotHubClientException e) {
                System.err.println("reconnect of " + id + " failed " + e);
            }
        });
    }

    public void onSensorRepaired(String id) {
        bleEvents.submit(() -> {
            DeviceClient previous = deviceClients.remove(id);
            if (previous != null) {
                previous.close();
            }
            try {
                DeviceClient c = new DeviceClient(credentials.connectionString(id), IotHubClientProtocol.AMQPS);
                c.open(false);
                deviceClients.put(id, c);
            } catch (IotHubClientException e) {
                System.err.println("repair of " + id + " failed " + e);
            }
        });
    }

    public void onKeyRotated(String id) {
        bleEvents.submit(() -> {
            try {
                DeviceClient c = new DeviceClient(credentials.connectionString(id), IotHubClientProtocol.AMQPS);
                c.open(false);
                DeviceClient replaced = deviceClients.put(id, c);
                if (replaced != null) {
                    replaced.close();
                }
            } catch (IotHubClientException e) {
                System.err.println("rotation of " + id + " failed " + e);
            }
        });
    }

    /** New sensor: create only if absent. */
    public void onSensorPaired(String id) {
        bleEvents.submit(() -> deviceClients.computeIfAbsent(id,
                k -> new DeviceClient(credentials.connectionString(k), IotHubClientProtocol.AMQPS)));
    }

    /** Guarded by containsKey: never replaces an existing client. */
    public void onSensorSeen(String id) {
        bleEvents.submit(() -> {
            if (!deviceClients.containsKey(id)) {
                deviceClients.put(id, new DeviceClient(credentials.connectionString(id), IotHubClientProtocol.AMQPS));
            }
        });
    }

    /** replace() swaps out the live client and drops it on the floor. */
    public void onSensorFirmwareUpdated(String id) {
        bleEvents.submit(() -> {
            DeviceClient c = new DeviceClient(credentials.connectionString(id), IotHubClientProtocol.AMQPS);
            // expect: IotHubClientReplacedWithoutClose
            deviceClients.replace(id, c);
        });
    }

    /** replace() with the returned old client closed. */
    public void onSensorFirmwareUpdatedClean(String id) {
        bleEvents.submit(() -> {
            DeviceClient c = new DeviceClient(credentials.connectionString(id), IotHubClientProtocol.AMQPS);
            DeviceClient old = deviceClients.replace(id, c);
            if (old != null) {
                old.close();
            }
        });
    }

    /** get + close, then put. */
    public void onSensorReset(String id) {
        bleEvents.submit(() -> {
            DeviceClient existing = deviceClients.get(id);
            if (existing != null) {
                existing.close();
            }
            deviceClients.put(id, new DeviceClient(credentials.connectionString(id), IotHubClientProtocol.AMQPS));
        });
    }

    public void forward(String id, byte[] payload) {
        DeviceClient c = deviceClients.get(id);
        if (c != null) {
            c.sendEventAsync(new Message(payload), (m, e, ctx) -> { }, null);
        }
    }

    public interface CredentialStore {
        String connectionString(String deviceId);
    }
}
