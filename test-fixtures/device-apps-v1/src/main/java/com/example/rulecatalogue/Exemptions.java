package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
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
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile boolean resetRequested;

    public Exemptions() throws URISyntaxException {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        backup = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
        link.client = new DeviceClient(CS, IotHubClientProtocol.MQTT_WS);
    }

    // ---- (a) close-then-reopen ----

    void closeThenOpen() {
        executor.execute(() -> {
            try {
                client.close();
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void closeNowThenOpen() {
        executor.execute(() -> {
            try {
                client.closeNow();
                client.open(false);
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void nullCheckedCloseThenOpen() {
        executor.execute(() -> {
            try {
                if (client != null) client.close();
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void nullCheckedCloseInBlockThenOpen() {
        executor.execute(() -> {
            try {
                if (client != null) {
                    client.closeNow();
                }
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void closeWithThisThenOpenWithout() {
        executor.execute(() -> {
            try {
                this.client.close();
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void closeOwnFailureSwallowedThenOpen() {
        executor.execute(() -> {
            try {
                client.close();
            } catch (IOException ignored) {
                // best effort
            }
            try {
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void sameFieldOfOtherObject() {
        executor.execute(() -> {
            try {
                link.client.close();
                link.client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void closeOfLocalAliasParameter(DeviceClient target) {
        executor.execute(() -> {
            try {
                target.close();
                target.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void closeOnlyWhenResetRequested() {
        executor.execute(() -> {
            try {
                if (resetRequested) {
                    client.close();
                }
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void closesADifferentClient() {
        executor.execute(() -> {
            try {
                backup.close();
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void closeAfterOpenDoesNotCount() {
        executor.execute(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
                client.sendEventAsync(new Message("once"), null, null);
                client.close();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    private void closeLink() throws IOException {
        client.close();
    }

    void closeThroughSameClassHelperCounts() {
        executor.execute(() -> {
            try {
                closeLink();
                // the close happens earlier in this method, through a same-class helper: deliberate close-then-reopen
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    // ---- (b) fresh instance ----

    void freshLocalClientClosedInFinally() {
        executor.execute(() -> {
            DeviceClient probe = null;
            try {
                probe = new DeviceClient(CS, IotHubClientProtocol.HTTPS);
                probe.open();
                probe.sendEventAsync(new Message("probe"), null, null);
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            } finally {
                if (probe != null) {
                    try {
                        probe.closeNow();
                    } catch (IOException ignored) {
                    }
                }
            }
        });
    }

    void freshLocalClientTryWithResources() {
        executor.execute(() -> {
            try (DeviceClient once = new DeviceClient(CS, IotHubClientProtocol.HTTPS)) {
                once.open();
                once.sendEventAsync(new Message("once"), null, null);
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        });
    }

    void freshFieldClientAfterClosingOld() {
        executor.execute(() -> {
            try {
                if (client != null) {
                    client.closeNow();
                }
                client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
                client.open();
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        });
    }

    void createdOnlyOnSomePaths() {
        executor.execute(() -> {
            try {
                if (client == null) {
                    client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
                }
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        });
    }

    // ---- inside a status callback neither exemption applies ----

    void callbackCloseThenOpenUnguarded() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.closeNow();
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, null);
    }

    void callbackRecreateUnguarded() {
        backup.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                backup = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                // expect: IotHubOpenWithoutStatusGuard
                backup.open();
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, null);
    }

    void callbackCloseThenOpenGuarded() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.closeNow();
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }


    private final Link otherLink = new Link();

    void sameFieldOfADifferentObject() {
        executor.execute(() -> {
            try {
                otherLink.client.close();
                // expect: IotHubOpenWithoutStatusGuard
                link.client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void catchAfterFailedSendClosesThenReopens(Message msg) {
        executor.execute(() -> {
            try {
                client.sendEventAsync(msg, null, null);
            } catch (IllegalStateException notOpen) {
                try {
                    client.closeNow();
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        });
    }


    // a local alias is not "the same client" (same field, or same local variable or parameter)
    void closeThroughLocalAliasThenOpenField() {
        executor.execute(() -> {
            DeviceClient current = client;
            try {
                current.closeNow();
                // `current` holds the same client as the field: closed just before, a deliberate close-then-reopen
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }
}
