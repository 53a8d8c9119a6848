package com.example.multiplexing.unregister;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A head-end that carries many meters over one multiplexed connection. A meter's client is closed by unregistering it
 * from the MultiplexingClient (its own close() throws), and the SDK then tells the meter's status callback
 * DISCONNECTED with CLIENT_CLOSE.
 */
public class MeterSwap {
    private final Map<String, DeviceClient> meters = new ConcurrentHashMap<>();
    private final MultiplexingClient mux =
            new MultiplexingClient(System.getenv("HUB_HOST"), IotHubClientProtocol.AMQPS);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private DeviceClient kitchen;
    private DeviceClient garage;

    public void start(DeviceClient control) throws Exception {
        kitchen = new DeviceClient(System.getenv("KITCHEN"), IotHubClientProtocol.AMQPS);
        garage = new DeviceClient(System.getenv("GARAGE"), IotHubClientProtocol.AMQPS);
        kitchen.setConnectionStatusChangeCallback(context -> {
            // quiet: the callback is removed before every unregister of this meter (retire)
            if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                worker.execute(this::replaceKitchen);
            }
        }, null);
        garage.setConnectionStatusChangeCallback(context -> {
            // expect: IotHubReopenAfterClientClose
            if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                worker.execute(this::replaceGarage);
            }
        }, null);
        mux.registerDeviceClient(kitchen);
        mux.registerDeviceClient(garage);
        mux.open(false);
        control.setMessageCallback((message, context) -> {
            String[] parts = new String(message.getBytes()).split(":", 2);
            try {
                if (parts[0].startsWith("spare-")) {
                    addSpare(parts[0], parts[1]);
                } else {
                    swap(parts[0], parts[1]);
                }
            } catch (Exception e) {
                System.err.println(e);
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    private void swap(String meterId, String connectionString) throws Exception {
        DeviceClient previous = meters.get(meterId);
        if (previous != null) {
            mux.unregisterDeviceClient(previous);
        }
        DeviceClient replacement = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        mux.registerDeviceClient(replacement);
        // quiet: the meter it replaces was unregistered (closed) first
        meters.put(meterId, replacement);
    }

    private void addSpare(String meterId, String connectionString) throws Exception {
        DeviceClient spare = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        mux.registerDeviceClient(spare);
        // expect: IotHubClientReplacedWithoutClose
        meters.put(meterId, spare);
    }

    public void retire() throws Exception {
        kitchen.setConnectionStatusChangeCallback(null, null);
        mux.unregisterDeviceClient(kitchen);
        garage.setConnectionStatusChangeCallback(null, null);
        mux.unregisterDeviceClient(garage);
    }

    public void maintenance() throws Exception {
        mux.unregisterDeviceClient(garage, 30_000);
    }

    private void replaceKitchen() {
        kitchen = new DeviceClient(System.getenv("KITCHEN"), IotHubClientProtocol.AMQPS);
    }

    private void replaceGarage() {
        garage = new DeviceClient(System.getenv("GARAGE"), IotHubClientProtocol.AMQPS);
    }
}
