package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.InternalClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The client types: ModuleClient, MultiplexingClient, a subclass, the InternalClient supertype. */
public class ClientShapes {
    private static final String MODULE_CS = "HostName=example.azure-devices.net;DeviceId=dev1;ModuleId=m1;SharedAccessKey=c2VjcmV0";

    static class EdgeModule extends ModuleClient {
        EdgeModule(String cs) throws ModuleClientException, URISyntaxException {
            super(cs, IotHubClientProtocol.AMQPS);
        }
    }

    private final ModuleClient module;
    private final MultiplexingClient mux;
    private final EdgeModule edge;
    private final Timer timer = new Timer(true);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    // start-up opens of every type: not reported
    public ClientShapes() throws Exception {
        module = new ModuleClient(MODULE_CS, IotHubClientProtocol.MQTT);
        module.open();
        mux = new MultiplexingClient("example.azure-devices.net", IotHubClientProtocol.AMQPS);
        mux.open();
        edge = new EdgeModule(MODULE_CS);
        edge.open();
    }

    void moduleReopenedInTimer() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    module.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, 30_000);
    }

    void multiplexingReopenedOnExecutor() {
        executor.execute(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                mux.open();
            } catch (MultiplexingClientException e) {
                e.printStackTrace();
            }
        });
    }

    void multiplexingClosedAndReopenedOnExecutor() {
        executor.execute(() -> {
            try {
                mux.close();
                mux.open();
            } catch (MultiplexingClientException e) {
                e.printStackTrace();
            }
        });
    }

    void subclassReopenedOnThread() {
        new Thread(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                edge.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }).start();
    }

    private void reopenAny(InternalClient anyClient) throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        anyClient.open();
    }

    void supertypeReopenedOnExecutor() {
        executor.execute(() -> {
            try {
                reopenAny(module);
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void multiplexingStatusCallbackClosesOnThread() {
        mux.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    mux.close();
                } catch (MultiplexingClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void moduleStatusCallbackReopensUnguarded() {
        module.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (reason == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    module.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void subclassStatusCallbackGuardedReopenWithoutExclusion() {
        edge.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                executor.execute(() -> {
                    try {
                        edge.closeNow();
                        edge.open();
                    } catch (IOException e) {
                        e.printStackTrace();
                    }
                });
            }
        }, null);
    }

    // multiplexing: registering device clients in start-up, one per device
    void registerFleet(java.util.List<DeviceClient> devices) throws InterruptedException, MultiplexingClientException {
        for (DeviceClient d : devices) {
            mux.registerDeviceClient(d);
        }
    }
}
