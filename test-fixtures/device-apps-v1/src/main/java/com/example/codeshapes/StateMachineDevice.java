package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** The app keeps its own model of the link (tracked state), assigned in the status callback. */
public class StateMachineDevice {
    enum State { STARTING, ONLINE, RECOVERING, OFFLINE, STOPPED }

    private volatile State state = State.STARTING;
    private volatile boolean connected;
    private volatile boolean lastSendFailed;
    private final DeviceClient client;
    private final DeviceClient sensor;
    private final DeviceClient spare;
    private final Timer timer = new Timer();

    public StateMachineDevice() throws URISyntaxException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        sensor = new DeviceClient(Util.CS.replace("dev1", "sensor"), IotHubClientProtocol.MQTT);
        spare = new DeviceClient(Util.CS.replace("dev1", "spare"), IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            // switch expression over the status parameter, assigning tracked state
            state = switch (status) {
                case CONNECTED -> State.ONLINE;
                case DISCONNECTED_RETRYING -> State.RECOVERING;
                case DISCONNECTED -> reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE ? State.STOPPED : State.OFFLINE;
            };
        }, null);
        sensor.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> connected = status == IotHubConnectionStatus.CONNECTED, null);
    }

    public void start() throws IOException {
        client.open();
        sensor.open();
        spare.open();
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                tick();
            }
        }, 1000, 1000);
    }

    private void tick() {
        try {
            if (state == State.OFFLINE) {
                client.open();
            }
            if (!connected) {
                sensor.open();
            }
            if (isSensorDown()) {
                sensor.open(false);
            }
            // near miss: lastSendFailed is never assigned by a status callback
            if (lastSendFailed) {
                // expect: IotHubOpenWithoutStatusGuard
                spare.open();
            }
        } catch (IOException e) {
            System.err.println(e);
        }
        spare.sendEventAsync(new Message("tick"), new IotHubEventCallback() {
            @Override
            public void execute(IotHubStatusCode code, Object ctx) {
                lastSendFailed = code != IotHubStatusCode.OK && code != IotHubStatusCode.OK_EMPTY;
            }
        }, null);
    }

    /** Same-class method whose result is a tracked-state condition. */
    private boolean isSensorDown() {
        return !connected;
    }
}
