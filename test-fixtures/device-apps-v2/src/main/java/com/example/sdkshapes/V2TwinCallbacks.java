package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.DesiredPropertiesCallback;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import java.util.List;

/** 2.x: desired-properties, get-twin and batch send-confirmation callbacks are re-entry sites. */
public class V2TwinCallbacks implements DesiredPropertiesCallback {
    private final DeviceClient client;

    public V2TwinCallbacks(DeviceClient client) throws IotHubClientException, InterruptedException {
        this.client = client;
        client.open(false);
        client.subscribeToDesiredProperties(this, null);
        client.getTwinAsync((com.microsoft.azure.sdk.iot.device.twin.GetTwinCallback) (twin, ex, ctx) -> {
            if (ex != null) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            }
        }, null);
        client.sendEventsAsync(List.of(new Message("a"), new Message("b")), (messages, ex, ctx) -> {
            if (ex != null) {
                client.close();
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            }
        }, null);
    }

    @Override
    public void onDesiredPropertiesUpdated(Twin twin, Object context) {
        if (twin.getDesiredProperties().containsKey("reconnect")) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(true);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }
}
