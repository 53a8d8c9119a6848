package com.example.replacement.workerloop;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/** A cellular modem poller: when the carrier profile changes it connects again with the new profile's client. */
public class ModemPoller {
    private volatile String profile = System.getenv("PROFILE");

    public void poll() throws Exception {
        DeviceClient current = null;
        String connectedProfile = null;
        while (true) {
            String wanted = profile;
            if (!wanted.equals(connectedProfile)) {
                if (current != null) {
                    current.close();
                }
                // quiet: the previous round's client is closed just before it is replaced
                current = new DeviceClient(System.getenv("CS_" + wanted), IotHubClientProtocol.MQTT);
                // quiet: a client created earlier in the same method
                current.open(false);
                connectedProfile = wanted;
            }
            Thread.sleep(10_000);
        }
    }
}
