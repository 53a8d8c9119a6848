package com.example.android.telemetryservice;

import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Android service (2.x): status tracked in an enum, reconnect posted to a Handler. */
public class TelemetryService {
    enum State { CONNECTED, RETRYING, DISCONNECTED }

    private final Handler handler = new Handler();
    private final String connString;
    private DeviceClient client;
    private volatile State state = State.DISCONNECTED;

    public TelemetryService(String connString) {
        this.connString = connString;
    }

    /** Local class implementing the status callback. */
    public void onCreate() {
        class StatusWatcher implements IotHubConnectionStatusChangeCallback {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                switch (ctx.getNewStatus()) {
                    case CONNECTED:
                        state = State.CONNECTED;
                        break;
                    case DISCONNECTED_RETRYING:
                        state = State.RETRYING;
                        break;
                    // expect: IotHubReopenAfterClientClose
                    case DISCONNECTED:
                        state = State.DISCONNECTED;
                        handler.postDelayed(TelemetryService.this::reconnect, 5000);
                        break;
                    default:
                        break;
                }
            }
        }
        client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(new StatusWatcher(), null);
        // a Handler.post lambda is a re-entry site by definition, even for the first open
        handler.post(() -> {
            try {
                // not reported: contract v2: the posted lambda belongs to onCreate, which created the client first (exemption b)
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        });
    }

    /** Posted to the Handler: guarded by tracked state, but the old client is not closed. */
    void reconnect() {
        if (state != State.DISCONNECTED) {
            return;
        }
        // expect: IotHubClientReplacedWithoutClose
        client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** Button "send now": posts a send; on failure reopens the same client under the tracked-state guard. */
    public void onSendClicked(String text) {
        handler.post(() -> {
            try {
                client.sendEvent(new Message(text));
            } catch (IotHubClientException | InterruptedException e) {
                if (state == State.DISCONNECTED) {
                    client.close();
                    try {
                        client.open(false);
                    } catch (IotHubClientException ex) {
                        System.err.println(ex);
                    }
                }
            }
        });
    }

    public void onDestroy() {
        if (client != null) {
            client.close();
        }
        if (IotHubConnectionStatusChangeReason.CLIENT_CLOSE == null || IotHubConnectionStatus.CONNECTED == null) {
            throw new AssertionError();
        }
    }
}
