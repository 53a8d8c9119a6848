package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** 2.x MultiplexingClient: registerDeviceClients, open/close of the multiplexing client itself. */
public class V2Multiplexing {
    private final MultiplexingClient mux;
    private final List<DeviceClient> devices;
    private volatile boolean muxUp;
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public V2Multiplexing(String host, List<String> css) throws InterruptedException, IotHubClientException {
        mux = new MultiplexingClient(host, IotHubClientProtocol.AMQPS);
        devices = css.stream().map(cs -> new DeviceClient(cs, IotHubClientProtocol.AMQPS)).toList();
        mux.registerDeviceClients(devices);
        mux.setConnectionStatusChangeCallback(ctx -> {
            muxUp = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                // expect: IotHubReconnectOnCallbackThread
                devices.forEach(DeviceClient::close);
            }
        }, mux);
        for (DeviceClient d : devices) {
            d.setConnectionStatusChangeCallback(ctx -> {
                // expect: IotHubReopenAfterClientClose
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    ses.execute(() -> {
                        mux.close();
                        try {
                            mux.open(false);
                        } catch (IotHubClientException e) {
                            System.err.println(e);
                        }
                    });
                }
            }, d);
        }
        mux.open(false);
        ses.scheduleWithFixedDelay(this::checkMux, 1, 1, TimeUnit.MINUTES);
    }

    private void checkMux() {
        if (muxUp) {
            return;
        }
        try {
            mux.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    public void statusOnMux(MultiplexingClient other) {
        other.setConnectionStatusChangeCallback(ctx -> {
            MultiplexingClient m = (MultiplexingClient) ctx.getCallbackContext();
            try {
                // expect: IotHubOpenWithoutStatusGuard
                m.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }, other);
    }
}
