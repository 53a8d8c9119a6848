package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Check 3 (IotHubReconnectOnCallbackThread): open/close run synchronously in a status callback,
 * for every callback shape; hand-offs are not reported.
 */
public class CallbackThread {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private final DeviceClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile IotHubConnectionStatus lastStatus;

    public CallbackThread() {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    // ---- positives, one per callback shape ----

    void lambdaClosesOnBadCredential() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                // expect: IotHubReconnectOnCallbackThread
                client.close();
            }
        }, null);
    }

    void lambdaClosesOnAnyDisconnect() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                // expect: IotHubReconnectOnCallbackThread
                client.close();
            }
        }, null);
    }

    void anonymousClassReopens() {
        client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.open(false);
                    } catch (IotHubClientException e) {
                        e.printStackTrace();
                    }
                }
            }
        }, null);
    }

    private void onConnectionStatus(ConnectionStatusChangeContext ctx) {
        lastStatus = ctx.getNewStatus();
        if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
            // expect: IotHubReconnectOnCallbackThread
            client.close();
        }
    }

    void methodReferenceCallback() {
        client.setConnectionStatusChangeCallback(this::onConnectionStatus, null);
    }

    void localClassCallback() {
        class ShutdownOnFatal implements IotHubConnectionStatusChangeCallback {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                }
            }
        }
        client.setConnectionStatusChangeCallback(new ShutdownOnFatal(), null);
    }

    static final class NestedStatusWatcher implements IotHubConnectionStatusChangeCallback {
        private final DeviceClient watched;

        NestedStatusWatcher(DeviceClient watched) {
            this.watched = watched;
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                // expect: IotHubReconnectOnCallbackThread
                watched.close();
            }
        }
    }

    void nestedNamedClassCallback() {
        client.setConnectionStatusChangeCallback(new NestedStatusWatcher(client), null);
    }

    // ---- through same-class methods, synchronously ----

    private void shutdownLink() {
        // expect: IotHubReconnectOnCallbackThread
        client.close();
    }

    private void handleFatal(Throwable cause) {
        System.err.println("fatal: " + cause);
        shutdownLink();
    }

    void callbackThroughTwoHelpers() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                handleFatal(ctx.getCause());
            }
        }, null);
    }

    // ---- negatives: hand-offs ----

    private void reconnectOffThread() {
        client.close();
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            e.printStackTrace();
        }
    }

    void handOffToNewThread() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(this::reconnectOffThread, "reconnect").start();
            }
        }, null);
    }

    void handOffToExecutorLambda() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                worker.execute(() -> {
                    client.close();
                    try {
                        client.open(false);
                    } catch (IotHubClientException e) {
                        e.printStackTrace();
                    }
                });
            }
        }, null);
    }

    void handOffToScheduler() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                scheduler.schedule(this::reconnectOffThread, 5, TimeUnit.SECONDS);
            }
        }, null);
    }

    void handOffToCompletableFuture() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                CompletableFuture.runAsync(this::reconnectOffThread);
            }
        }, null);
    }

    void closeHandedOffOnFatal() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                worker.execute(client::close);
            }
        }, null);
    }

    void callbackOnlyRecordsStatus() {
        client.setConnectionStatusChangeCallback(ctx -> {
            lastStatus = ctx.getNewStatus();
            System.out.println("status " + ctx.getNewStatus() + " because " + ctx.getNewStatusReason());
        }, null);
    }


    // ---- a static same-class helper, called synchronously ----

    private static void shutdownQuietly(DeviceClient target) {
        // expect: IotHubReconnectOnCallbackThread
        target.close();
    }

    void callbackCallsStaticHelper() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
                shutdownQuietly(client);
            }
        }, null);
    }

    // ---- forEach runs synchronously on the callback thread: not a hand-off ----

    void callbackClosesFleetWithForEach(java.util.List<DeviceClient> fleet) {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                // expect: IotHubReconnectOnCallbackThread
                fleet.forEach(each -> each.close());
            }
        }, null);
    }

    // ---- check 5 in the other callback shapes ----

    void anonymousClassGuardWithoutExclusion() {
        client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                // expect: IotHubReopenAfterClientClose
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    worker.execute(CallbackThread.this::reconnectOffThread);
                }
            }
        }, null);
    }

    private void onStatusReconnecting(ConnectionStatusChangeContext ctx) {
        // expect: IotHubReopenAfterClientClose
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            scheduler.schedule(this::reconnectOffThread, 1, TimeUnit.SECONDS);
        }
    }

    void methodReferenceGuardWithoutExclusion() {
        client.setConnectionStatusChangeCallback(this::onStatusReconnecting, null);
    }

    void localClassGuardWithoutExclusion() {
        class Reconnector implements IotHubConnectionStatusChangeCallback {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                // expect: IotHubReopenAfterClientClose
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    new Thread(CallbackThread.this::reconnectOffThread).start();
                }
            }
        }
        client.setConnectionStatusChangeCallback(new Reconnector(), null);
    }


    void callbackClosesFleetWithForEachMethodReference(java.util.Map<String, DeviceClient> fleet) {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
                // expect: IotHubReconnectOnCallbackThread
                fleet.values().forEach(DeviceClient::close);
            }
        }, null);
    }


    void lambdaKeptInLocalVariable() {
        IotHubConnectionStatusChangeCallback onChange = ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR) {
                // expect: IotHubReconnectOnCallbackThread
                client.close();
            }
        };
        client.setConnectionStatusChangeCallback(onChange, null);
    }


    private final java.util.Timer timer = new java.util.Timer(true);
    private final android.os.Handler mainHandler = new android.os.Handler();

    void handOffToTimer() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                timer.schedule(new java.util.TimerTask() {
                    @Override
                    public void run() {
                        reconnectOffThread();
                    }
                }, 1000);
            }
        }, null);
    }

    void handOffToAndroidHandler() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                mainHandler.post(this::reconnectOffThread);
            }
        }, null);
    }
}
