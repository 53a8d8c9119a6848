package com.example.statuscallback.supervisor;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Method reference as callback; reconnects on DISCONNECTED_RETRYING as well. */
class MethodRefAgent {

    private final DeviceClient client;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    MethodRefAgent(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(this::handleStatus, null);
    }

    void start() throws IotHubClientException {
        // quiet: "Never report a single start-up open() (one that no retry construct re-attempts)"
        client.open(false);
    }

    private void handleStatus(ConnectionStatusChangeContext ctx) {
        switch (ctx.getNewStatus()) {
            case DISCONNECTED_RETRYING:
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED:
                executor.execute(this::reopen);
                break;
            default:
                break;
        }
    }

    private void reopen() {
        // quiet (check 3): handed off to an executor
        client.close();
        try {
            // path from the status callback admits DISCONNECTED_RETRYING: "the exemptions never apply on paths that start in a status callback"
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("reopen failed: " + e.getMessage());
        }
    }
}
