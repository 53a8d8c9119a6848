package com.example.fleet.gatewayfleet;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A protocol gateway that maps downstream Modbus devices to IoT Hub device identities. */
public class GatewayFleet {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final Map<String, IotHubConnectionStatus> statusById = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final Timer refreshTimer = new Timer("sas-refresh", true);
    private MultiplexingClient mux;

    public void startAll(Map<String, String> connectionStrings) throws URISyntaxException, IOException {
        for (Map.Entry<String, String> e : connectionStrings.entrySet()) {
            String id = e.getKey();
            DeviceClient dc = new DeviceClient(e.getValue(), IotHubClientProtocol.AMQPS);
            dc.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> onStatus(id, status, reason), null);
            clients.put(id, dc);
        }
        for (DeviceClient dc : clients.values()) {
            dc.open();
        }
        refreshTimer.schedule(new TimerTask() {
            @Override
            public void run() {
                refreshAll();
            }
        }, 3_600_000L, 3_600_000L);
    }

    private void onStatus(String id, IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
        statusById.put(id, status);
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            workers.submit(() -> reopen(id));
        }
    }

    private void reopen(String id) {
        DeviceClient dc = clients.get(id);
        try {
            dc.open();
        } catch (IOException e) {
            System.err.println(id + ": reopen failed " + e);
        }
    }

    private void refreshAll() {
        for (DeviceClient dc : clients.values()) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                dc.open();
            } catch (IOException e) {
                System.err.println("refresh failed " + e);
            }
        }
    }

    /** Key rotation requested by the back end (runs on a worker). */
    public void rotateKey(String id, String newConnectionString) {
        workers.execute(() -> {
            try {
                DeviceClient old = clients.remove(id);
                if (old != null) {
                    old.closeNow();
                }
                DeviceClient fresh = new DeviceClient(newConnectionString, IotHubClientProtocol.AMQPS);
                fresh.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> onStatus(id, status, reason), null);
                clients.put(id, fresh);
                fresh.open();
            } catch (URISyntaxException | IOException e) {
                System.err.println("rotation failed for " + id + ": " + e);
            }
        });
    }

    /** Same thing, written in a hurry for the hotfix branch. */
    public void rotateKeyFast(String id, String newConnectionString) {
        workers.execute(() -> {
            try {
                DeviceClient fresh = new DeviceClient(newConnectionString, IotHubClientProtocol.AMQPS);
                // expect: IotHubClientReplacedWithoutClose
                clients.put(id, fresh);
                fresh.open();
            } catch (URISyntaxException | IOException e) {
                System.err.println("rotation failed for " + id + ": " + e);
            }
        });
    }

    public void startMultiplexed(String hostName, List<DeviceClient> devices) throws Exception {
        mux = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        mux.registerDeviceClients(devices);
        mux.registerConnectionStatusChangeCallback((s, r, t, c) -> {
            // expect: IotHubReopenAfterClientClose
            if (IotHubConnectionStatus.DISCONNECTED == s) {
                workers.execute(this::reopenMux);
            }
        }, null);
        mux.open();
    }

    private void reopenMux() {
        try {
            mux.close();
            mux.open();
        } catch (MultiplexingClientException e) {
            System.err.println("multiplexed reopen failed: " + e);
        }
    }

    public void stopAll() throws IOException, MultiplexingClientException {
        refreshTimer.cancel();
        for (DeviceClient dc : clients.values()) {
            dc.closeNow();
        }
        if (mux != null) {
            mux.close();
        }
        workers.shutdown();
    }
}
