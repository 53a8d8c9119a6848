package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Check 1 exemptions outside status callbacks: (a) closed earlier in the same method on every path,
 * (b) created earlier in the same method on every path. Neither applies inside a status callback.
 * All sites below are executor tasks (re-entry sites) without a DISCONNECTED guard.
 */
public class Exemptions {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    static final class Link {
        DeviceClient client;
    }

    private DeviceClient client;
    private DeviceClient backup;
    private final Link link = new Link();
    private final Link otherLink = new Link();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile boolean resetRequested;

    public Exemptions() {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        backup = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
        link.client = new DeviceClient(CS, IotHubClientProtocol.MQTT_WS);
        otherLink.client = new DeviceClient(CS, IotHubClientProtocol.MQTT_WS);
    }

    // ---- (a) close-then-reopen ----

    void closeThenOpen() {
        executor.execute(() -> {
            client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void closeThenOpenInOneTry() {
        executor.execute(() -> {
            try {
                client.close();
                client.open(true);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void nullCheckedCloseThenOpen() {
        executor.execute(() -> {
            if (client != null) client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void nullCheckedCloseInBlockThenOpen() {
        executor.execute(() -> {
            try {
                if (client != null) {
                    client.close();
                }
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void closeWithThisThenOpenWithout() {
        executor.execute(() -> {
            this.client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void sameFieldOfOtherObject() {
        executor.execute(() -> {
            link.client.close();
            try {
                link.client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void sameFieldOfADifferentObject() {
        executor.execute(() -> {
            otherLink.client.close();
            try {
                // expect: IotHubOpenWithoutStatusGuard
                link.client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void closeOfParameterThenOpen(DeviceClient target) {
        executor.execute(() -> {
            target.close();
            try {
                target.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void closeOnlyWhenResetRequested() {
        executor.execute(() -> {
            if (resetRequested) {
                client.close();
            }
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void closesADifferentClient() {
        executor.execute(() -> {
            backup.close();
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void closeAfterOpenDoesNotCount() {
        executor.execute(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
                client.sendEvent(new Message("once"));
            } catch (IotHubClientException | InterruptedException e) {
                e.printStackTrace();
            } finally {
                client.close();
            }
        });
    }

    private void closeLink() {
        client.close();
    }

    void closeThroughSameClassHelperCounts() {
        executor.execute(() -> {
            closeLink();
            try {
                // the close happens earlier in this method, through a same-class helper: deliberate close-then-reopen
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void catchAfterFailedSendClosesThenReopens(Message msg) {
        executor.execute(() -> {
            try {
                client.sendEvent(msg);
            } catch (IotHubClientException | InterruptedException sendFailed) {
                client.close();
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        });
    }

    // ---- (b) fresh instance ----

    void freshLocalClientClosedInFinally() {
        executor.execute(() -> {
            DeviceClient probe = new DeviceClient(CS, IotHubClientProtocol.HTTPS);
            try {
                probe.open(false);
                probe.sendEvent(new Message("probe"));
            } catch (IotHubClientException | InterruptedException e) {
                e.printStackTrace();
            } finally {
                probe.close();
            }
        });
    }

    void freshFieldClientAfterClosingOld() {
        executor.execute(() -> {
            if (client != null) {
                client.close();
            }
            client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void createdOnlyOnSomePaths() {
        executor.execute(() -> {
            if (client == null) {
                client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
            }
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    // ---- inside a status callback neither exemption applies ----

    void callbackCloseThenOpenUnguarded() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReconnectOnCallbackThread
            client.close();
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, null);
    }

    void callbackRecreateUnguarded() {
        backup.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubClientReplacedWithoutClose
            backup = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                // expect: IotHubOpenWithoutStatusGuard
                backup.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, null);
    }

    void callbackCloseThenOpenGuarded() {
        client.setConnectionStatusChangeCallback(ctx -> {
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
        }, null);
    }


    // a local alias is not "the same client" (same field, or same local variable or parameter)
    void closeThroughLocalAliasThenOpenField() {
        executor.execute(() -> {
            DeviceClient current = client;
            current.close();
            try {
                // `current` holds the same client as the field: closed just before, a deliberate close-then-reopen
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }
}
