package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.ArrayList;
import java.util.List;

/** MultiplexingClient with registered DeviceClients. */
public class MuxGateway {
    private final MultiplexingClient mux;
    private final List<DeviceClient> devices = new ArrayList<>();

    public MuxGateway(String hostName, List<String> deviceConnectionStrings) {
        mux = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        for (String cs : deviceConnectionStrings) {
            devices.add(new DeviceClient(cs, IotHubClientProtocol.AMQPS));
        }
    }

    public void start() throws InterruptedException, IotHubClientException {
        mux.registerDeviceClients(devices);
        mux.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(this::reconnectMux, "mux-reconnect").start();
            }
        }, null);
        for (DeviceClient d : devices) {
            d.setConnectionStatusChangeCallback(ctx -> {
                // expect: IotHubReopenAfterClientClose
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        mux.open(false);
                    } catch (IotHubClientException e) {
                        // ignored
                    }
                }
            }, null);
        }
        openWithRetry();
    }

    private void openWithRetry() throws InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                mux.open(false);
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(attempt * 1000L);
            }
        }
    }

    private void reconnectMux() {
        while (true) {
            mux.close();
            try {
                mux.open(false);
                return;
            } catch (IotHubClientException e) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
