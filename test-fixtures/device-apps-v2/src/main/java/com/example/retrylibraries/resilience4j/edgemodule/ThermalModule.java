package com.example.retrylibraries.resilience4j.edgemodule;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;

/** IoT Edge module: connection string from the edge runtime, or a hard-coded one for local debugging. */
public class ThermalModule {

    // quiet: reported at the ModuleClient creation below, not at the declaration
    static final String LOCAL_DEV_CS = "HostName=contoso-edge.azure-devices.net;DeviceId=edge-dev-box;ModuleId=thermal;SharedAccessKey=dGhpcy1pcy1ub3QtYS1yZWFsLW1vZHVsZS1rZXktMDAwNw==";

    private final ModuleClient module;
    private final Retry connectRetry;
    private final Retry telemetryRetry;

    ThermalModule(ModuleClient module) {
        this.module = module;
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(10)
                .waitDuration(Duration.ofSeconds(5))
                .retryExceptions(IotHubClientException.class)
                .build();
        this.connectRetry = Retry.of("thermal-connect", config);
        this.telemetryRetry = Retry.of("thermal-telemetry", config);
        // listener attached to the telemetry Retry, not to the one that runs the connect attempt
        this.telemetryRetry.getEventPublisher().onRetry(event -> module.close());
    }

    static ModuleClient createModuleClient(boolean localDebug) {
        if (localDebug) {
            // expect: IotHubConnectionStringInCode
            return new ModuleClient(LOCAL_DEV_CS, IotHubClientProtocol.MQTT);
        }
        // quiet: read at run time ("keys from System.getenv ... are not reported")
        return new ModuleClient(System.getenv("EdgeHubConnectionString"), IotHubClientProtocol.MQTT);
    }

    void start() throws Throwable {
        module.setMessageCallback("control", this::onControl, null);
        connectRetry.executeCheckedSupplier(() -> {
            // expect: IotHubOpenRetryWithoutClose
            module.open(false);
            return Boolean.TRUE;
        });
    }

    private IotHubMessageResult onControl(Message message, Object context) {
        if (!"reset".equals(message.getProperty("command"))) {
            return IotHubMessageResult.COMPLETE;
        }
        try {
            Retry.decorateCheckedSupplier(connectRetry, () -> {
                module.close();
                // quiet: message callback path; the attempt (which "belongs to the method that creates it") closes the same client first: exemption (a), and a close before the open in the same iteration
                module.open(false);
                return Boolean.TRUE;
            }).get();
            return IotHubMessageResult.COMPLETE;
        } catch (Throwable t) {
            return IotHubMessageResult.ABANDON;
        }
    }

    void sendReading(double celsius) {
        telemetryRetry.executeRunnable(() -> module.sendEventAsync(new Message("{\"t\":" + celsius + "}"), (m, e, c) -> { }, null, "output1"));
    }

    public static void main(String[] args) throws Throwable {
        boolean localDebug = args.length > 0 && "--local".equals(args[0]);
        ThermalModule thermal = new ThermalModule(createModuleClient(localDebug));
        thermal.start();
        new SingleShotModule(createModuleClient(false)).start();
    }
}
