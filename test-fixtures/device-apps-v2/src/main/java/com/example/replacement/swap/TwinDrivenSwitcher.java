package com.example.replacement.swap;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.DesiredPropertiesCallback;
import com.microsoft.azure.sdk.iot.device.twin.Twin;

/** Desired property "protocol" switches transport by rebuilding the client (twin callback = re-entry site). */
public class TwinDrivenSwitcher implements DesiredPropertiesCallback {
    /** App-specific subclass adding logging; still a client type. */
    public static class TracingModuleClient extends ModuleClient {
        public TracingModuleClient(String cs, IotHubClientProtocol protocol) {
            super(cs, protocol);
        }
    }

    /** Shared holder used by other components. */
    public static final class Globals {
        public static ModuleClient shared;

        private Globals() { }
    }

    private final String cs;
    private TracingModuleClient client;
    private IotHubClientProtocol protocol = IotHubClientProtocol.MQTT;

    public TwinDrivenSwitcher(String cs) throws IotHubClientException, InterruptedException {
        this.cs = cs;
        client = new TracingModuleClient(cs, protocol);
        client.open(false);
        client.subscribeToDesiredProperties(this, null);
    }

    @Override
    public void onDesiredPropertiesUpdated(Twin twin, Object context) {
        Object wanted = twin.getDesiredProperties().get("protocol");
        if (wanted == null) {
            return;
        }
        IotHubClientProtocol next = IotHubClientProtocol.valueOf(wanted.toString());
        if (next == protocol) {
            return;
        }
        protocol = next;
        String mode = String.valueOf(twin.getDesiredProperties().get("switchMode"));
        try {
            if ("fast".equals(mode)) {
                // ternary of two constructors, subclass type, no close
                // expect: IotHubClientReplacedWithoutClose
                client = next == IotHubClientProtocol.AMQPS
                        ? new TracingModuleClient(cs, IotHubClientProtocol.AMQPS)
                        : new TracingModuleClient(cs, IotHubClientProtocol.MQTT);
                client.open(false);
            } else if ("global".equals(mode)) {
                // a static field of another class, no close
                // expect: IotHubClientReplacedWithoutClose
                Globals.shared = new ModuleClient(cs, next, ClientOptions.builder().build());
                Globals.shared.open(false);
            } else if ("global-clean".equals(mode)) {
                if (Globals.shared != null) {
                    Globals.shared.close();
                }
                Globals.shared = new ModuleClient(cs, next);
                Globals.shared.open(false);
            } else {
                synchronized (this) {
                    client.close();
                    client = new TracingModuleClient(cs, next);
                }
                client.open(false);
            }
        } catch (IotHubClientException e) {
            System.err.println("switch failed " + e);
        }
    }
}
