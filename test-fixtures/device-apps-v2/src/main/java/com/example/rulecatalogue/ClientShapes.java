package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.InternalClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The client types: ModuleClient, MultiplexingClient, a subclass, the InternalClient supertype. */
public class ClientShapes {
    private static final String MODULE_CS = "HostName=example.azure-devices.net;DeviceId=dev1;ModuleId=m1;SharedAccessKey=c2VjcmV0";

    static class EdgeModule extends ModuleClient {
        EdgeModule(String cs) {
            super(cs, IotHubClientProtocol.AMQPS);
        }
    }

    private final ModuleClient module;
    private final MultiplexingClient mux;
    private final EdgeModule edge;
    private final Timer timer = new Timer(true);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    // start-up opens of every type: not reported
    public ClientShapes() throws IotHubClientException {
        module = new ModuleClient(MODULE_CS, IotHubClientProtocol.MQTT);
        module.open(true);
        mux = new MultiplexingClient("example.azure-devices.net", IotHubClientProtocol.AMQPS);
        mux.open(false);
        edge = new EdgeModule(MODULE_CS);
        edge.open(false);
    }

    void moduleReopenedInTimer() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    module.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, 30_000);
    }

    void multiplexingReopenedOnExecutor() {
        executor.execute(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                mux.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void multiplexingClosedAndReopenedOnExecutor() {
        executor.execute(() -> {
            mux.close();
            try {
                mux.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void subclassReopenedOnThread() {
        new Thread(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                edge.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }).start();
    }

    private void reopenAny(InternalClient anyClient) throws IotHubClientException {
        // expect: IotHubOpenWithoutStatusGuard
        anyClient.open(false);
    }

    void supertypeReopenedOnExecutor() {
        executor.execute(() -> {
            try {
                reopenAny(module);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void multiplexingStatusCallbackClosesOnThread() {
        mux.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                // expect: IotHubReconnectOnCallbackThread
                mux.close();
            }
        }, null);
    }

    void moduleStatusCallbackReopensUnguarded() {
        module.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    module.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void subclassStatusCallbackGuardedReopenWithoutExclusion() {
        edge.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                executor.execute(() -> {
                    edge.close();
                    try {
                        edge.open(false);
                    } catch (IotHubClientException e) {
                        e.printStackTrace();
                    }
                });
            }
        }, null);
    }

    // multiplexing: registering device clients in start-up, one per device
    void registerFleet(List<DeviceClient> devices) throws InterruptedException, IotHubClientException {
        for (DeviceClient d : devices) {
            mux.registerDeviceClient(d);
        }
    }
}
