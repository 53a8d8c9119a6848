package com.example.retry.flagmethod;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** A point-of-sale terminal that keeps trying to come online, its state behind small accessor methods. */
public class PosTerminal {
    private final DeviceClient terminal;
    private boolean online;

    public PosTerminal(String connectionString) {
        terminal = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    private boolean isOnline() {
        return online;
    }

    private void markOnline() {
        online = true;
    }

    public void goOnline() throws InterruptedException {
        while (!isOnline()) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                terminal.open(false);
                markOnline();
            } catch (IotHubClientException e) {
                Thread.sleep(4_000);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        new PosTerminal(System.getenv("POS_CONNECTION_STRING")).goOnline();
    }
}
