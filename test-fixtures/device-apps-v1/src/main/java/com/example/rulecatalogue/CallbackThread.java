package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Check 3 (IotHubReconnectOnCallbackThread): open/close/closeNow run synchronously in a status callback,
 * for every callback shape; hand-offs are not reported.
 */
public class CallbackThread {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private final DeviceClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile IotHubConnectionStatus lastStatus;

    public CallbackThread() throws URISyntaxException {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    // ---- positives, one per callback shape ----

    void lambdaClosesOnBadCredential() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.closeNow();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void lambdaClosesOnAnyDisconnect() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void anonymousClassReopens() {
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.close();
                        // expect: IotHubReconnectOnCallbackThread
                        client.open();
                    } catch (IOException e) {
                        e.printStackTrace();
                    }
                }
            }
        }, null);
    }

    private void onConnectionStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        lastStatus = status;
        if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.closeNow();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }
    }

    void methodReferenceCallback() {
        client.registerConnectionStatusChangeCallback(this::onConnectionStatus, null);
    }

    void localClassCallback() {
        class ShutdownOnFatal implements IotHubConnectionStatusChangeCallback {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.close();
                    } catch (IOException e) {
                        e.printStackTrace();
                    }
                }
            }
        }
        client.registerConnectionStatusChangeCallback(new ShutdownOnFatal(), null);
    }

    static final class NestedStatusWatcher implements IotHubConnectionStatusChangeCallback {
        private final DeviceClient watched;

        NestedStatusWatcher(DeviceClient watched) {
            this.watched = watched;
        }

        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    watched.closeNow();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }
    }

    void nestedNamedClassCallback() {
        client.registerConnectionStatusChangeCallback(new NestedStatusWatcher(client), null);
    }

    // ---- through same-class methods, synchronously ----

    private void shutdownLink() throws IOException {
        // expect: IotHubReconnectOnCallbackThread
        client.closeNow();
    }

    private void handleFatal(Throwable cause) {
        System.err.println("fatal: " + cause);
        try {
            shutdownLink();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    void callbackThroughTwoHelpers() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                handleFatal(cause);
            }
        }, null);
    }

    // ---- negatives: hand-offs ----

    private void reconnectOffThread() {
        try {
            client.close();
            client.open();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    void handOffToNewThread() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(this::reconnectOffThread, "reconnect").start();
            }
        }, null);
    }

    void handOffToExecutorLambda() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                worker.execute(() -> {
                    try {
                        client.close();
                        client.open();
                    } catch (IOException e) {
                        e.printStackTrace();
                    }
                });
            }
        }, null);
    }

    void handOffToScheduler() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                scheduler.schedule(this::reconnectOffThread, 5, TimeUnit.SECONDS);
            }
        }, null);
    }

    void handOffToCompletableFuture() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                CompletableFuture.runAsync(this::reconnectOffThread);
            }
        }, null);
    }

    void closeHandedOffOnFatal() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                worker.submit(() -> {
                    client.closeNow();
                    return null;
                });
            }
        }, null);
    }

    void callbackOnlyRecordsStatus() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            lastStatus = status;
            System.out.println("status " + status + " because " + reason);
        }, null);
    }


    // ---- a static same-class helper, called synchronously ----

    private static void shutdownQuietly(DeviceClient target) {
        try {
            // expect: IotHubReconnectOnCallbackThread
            target.closeNow();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    void callbackCallsStaticHelper() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
                shutdownQuietly(client);
            }
        }, null);
    }

    // ---- forEach runs its lambda synchronously on the callback thread: not a hand-off ----

    void callbackClosesFleetWithForEach(java.util.List<DeviceClient> fleet) {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                fleet.forEach(each -> {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        each.closeNow();
                    } catch (IOException e) {
                        e.printStackTrace();
                    }
                });
            }
        }, null);
    }

    // ---- check 5 in the other callback shapes ----

    void anonymousClassGuardWithoutExclusion() {
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                // expect: IotHubReopenAfterClientClose
                if (status == IotHubConnectionStatus.DISCONNECTED) {
                    worker.execute(CallbackThread.this::reconnectOffThread);
                }
            }
        }, null);
    }

    private void onStatusReconnecting(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            scheduler.schedule(this::reconnectOffThread, 1, TimeUnit.SECONDS);
        }
    }

    void methodReferenceGuardWithoutExclusion() {
        client.registerConnectionStatusChangeCallback(this::onStatusReconnecting, null);
    }

    void localClassGuardWithoutExclusion() {
        class Reconnector implements IotHubConnectionStatusChangeCallback {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                // expect: IotHubReopenAfterClientClose
                if (status == IotHubConnectionStatus.DISCONNECTED) {
                    new Thread(CallbackThread.this::reconnectOffThread).start();
                }
            }
        }
        client.registerConnectionStatusChangeCallback(new Reconnector(), null);
    }


    void lambdaKeptInLocalVariable() {
        IotHubConnectionStatusChangeCallback onChange = (status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        };
        client.registerConnectionStatusChangeCallback(onChange, null);
    }


    private final java.util.Timer timer = new java.util.Timer(true);
    private final android.os.Handler mainHandler = new android.os.Handler();

    void handOffToTimer() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
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
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                mainHandler.post(this::reconnectOffThread);
            }
        }, null);
    }
}
