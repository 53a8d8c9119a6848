package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** MultiplexingClient with registered DeviceClients. */
public class MuxGateway {
    private final MultiplexingClient mux;
    private final List<DeviceClient> devices = new ArrayList<>();

    public MuxGateway(String hostName, List<String> deviceConnectionStrings) throws URISyntaxException {
        mux = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        for (String cs : deviceConnectionStrings) {
            devices.add(new DeviceClient(cs, IotHubClientProtocol.AMQPS));
        }
    }

    public void start() throws InterruptedException, MultiplexingClientException {
        mux.registerDeviceClients(devices);
        mux.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(this::reconnectMux, "mux-reconnect").start();
            }
        }, null);
        for (DeviceClient d : devices) {
            d.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                // expect: IotHubReopenAfterClientClose
                if (status == IotHubConnectionStatus.DISCONNECTED) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        mux.open();
                    } catch (MultiplexingClientException e) {
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
                mux.open();
                return;
            } catch (MultiplexingClientException e) {
                Thread.sleep(attempt * 1000L);
            }
        }
    }

    private void reconnectMux() {
        while (true) {
            try {
                mux.close();
                mux.open();
                return;
            } catch (MultiplexingClientException e) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
