package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** 2.x: enum constants with bodies implement the callback; arrow switches. */
public enum V2EnumPolicy implements IotHubConnectionStatusChangeCallback {
    AGGRESSIVE {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            switch (ctx.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED_RETRYING, DISCONNECTED -> {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException e) {
                        System.err.println(e);
                    }
                }
                default -> { }
            }
        }
    },
    PATIENT {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            // expect: IotHubReopenAfterClientClose
            switch (ctx.getNewStatus()) { case DISCONNECTED -> POOL.execute(this::reopen); default -> { } }
        }
    },
    CAREFUL {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            switch (ctx.getNewStatus()) {
                case DISCONNECTED -> {
                    switch (ctx.getNewStatusReason()) {
                        case CLIENT_CLOSE -> { }
                        default -> POOL.execute(this::reopen);
                    }
                }
                case CONNECTED, DISCONNECTED_RETRYING -> { }
            }
        }
    },
    RECORDING {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            String label = switch (ctx.getNewStatus()) {
                case CONNECTED -> "up";
                case DISCONNECTED_RETRYING -> "retrying";
                case DISCONNECTED -> ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE ? "closed" : "down";
            };
            System.out.println(label);
        }
    };

    static final ExecutorService POOL = Executors.newSingleThreadExecutor();

    volatile DeviceClient client;

    public void attach(DeviceClient c) throws IotHubClientException {
        client = c;
        c.setConnectionStatusChangeCallback(this, null);
        c.open(false);
    }

    void reopen() {
        client.close();
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    static boolean isConnected(IotHubConnectionStatus s) {
        return s == IotHubConnectionStatus.CONNECTED;
    }
}
