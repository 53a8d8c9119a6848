package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.Timer;
import java.util.TimerTask;

/** 1.x: timers read the status recorded by a record callback. */
public class V1RecorderUser {
    private final DeviceClient client;
    private final V1StatusRecorder recorder = new V1StatusRecorder();
    private final Timer timer = new Timer(true);

    public V1RecorderUser(DeviceClient client) {
        this.client = client;
    }

    public void start() throws IOException {
        client.registerConnectionStatusChangeCallback(recorder, client);
        client.open();
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (recorder.last().get() == IotHubConnectionStatus.DISCONNECTED) {
                    try {
                        client.open();
                    } catch (IOException e) {
                        System.err.println(e);
                    }
                }
            }
        }, 10_000L, 10_000L);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                var s = recorder.last().get();
                if (s == IotHubConnectionStatus.DISCONNECTED_RETRYING || s == IotHubConnectionStatus.DISCONNECTED) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException e) {
                        System.err.println(e);
                    }
                }
            }
        }, 10_000L, 10_000L);
    }
}
