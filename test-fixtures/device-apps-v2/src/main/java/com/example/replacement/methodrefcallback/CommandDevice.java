package com.example.replacement.methodrefcallback;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Method-reference callbacks; the client field is replaced on reconnect and on a "reset" direct method. */
public class CommandDevice {
    private final String connectionString;
    private DeviceClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    CommandDevice(String connectionString) {
        this.connectionString = connectionString;
    }

    void start() throws IotHubClientException, InterruptedException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        // quiet: start-up code
        client.open(false);
        client.subscribeToMethods(this::onMethod, null);
    }

    private void onStatus(ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatus newStatus = ctx.getNewStatus();
        if (newStatus != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            return;
        }
        scheduler.schedule(this::replaceClient, 10, TimeUnit.SECONDS);
    }

    private void replaceClient() {
        client.close();
        // quiet: check 4(a) needs "no close of the previous value before it" — it was closed on the line above
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        try {
            // quiet: guarded by "`!=` with early exit" on a variable of type IotHubConnectionStatus, dominating the hand-off
            client.open(false);
        } catch (IotHubClientException e) {
            System.out.println("replace failed: " + e.getMessage());
        }
    }

    private DirectMethodResponse onMethod(String methodName, DirectMethodPayload payload, Object context) {
        if ("reset".equals(methodName)) {
            // expect: IotHubClientReplacedWithoutClose
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            try {
                // quiet: method callback path (not a status callback); "(b) the client was created earlier in the same method on every path"
                client.open(false);
            } catch (IotHubClientException e) {
                return new DirectMethodResponse(500, e.getMessage());
            }
        }
        return new DirectMethodResponse(200, null);
    }

    public static void main(String[] args) throws Exception {
        new CommandDevice(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING")).start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
