package com.example.replacement.setter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.Message;

/** Sends telemetry on whatever client the rotation task hands it. */
public class TelemetryChannel
{
    private DeviceClient client;

    /** Called by the rotation task with a client it has just created and opened: the previous one stays open. */
    public void setClient(DeviceClient client)
    {
        // expect: IotHubClientReplacedWithoutClose
        this.client = client;
    }

    public void send(String json, IotHubEventCallback confirmation)
    {
        client.sendEventAsync(new Message(json), confirmation, null);
    }
}
