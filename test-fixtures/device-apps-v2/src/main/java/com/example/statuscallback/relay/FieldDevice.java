package com.example.statuscallback.relay;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Device manager; its reconnect() is called by StatusRelay (another file) on the callback thread. */
public class FieldDevice {

    private final DeviceClient client;

    public FieldDevice(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(new StatusRelay(this), null);
    }

    public void boot() throws IotHubClientException {
        // quiet: "Never report a single start-up open() (one that no retry construct re-attempts)"
        client.open(false);
    }

    public void send(String payload) throws IotHubClientException, InterruptedException {
        client.sendEvent(new Message(payload));
    }

    void reconnect() {
        // reached synchronously from StatusRelay.onStatusChanged (named callback class in another file)
        // expect: IotHubReconnectOnCallbackThread
        client.close();
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("field device reconnect failed: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        String cs = System.getenv("FIELD_CS");
        FieldDevice device = new FieldDevice(cs);
        device.boot();
        CommandProcessor commands = new CommandProcessor(System.getenv("CMD_CS"));
        commands.bootstrap();
        new LocalClassDevice(System.getenv("LOCAL_CS")).init();
        new KioskDisplay(System.getenv("KIOSK_CS")).start();
    }
}
