package com.example.statuscallback.localcallback;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/** Local-class status callbacks; reconnects handed to threads. */
public class FieldAgent {
    private final DeviceClient client;
    private final DeviceClient uplink;

    FieldAgent() throws URISyntaxException {
        client = new DeviceClient(System.getenv("AGENT_CS"), IotHubClientProtocol.MQTT);
        uplink = new DeviceClient(System.getenv("UPLINK_CS"), IotHubClientProtocol.AMQPS);
    }

    void start() throws IOException {
        class Watcher implements IotHubConnectionStatusChangeCallback {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                    Throwable throwable, Object context) {
                switch (status) {
                    case DISCONNECTED_RETRYING:
                    // expect: IotHubReopenAfterClientClose
                    case DISCONNECTED:
                        new Thread(FieldAgent.this::restartLink).start();
                        break;
                    default:
                        break;
                }
            }
        }

        class UplinkWatcher implements IotHubConnectionStatusChangeCallback {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                    Throwable throwable, Object context) {
                switch (status) {
                    case DISCONNECTED:
                        if (reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            new Reopener().start();
                        }
                        break;
                    case DISCONNECTED_RETRYING:
                        System.out.println("uplink retrying, SDK owns the link");
                        break;
                    default:
                        break;
                }
            }
        }

        client.registerConnectionStatusChangeCallback(new Watcher(), null);
        uplink.registerConnectionStatusChangeCallback(new UplinkWatcher(), null);
        // quiet: start-up code
        client.open();
        // quiet: start-up code
        uplink.open();
    }

    private void restartLink() {
        try {
            client.closeNow();
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.out.println("restart failed: " + e.getMessage());
        }
    }

    /** Thread subclass started only from the guarded UplinkWatcher branch. */
    class Reopener extends Thread {
        @Override
        public void run() {
            try {
                // quiet: runs on its own thread (a hand-off: "starting a Thread subclass")
                uplink.closeNow();
                // quiet: the only start() is dominated by `case DISCONNECTED` + `reason != CLIENT_CLOSE`
                uplink.open();
            } catch (IOException e) {
                System.out.println("uplink reopen failed: " + e.getMessage());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        new FieldAgent().start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
