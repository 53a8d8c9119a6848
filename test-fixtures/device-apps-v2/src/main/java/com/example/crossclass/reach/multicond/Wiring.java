package com.example.crossclass.reach.multicond;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;

/** One status-callback style per link, collected from several teams' code. */
final class Wiring {
    private Wiring() {
    }

    static void restartUnlessConnected(Link link, ExecutorService pool) {
        link.client().setConnectionStatusChangeCallback(context -> {
            // expect: IotHubReopenAfterClientClose
            if (context.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                pool.execute(link::restart);
            }
        }, null);
    }

    static void restartOnEitherDisconnect(Link link, ExecutorService pool) {
        link.client().setConnectionStatusChangeCallback(context -> {
            IotHubConnectionStatus status = context.getNewStatus();
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED || status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                pool.execute(link::restart);
            }
        }, null);
    }

    static void restartAfterEarlyExit(Link link, ExecutorService pool) {
        link.client().setConnectionStatusChangeCallback(context -> {
            // expect: IotHubReopenAfterClientClose
            if (context.getNewStatus() == IotHubConnectionStatus.CONNECTED) {
                return;
            }
            System.out.println("link down: " + context.getNewStatusReason());
            pool.execute(link::restart);
        }, null);
    }

    static void restartNested(Link link, ExecutorService pool) {
        link.client().setConnectionStatusChangeCallback(context -> {
            IotHubConnectionStatus status = context.getNewStatus();
            // quiet: check 5 - "of several status conditions dominating one reconnect, only the nearest one inside the status callback" is reported: the inner == DISCONNECTED
            if (status != IotHubConnectionStatus.CONNECTED) {
                System.out.println("not connected: " + status);
                // expect: IotHubReopenAfterClientClose
                if (status == IotHubConnectionStatus.DISCONNECTED) {
                    pool.execute(link::restart);
                }
            }
        }, null);
    }

    static void restartUnlessClosedByUs(Link link, ExecutorService pool) {
        link.client().setConnectionStatusChangeCallback(context -> {
            // quiet: check 5 - the condition carries a CLIENT_CLOSE exclusion (!= CLIENT_CLOSE); (check 1 still reports Link.restart's open: != CONNECTED is no DISCONNECTED guard)
            if (context.getNewStatus() != IotHubConnectionStatus.CONNECTED
                    && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                pool.execute(link::restart);
            }
        }, null);
    }
}
