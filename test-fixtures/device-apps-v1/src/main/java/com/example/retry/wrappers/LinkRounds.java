package com.example.retry.wrappers;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;

/**
 * Each connection round wraps a new client in a link whose close() hands it to a helper that closes it:
 * try-with-resources then closes every failed round's client. A round that opens a shared client instead does not.
 */
public class LinkRounds {
    static final class Link implements AutoCloseable {
        final DeviceClient device;

        Link(DeviceClient device) {
            this.device = device;
        }

        @Override
        public void close() throws IOException {
            shutDown(device);
        }

        private static void shutDown(DeviceClient client) throws IOException {
            client.closeNow();
        }
    }

    private DeviceClient shared;

    void connectFresh(String connectionString) throws Exception {
        while (true) {
            try (Link link = new Link(new DeviceClient(connectionString, IotHubClientProtocol.AMQPS))) {
                // quiet: the link's close() closes this client when the round ends
                link.device.open();
                break;
            } catch (IOException e) {
                Thread.sleep(2_000);
            }
        }
    }

    void connectShared(String connectionString) throws Exception {
        shared = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        while (true) {
            try (Link link = new Link(new DeviceClient(connectionString, IotHubClientProtocol.MQTT))) {
                // expect: IotHubOpenRetryWithoutClose
                shared.open();
                break;
            } catch (IOException e) {
                Thread.sleep(2_000);
            }
        }
    }
}
