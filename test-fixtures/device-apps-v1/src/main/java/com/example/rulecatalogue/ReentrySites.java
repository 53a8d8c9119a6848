package com.example.rulecatalogue;

import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.Property;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.TwinPropertyCallBack;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Every re-entry site kind with an unguarded open() (positive), and start-up code (negative). */
public class ReentrySites {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private final DeviceClient client;
    private final Timer timer = new Timer("reopen", true);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Handler handler = new Handler();
    private volatile boolean running = true;

    // start-up: constructor open is fine
    public ReentrySites() throws URISyntaxException, IOException {
        client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
        client.open();
    }

    // start-up: main
    public static void main(String[] args) throws Exception {
        DeviceClient deviceClient = new DeviceClient(args[0], IotHubClientProtocol.MQTT);
        deviceClient.open();
        deviceClient.sendEventAsync(new Message("hello"), null, null);
        deviceClient.closeNow();
    }

    // start-up: a method nobody calls from a re-entry site
    void connectOnce() throws IOException {
        client.open();
    }

    // start-up: enhanced for over a collection, one client per device
    static void openFleet(List<DeviceClient> fleet) throws IOException {
        for (DeviceClient each : fleet) {
            each.open();
        }
    }

    // start-up: enhanced for over an array
    static void openFleet(DeviceClient[] fleet) throws IOException {
        for (DeviceClient each : fleet) {
            each.open();
        }
    }

    // start-up: enhanced for over map values
    static void openAll(Map<String, DeviceClient> byId) throws IOException {
        for (DeviceClient each : byId.values()) {
            each.open(false);
        }
    }

    void timerTaskReopens() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, 60_000, 60_000);
    }

    void schedulerLambdaReopens() {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    private void reopenByReference() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    void executorMethodReferenceReopens() {
        executor.submit(this::reopenByReference);
    }

    void threadLambdaReopens() {
        new Thread(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, "reopener").start();
    }

    void anonymousRunnableOnThreadReopens() {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        });
        t.start();
    }

    void completableFutureReopens() {
        CompletableFuture.runAsync(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    void androidHandlerPostReopens() {
        handler.post(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    void androidHandlerPostDelayedReopens() {
        handler.postDelayed(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, 5_000);
    }

    void messageCallbackReopens() {
        client.setMessageCallback((message, context) -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    void sendConfirmationCallbackReopens() {
        client.sendEventAsync(new Message("telemetry"), new IotHubEventCallback() {
            @Override
            public void execute(IotHubStatusCode status, Object context) {
                if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException e) {
                        e.printStackTrace();
                    }
                }
            }
        }, null);
    }

    void directMethodCallbackReopens() throws IOException {
        client.subscribeToDeviceMethod((methodName, methodData, context) -> {
            if ("reconnect".equals(methodName)) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    return new DeviceMethodData(500, e.toString());
                }
            }
            return new DeviceMethodData(200, "ok");
        }, null, (status, context) -> { }, null);
    }

    void twinCallbackReopens() throws IOException {
        client.startDeviceTwin((status, context) -> { }, null, new TwinPropertyCallBack() {
            @Override
            public void TwinPropertyCallBack(Property property, Object context) {
                if ("forceReconnect".equals(property.getKey())) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException e) {
                        e.printStackTrace();
                    }
                }
            }
        }, null);
    }

    // a loop that keeps running after its open() succeeds
    void telemetryLoopOpensEveryRound() throws IOException, InterruptedException {
        while (running) {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
            client.sendEventAsync(new Message("tick"), null, null);
            Thread.sleep(10_000);
        }
    }

    // a catch that is not a retry construct: opens after a failed send
    void catchAfterFailedSendReopens(Message msg) throws IOException {
        try {
            client.sendEventAsync(msg, null, null);
        } catch (IllegalStateException notOpen) {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
            client.sendEventAsync(msg, null, null);
        }
    }

    // same-class method reachable (transitively) from a re-entry site
    private void ensureOpen() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }

    private void sendReading(double value) throws IOException {
        ensureOpen();
        client.sendEventAsync(new Message(Double.toString(value)), null, null);
    }

    void scheduleReadings() {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                sendReading(Math.random());
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, 0, 30, TimeUnit.SECONDS);
    }

    // negative: close() in a (non-status) SDK callback is none of the checks' business
    void messageCallbackCloses() {
        client.setMessageCallback((message, context) -> {
            try {
                client.closeNow();
            } catch (IOException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    // negative: a non-client open()/close() on a re-entry site
    void socketChannelInTimer() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open()) {
                    ch.configureBlocking(false);
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, 1000);
    }


    // an enhanced for inside a re-entry site is still a re-entry site
    void timerReopensEveryClientOfTheFleet(List<DeviceClient> fleet) {
        scheduler.scheduleAtFixedRate(() -> {
            for (DeviceClient each : fleet) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    each.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    private void connectForRound() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }

    // a loop that keeps running after its open() succeeds, with the open one call away
    void pollingLoopCallsConnectEveryRound() throws IOException, InterruptedException {
        for (;;) {
            connectForRound();
            client.sendEventAsync(new Message("poll"), null, null);
            Thread.sleep(60_000);
        }
    }

    void anonymousThreadSubclassReopens() {
        new Thread() {
            @Override
            public void run() {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }.start();
    }

    void completableFutureSupplyAsyncReopens() {
        CompletableFuture.supplyAsync(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private IotHubMessageResult onCloudMessage(Message message, Object context) {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            return IotHubMessageResult.REJECT;
        }
        return IotHubMessageResult.COMPLETE;
    }

    void messageCallbackAsMethodReference() {
        client.setMessageCallback(this::onCloudMessage, null);
    }


    private final java.util.concurrent.Executor background = Executors.newSingleThreadExecutor();

    void plainExecutorInterfaceReopens() {
        background.execute(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }
}
