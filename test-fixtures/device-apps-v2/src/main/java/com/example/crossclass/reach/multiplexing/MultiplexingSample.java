package com.example.crossclass.reach.multiplexing;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Shaped like the SDK's multiplexing sample: several devices over one AMQP connection. */
public class MultiplexingSample {
    public static void main(String[] args) throws Exception {
        String hostName = System.getenv("IOTHUB_HOSTNAME");
        List<String> connectionStrings = new ArrayList<>();
        for (int i = 1; i < args.length + 1; i++) {
            connectionStrings.add(System.getenv("DEVICE_CS_" + i));
        }

        MultiplexingClient multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        multiplexingClient.setConnectionStatusChangeCallback(new DeviceStatusLogger("multiplexed connection"), null);

        List<DeviceClient> deviceClients = new ArrayList<>();
        for (String connectionString : connectionStrings) {
            DeviceClient deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
            deviceClient.setConnectionStatusChangeCallback(new DeviceStatusLogger(connectionString.split(";")[1]), null);
            deviceClients.add(deviceClient);
        }

        multiplexingClient.registerDeviceClients(deviceClients);
        // quiet: single start-up open of the multiplexed connection ("Never report a single start-up open()")
        multiplexingClient.open(false);

        CountDownLatch sent = new CountDownLatch(deviceClients.size());
        for (DeviceClient deviceClient : deviceClients) {
            deviceClient.sendEventAsync(new Message("hello"), (message, exception, context) -> sent.countDown(), null);
        }
        sent.await(60, TimeUnit.SECONDS);

        // Remove one device at run time and add it back, as the sample does.
        DeviceClient first = deviceClients.get(0);
        multiplexingClient.unregisterDeviceClient(first);
        multiplexingClient.registerDeviceClient(first);

        multiplexingClient.unregisterDeviceClients(deviceClients);
        // quiet: start-up code, not a status callback
        multiplexingClient.close();
    }
}
