package com.example.multiplexing.replacement;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;

/** AMQP multiplexing gateway: many device identities over one connection. */
public class MultiplexedGateway {
    private final String hostName;
    private final Map<String, String> leafConnectionStrings;
    private final Map<String, DeviceClient> leafClients = new HashMap<>();
    private final Timer timer = new Timer(true);
    private MultiplexingClient multiplexingClient;
    private volatile IotHubConnectionStatus muxStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason muxReason;

    public MultiplexedGateway(String hostName, Map<String, String> leafConnectionStrings) {
        this.hostName = hostName;
        this.leafConnectionStrings = leafConnectionStrings;
    }

    public void start() throws URISyntaxException, InterruptedException, MultiplexingClientException {
        multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        multiplexingClient.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            muxStatus = status;
            muxReason = reason;
        }, null);
        for (Map.Entry<String, String> e : leafConnectionStrings.entrySet()) {
            DeviceClient leaf = new DeviceClient(e.getValue(), IotHubClientProtocol.AMQPS);
            leafClients.put(e.getKey(), leaf);
        }
        multiplexingClient.registerDeviceClients(leafClients.values());
        multiplexingClient.open();

        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (muxStatus == IotHubConnectionStatus.DISCONNECTED
                        && muxReason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    rebuild();
                }
            }
        }, 10_000, 10_000);
    }

    /** Timer: a new multiplexing connection replaces the old one, which is never closed. */
    private void rebuild() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
            multiplexingClient.registerDeviceClients(leafClients.values());
            multiplexingClient.open();
        } catch (InterruptedException | MultiplexingClientException e) {
            System.err.println("rebuild failed " + e);
        }
    }

    /** Timer: a leaf was re-keyed; its DeviceClient is swapped in the map without unregistering/closing. */
    public void scheduleRekey(String deviceId, String newConnectionString) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    DeviceClient fresh = new DeviceClient(newConnectionString, IotHubClientProtocol.AMQPS);
                    // expect: IotHubClientReplacedWithoutClose
                    leafClients.put(deviceId, fresh);
                    multiplexingClient.registerDeviceClient(fresh);
                } catch (URISyntaxException | InterruptedException | MultiplexingClientException e) {
                    System.err.println("rekey failed " + e);
                }
            }
        }, 0);
    }

    /** Timer: the same, but the old leaf is unregistered and closed via remove() first. */
    public void scheduleRekeyClean(String deviceId, String newConnectionString) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    DeviceClient old = leafClients.remove(deviceId);
                    if (old != null) {
                        multiplexingClient.unregisterDeviceClient(old);
                        old.closeNow();
                    }
                    DeviceClient fresh = new DeviceClient(newConnectionString, IotHubClientProtocol.AMQPS);
                    leafClients.put(deviceId, fresh);
                    multiplexingClient.registerDeviceClient(fresh);
                } catch (Exception e) {
                    System.err.println("rekey failed " + e);
                }
            }
        }, 0);
    }

    /** Timer: a clean multiplexing rebuild that closes the previous connection. */
    public void scheduleCleanRebuild(List<String> reason) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    multiplexingClient.close();
                    multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
                    multiplexingClient.registerDeviceClients(leafClients.values());
                    multiplexingClient.open();
                } catch (InterruptedException | MultiplexingClientException e) {
                    System.err.println("clean rebuild failed " + reason + " " + e);
                }
            }
        }, 0);
    }
}
