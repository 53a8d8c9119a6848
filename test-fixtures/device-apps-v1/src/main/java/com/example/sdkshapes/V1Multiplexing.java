package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** 1.x MultiplexingClient: registerDeviceClients, open/close of the multiplexing client itself. */
public class V1Multiplexing {
    private final MultiplexingClient mux;
    private final List<DeviceClient> devices = new ArrayList<>();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public V1Multiplexing(String host, List<String> connStrings) throws Exception {
        mux = new MultiplexingClient(host, IotHubClientProtocol.AMQPS);
        for (String cs : connStrings) {
            devices.add(new DeviceClient(cs, IotHubClientProtocol.AMQPS));
        }
        mux.registerDeviceClients(devices);
        mux.registerConnectionStatusChangeCallback(this::onMuxStatus, mux);
        for (DeviceClient d : devices) {
            d.registerConnectionStatusChangeCallback((s, r, t, c) -> {
                if (s == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        ((DeviceClient) c).closeNow();
                    } catch (IOException e) {
                        System.err.println(e);
                    }
                }
            }, d);
        }
        mux.open();
    }

    private void onMuxStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            MultiplexingClient m = (MultiplexingClient) ctx;
            try {
                // expect: IotHubReconnectOnCallbackThread
                m.close();
                // expect: IotHubReconnectOnCallbackThread
                m.open(false);
            } catch (MultiplexingClientException e) {
                System.err.println(e);
            }
        }
    }

    public void startWatchdog() {
        ses.scheduleWithFixedDelay(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                mux.open();
            } catch (MultiplexingClientException e) {
                System.err.println(e);
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    public void startSafeWatchdog() {
        ses.scheduleWithFixedDelay(() -> {
            try {
                mux.close();
                mux.open(true);
            } catch (MultiplexingClientException e) {
                System.err.println(e);
            }
        }, 1, 1, TimeUnit.MINUTES);
    }
}
