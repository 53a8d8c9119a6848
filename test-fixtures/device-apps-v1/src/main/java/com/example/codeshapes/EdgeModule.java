package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/** Module + multiplexing clients; SDK method/message callbacks are re-entry sites. */
public class EdgeModule {
    /** A subclass of a client type. */
    static class TaggedModuleClient extends ModuleClient {
        TaggedModuleClient(String cs) throws ModuleClientException, URISyntaxException {
            super(cs, IotHubClientProtocol.AMQPS);
        }
    }

    private final ModuleClient module;
    private final TaggedModuleClient tagged;
    private final MultiplexingClient mux;
    private final DeviceClient device;
    private volatile IotHubConnectionStatus deviceStatus = IotHubConnectionStatus.DISCONNECTED;

    public EdgeModule() throws Exception {
        module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
        tagged = new TaggedModuleClient(Util.CS + ";ModuleId=m1");
        mux = new MultiplexingClient("hub.azure-devices.net", IotHubClientProtocol.AMQPS);
        device = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        device.registerConnectionStatusChangeCallback((s, r, c, ctx) -> deviceStatus = s, null);
        module.open();
        tagged.open();
        mux.open();
        device.open();
        module.subscribeToMethod(new DeviceMethodCallback() {
            @Override
            public DeviceMethodData call(String methodName, Object payload, Object ctx) {
                if ("restart".equals(methodName)) {
                    restartModule();
                } else if ("reconnect-device".equals(methodName)) {
                    reconnectDeviceIfDown();
                } else if ("kick-tagged".equals(methodName)) {
                    kickTagged();
                }
                return new DeviceMethodData(200, "ok");
            }
        }, null, (code, ctx) -> { }, null);
        device.setMessageCallback((Message m, Object ctx) -> {
            sendOrReopen(m);
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    /** Deliberate close-then-reopen in a direct-method handler. */
    private void restartModule() {
        try {
            module.closeNow();
            module.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    private boolean deviceIsDown() {
        return deviceStatus == IotHubConnectionStatus.DISCONNECTED;
    }

    /** Guard through a same-class boolean method. */
    private void reconnectDeviceIfDown() {
        if (!deviceIsDown()) {
            return;
        }
        try {
            device.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    /** Near miss: a direct-method handler reopens with no guard and no close. */
    private void kickTagged() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            tagged.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    /** Correct: a failed send reopens only when the app owns the link, closing first. */
    private void sendOrReopen(Message m) {
        try {
            device.sendEventAsync(m, null, null);
        } catch (IllegalStateException e) {
            if (deviceStatus == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    device.closeNow();
                    device.open();
                } catch (IOException io) {
                    System.err.println(io);
                }
            }
        }
    }

    /** Near miss: a catch after a failed send is a re-entry site, not a retry. */
    public void forward(Message m) {
        try {
            mux.registerDeviceClient(device);
        } catch (InterruptedException | MultiplexingClientException e) {
            System.err.println(e);
        }
        try {
            tagged.sendEventAsync(m, null, null);
        } catch (IllegalStateException e) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                tagged.open();
            } catch (IOException io) {
                System.err.println(io);
            }
        }
    }

    /** Shutdown reads the field into a same-named local only to close it. */
    public void shutdown() throws IOException, MultiplexingClientException {
        DeviceClient device = this.device;
        if (device != null) {
            device.closeNow();
        }
        mux.close();
    }
}
