package com.example.retry.outercontinue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import java.io.IOException;
import java.util.List;

/** A pump station brings up its pump clients in turn; each pump's loop first asks whether its pump is up yet. */
public class PumpStation {

    public static void bringUp(List<DeviceClient> pumps) throws InterruptedException {
        pumps:
        for (DeviceClient pump : pumps) {
            boolean up = false;
            while (true) {
                if (up) {
                    continue pumps;
                }
                try {
                    // expect: IotHubOpenRetryWithoutClose
                    pump.open();
                    up = true;
                } catch (IOException e) {
                    Thread.sleep(2000);
                }
            }
        }
    }
}
