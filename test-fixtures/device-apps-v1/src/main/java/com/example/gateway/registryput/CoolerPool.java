package com.example.gateway.registryput;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A cooler gateway that re-creates a cooler's client on command, closing the old one in the ways modern code does. */
public class CoolerPool implements MessageCallback {
    private final Map<String, DeviceClient> byCooler = new ConcurrentHashMap<>();

    @Override
    public IotHubMessageResult execute(Message message, Object context) {
        String cooler = new String(message.getBytes(), StandardCharsets.UTF_8);
        try {
            // quiet: the value put returns is closed through the Optional
            Optional.ofNullable(byCooler.put(cooler, create(cooler))).ifPresent(CoolerPool::closeQuietly);
            Optional.ofNullable(byCooler.get(cooler + "/door")).ifPresent(door -> closeQuietly(door));
            // quiet: the old value under this key was looked up and closed through an Optional just before
            byCooler.put(cooler + "/door", create(cooler));
            retire(cooler + "/fan");
            // quiet: retire() removes and closes the value under the key it is given
            byCooler.put(cooler + "/fan", create(cooler));
            retire(cooler + "/fan");
            // expect: IotHubClientReplacedWithoutClose
            byCooler.put(cooler + "/compressor", create(cooler));
            return IotHubMessageResult.COMPLETE;
        } catch (IOException | URISyntaxException e) {
            return IotHubMessageResult.ABANDON;
        }
    }

    private void retire(String key) throws IOException {
        DeviceClient old = byCooler.remove(key);
        if (old != null) {
            old.closeNow();
        }
    }

    private static void closeQuietly(DeviceClient client) {
        try {
            client.closeNow();
        } catch (IOException e) {
            System.err.println("close failed: " + e.getMessage());
        }
    }

    private static DeviceClient create(String cooler) throws URISyntaxException {
        return new DeviceClient(System.getenv("COOLER_" + cooler.hashCode()), IotHubClientProtocol.AMQPS);
    }
}
