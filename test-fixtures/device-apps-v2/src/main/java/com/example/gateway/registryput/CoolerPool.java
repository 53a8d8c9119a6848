package com.example.gateway.registryput;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A cooler gateway that re-creates a cooler's client on command, closing the old one in the ways modern code does. */
public class CoolerPool implements MessageCallback {
    private final Map<String, DeviceClient> byCooler = new ConcurrentHashMap<>();

    @Override
    public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
        String cooler = new String(message.getBytes(), StandardCharsets.UTF_8);
        // quiet: the value put returns is closed through the Optional
        Optional.ofNullable(byCooler.put(cooler, create(cooler))).ifPresent(DeviceClient::close);
        Optional.ofNullable(byCooler.get(cooler + "/door")).ifPresent(door -> door.close());
        // quiet: the old value under this key was looked up and closed through an Optional just before
        byCooler.put(cooler + "/door", create(cooler));
        retire(cooler + "/fan");
        // quiet: retire() removes and closes the value under the key it is given
        byCooler.put(cooler + "/fan", create(cooler));
        retire(cooler + "/fan");
        // expect: IotHubClientReplacedWithoutClose
        byCooler.put(cooler + "/compressor", create(cooler));
        return IotHubMessageResult.COMPLETE;
    }

    private void retire(String key) {
        DeviceClient old = byCooler.remove(key);
        if (old != null) {
            old.close();
        }
    }

    private static DeviceClient create(String cooler) {
        return new DeviceClient(System.getenv("COOLER_" + cooler.hashCode()), IotHubClientProtocol.AMQPS);
    }
}
