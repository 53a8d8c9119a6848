package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Every CLIENT_CLOSE exclusion form in front of a hand-off that reconnects. */
public class ExclusionForms {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final DeviceClient[] clients = new DeviceClient[9];

    public ExclusionForms() {
        for (int i = 0; i < clients.length; i++) {
            clients[i] = new DeviceClient(Util.CS.replace("dev1", "d" + i), IotHubClientProtocol.AMQPS);
        }
        // 1) != CLIENT_CLOSE, reason read into a local first
        clients[0].setConnectionStatusChangeCallback(ctx -> {
            IotHubConnectionStatus s = ctx.getNewStatus();
            IotHubConnectionStatusChangeReason r = ctx.getNewStatusReason();
            if (s == IotHubConnectionStatus.DISCONNECTED && r != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                executor.execute(() -> reconnect(0));
            }
        }, null);
        // 2) !equals, Yoda
        clients[1].setConnectionStatusChangeCallback(ctx -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus()) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                executor.execute(() -> reconnect(1));
            }
        }, null);
        // 3) !equals, receiver first
        clients[2].setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus().equals(IotHubConnectionStatus.DISCONNECTED) && !ctx.getNewStatusReason().equals(IotHubConnectionStatusChangeReason.CLIENT_CLOSE)) {
                executor.execute(() -> reconnect(2));
            }
        }, null);
        // 4) equality with one other reason
        clients[3].setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                executor.execute(() -> reconnect(3));
            }
        }, null);
        // 5) early exit on == CLIENT_CLOSE, then the guard
        clients[4].setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                executor.execute(() -> reconnect(4));
            }
        }, null);
        // 6) switch on the reason: CLIENT_CLOSE case does not reach the reconnect
        clients[5].setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
                    return;
                }
                switch (ctx.getNewStatusReason()) {
                    case CLIENT_CLOSE:
                        System.out.println("closed by the app");
                        break;
                    case RETRY_EXPIRED:
                    case COMMUNICATION_ERROR:
                    case NO_NETWORK:
                        executor.execute(() -> reconnect(5));
                        break;
                    default:
                        break;
                }
            }
        }, null);
        // 7) arrow-form switch on the reason, CLIENT_CLOSE -> nothing
        clients[6].setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
                    case CLIENT_CLOSE -> { }
                    default -> executor.execute(() -> reconnect(6));
                }
            }
        }, null);
        // 8) near miss: a reason check that does not exclude CLIENT_CLOSE
        clients[7].setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                executor.execute(() -> reconnect(7));
            }
        }, null);
        // 9) near miss: exclusion tested only after the hand-off is made
        clients[8].setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                executor.execute(() -> reconnect(8));
                if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    System.out.println("app closed it");
                }
            }
        }, null);
    }

    private void reconnect(int i) {
        clients[i].close();
        try {
            clients[i].open(false);
        } catch (IotHubClientException e) {
            System.err.println("client " + i + ": " + e);
        }
    }

    public void start() throws IotHubClientException {
        for (DeviceClient c : clients) {
            c.open(false);
        }
    }
}
