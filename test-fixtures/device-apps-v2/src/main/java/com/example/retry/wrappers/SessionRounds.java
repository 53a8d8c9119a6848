package com.example.retry.wrappers;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/**
 * 2.x DeviceClient is not AutoCloseable, so each connection round wraps a new client in a session that closes it:
 * try-with-resources then closes every failed round's client. A lease whose close() only logs closes nothing.
 */
public class SessionRounds {
    record Session(DeviceClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    static final class Lease implements AutoCloseable {
        private final DeviceClient client;

        Lease(DeviceClient client) {
            this.client = client;
        }

        DeviceClient client() {
            return client;
        }

        @Override
        public void close() {
            System.out.println("lease returned");
        }
    }

    static void sendOnce(String connectionString) throws InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Session session = new Session(new DeviceClient(connectionString, IotHubClientProtocol.MQTT))) {
                // quiet: the session's close() closes this client when the round ends, failed or not
                session.client().open(false);
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(1_000L << attempt);
            }
        }
    }

    static void sendLeased(String connectionString) throws InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Lease lease = new Lease(new DeviceClient(connectionString, IotHubClientProtocol.MQTT))) {
                // expect: IotHubOpenRetryWithoutClose
                lease.client().open(false);
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(1_000L << attempt);
            }
        }
    }
}
