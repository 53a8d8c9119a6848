package com.example.retrylibraries.failsafe.modem;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

import java.time.Duration;

/** Status callbacks that reconnect through Failsafe. */
public class ModemLinks {

    static final RetryPolicy<Object> RECONNECT = RetryPolicy.builder()
            .handle(IotHubClientException.class)
            .withBackoff(Duration.ofSeconds(2), Duration.ofMinutes(2))
            .withMaxRetries(-1)
            .build();

    /** Correct: DISCONNECTED and not CLIENT_CLOSE, reconnect handed to Failsafe's async executor, close before open. */
    static final class CellularModem {
        private final DeviceClient client;

        CellularModem(String cs) {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            client.setConnectionStatusChangeCallback(ctx -> {
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    Failsafe.with(RECONNECT).runAsync(() -> {
                        // quiet (check 3): runAsync "for check 3 and status-callback code they are hand-offs"
                        client.close();
                        // quiet: guarded by == DISCONNECTED with CLIENT_CLOSE exclusion; closed before the open in the same attempt
                        client.open(false);
                    });
                }
            }, null);
        }

        void start() throws IotHubClientException {
            client.open(true);
        }
    }

    /** Reconnects while the SDK is still retrying: the condition admits DISCONNECTED_RETRYING. */
    static final class SatelliteModem {
        private final DeviceClient client;

        SatelliteModem(String cs) {
            client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
                @Override
                public void onStatusChanged(ConnectionStatusChangeContext context) {
                    IotHubConnectionStatus status = context.getNewStatus();
                    // expect: IotHubReopenAfterClientClose
                    if (status == IotHubConnectionStatus.DISCONNECTED || status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                        Failsafe.with(RECONNECT).runAsync(() -> {
                            // quiet (check 3): runAsync is a hand-off for status-callback code
                            client.close();
                            // no exemption on a status-callback path; the condition is no DISCONNECTED guard
                            // expect: IotHubOpenWithoutStatusGuard
                            client.open(false);
                        });
                    }
                }
            }, this);
        }

        void start() throws IotHubClientException {
            client.open(true);
        }
    }

    /** Guarded, but Failsafe's synchronous run() executes the attempt on the callback thread. */
    static final class WifiModem {
        private final DeviceClient client;

        WifiModem(String cs) {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
            client.setConnectionStatusChangeCallback(ctx -> {
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    Failsafe.with(RECONNECT).run(() -> {
                        // expect: IotHubReconnectOnCallbackThread
                        client.close();
                        // expect: IotHubReconnectOnCallbackThread
                        client.open(false);
                    });
                }
            }, null);
        }

        void start() throws IotHubClientException {
            client.open(true);
        }
    }

    public static void main(String[] args) throws IotHubClientException {
        String cs = System.getenv("MODEM_CS");
        new CellularModem(cs).start();
        new SatelliteModem(cs).start();
        new WifiModem(cs).start();
    }
}
