package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** 2.x: static nested builder; lambdas returning lambdas handed to an executor. */
public class V2ConnectorKit {
    public static final class Builder {
        private String cs;
        private IotHubClientProtocol protocol = IotHubClientProtocol.AMQPS;
        private ClientOptions options = ClientOptions.builder().build();

        public Builder connectionString(String value) {
            this.cs = value;
            return this;
        }

        public Builder protocol(IotHubClientProtocol value) {
            this.protocol = value;
            return this;
        }

        public DeviceClient build() {
            return new DeviceClient(cs, protocol, options);
        }
    }

    private DeviceClient client;
    private final Builder builder;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public V2ConnectorKit(Builder builder) {
        this.builder = builder;
    }

    static Function<DeviceClient, Runnable> safeReopener() {
        return c -> () -> {
            c.close();
            try {
                c.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        };
    }

    static Function<DeviceClient, Runnable> naiveReopener() {
        return c -> () -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                c.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        };
    }

    public void start() throws IotHubClientException {
        client = builder.build();
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                pool.execute(safeReopener().apply(client));
            }
        }, null);
        client.open(false);
    }

    public void onDemandReconnect() {
        pool.execute(naiveReopener().apply(client));
    }

    public void rebuildLater() {
        pool.execute(() -> {
            // expect: IotHubClientReplacedWithoutClose
            client = builder.build();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        });
    }

    public void rebuildLaterSafely() {
        pool.execute(() -> {
            if (client != null) {
                client.close();
            }
            client = new Builder().connectionString("cs").protocol(IotHubClientProtocol.MQTT).build();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        });
    }
}
