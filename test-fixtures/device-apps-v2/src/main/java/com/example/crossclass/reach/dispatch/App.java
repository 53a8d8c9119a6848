package com.example.crossclass.reach.dispatch;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class App implements IotHubConnectionStatusChangeCallback {
    private final Connector connector;
    private final Runnable onDisconnect;

    App(Connector connector, Runnable onDisconnect) {
        this.connector = connector;
        this.onDisconnect = onDisconnect;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        // expect: IotHubReopenAfterClientClose
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            onDisconnect.run();
            connector.reconnect();
        }
    }

    /** Nightly maintenance; handed to the scheduler in main, never to onDisconnect. */
    static final class NightlyReopen implements Runnable {
        private final DeviceClient client;

        NightlyReopen(DeviceClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            // quiet: check 3 - onDisconnect.run() "reaches only the task objects the code itself handed there" (a logging lambda), never every Runnable of the module
            client.close();
            try {
                // quiet: check 1 exemption (a) - closed just before in the same method; path rooted at the scheduler
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("nightly reopen failed: " + e.getMessage());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Connector connector = new Connectors.MqttConnector(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        App app = new App(connector, () -> System.out.println("disconnected; reconnecting"));
        connector.client().setConnectionStatusChangeCallback(app, null);
        // quiet: single start-up open
        connector.client().open(false);

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleAtFixedRate(new NightlyReopen(connector.client()), 24, 24, TimeUnit.HOURS);
    }
}
