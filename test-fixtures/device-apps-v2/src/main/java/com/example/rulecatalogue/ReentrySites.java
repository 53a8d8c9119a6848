package com.example.rulecatalogue;

import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageSentCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.io.IOException;
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
    public ReentrySites() throws IotHubClientException {
        client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
        client.open(true);
    }

    // start-up: main
    public static void main(String[] args) throws Exception {
        DeviceClient deviceClient = new DeviceClient(args[0], IotHubClientProtocol.MQTT);
        deviceClient.open(false);
        deviceClient.sendEvent(new Message("hello"));
        deviceClient.close();
    }

    // start-up: a method nobody calls from a re-entry site
    void connectOnce() throws IotHubClientException {
        client.open(false);
    }

    // start-up: enhanced for over a collection, one client per device
    static void openFleet(List<DeviceClient> fleet) throws IotHubClientException {
        for (DeviceClient each : fleet) {
            each.open(false);
        }
    }

    // start-up: enhanced for over an array
    static void openFleet(DeviceClient[] fleet) throws IotHubClientException {
        for (DeviceClient each : fleet) {
            each.open(true);
        }
    }

    // start-up: enhanced for over map values
    static void openAll(Map<String, DeviceClient> byId) throws IotHubClientException {
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
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, 60_000, 60_000);
    }

    void schedulerLambdaReopens() {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    private void reopenByReference() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
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
                client.open(false);
            } catch (IotHubClientException e) {
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
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        });
        t.start();
    }

    void anonymousThreadSubclassReopens() {
        new Thread() {
            @Override
            public void run() {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }.start();
    }

    void completableFutureReopens() {
        CompletableFuture.runAsync(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                throw new RuntimeException(e);
            }
        });
    }

    void completableFutureSupplyAsyncReopens() {
        CompletableFuture.supplyAsync(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
                return true;
            } catch (IotHubClientException e) {
                return false;
            }
        });
    }

    void androidHandlerPostReopens() {
        handler.post(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    void androidHandlerPostDelayedReopens() {
        handler.postDelayed(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, 5_000);
    }

    void messageCallbackReopens() {
        client.setMessageCallback((message, context) -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    private IotHubMessageResult onCloudMessage(Message message, Object context) {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            return IotHubMessageResult.REJECT;
        }
        return IotHubMessageResult.COMPLETE;
    }

    void messageCallbackAsMethodReference() {
        client.setMessageCallback(this::onCloudMessage, null);
    }

    void sendConfirmationCallbackReopens() {
        client.sendEventAsync(new Message("telemetry"), new MessageSentCallback() {
            @Override
            public void onMessageSent(Message sentMessage, IotHubClientException exception, Object context) {
                if (exception != null && exception.getStatusCode() != IotHubStatusCode.OK) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException e) {
                        e.printStackTrace();
                    }
                }
            }
        }, null);
    }

    void directMethodCallbackReopens() throws IotHubClientException, InterruptedException {
        client.subscribeToMethods((methodName, payload, context) -> {
            if ("reconnect".equals(methodName)) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    return new DirectMethodResponse(500, e.toString());
                }
            }
            return new DirectMethodResponse(200, "ok");
        }, null);
    }

    void twinCallbackReopens() throws IotHubClientException, InterruptedException {
        client.subscribeToDesiredProperties((twin, context) -> {
            if (twin.getDesiredProperties().containsKey("forceReconnect")) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    // a loop that keeps running after its open() succeeds
    void telemetryLoopOpensEveryRound() throws IotHubClientException, InterruptedException {
        while (running) {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
            client.sendEvent(new Message("tick"));
            Thread.sleep(10_000);
        }
    }

    private void connectForRound() throws IotHubClientException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
    }

    // a loop that keeps running after its open() succeeds, with the open one call away
    void pollingLoopCallsConnectEveryRound() throws IotHubClientException, InterruptedException {
        for (;;) {
            connectForRound();
            client.sendEvent(new Message("poll"));
            Thread.sleep(60_000);
        }
    }

    // a catch that is not a retry construct: opens after a failed send
    void catchAfterFailedSendReopens(Message msg) throws IotHubClientException, InterruptedException {
        try {
            client.sendEvent(msg);
        } catch (IotHubClientException sendFailed) {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
            client.sendEvent(msg);
        }
    }

    // same-class method reachable (transitively) from a re-entry site
    private void ensureOpen() throws IotHubClientException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
    }

    private void sendReading(double value) throws IotHubClientException, InterruptedException {
        ensureOpen();
        client.sendEvent(new Message(Double.toString(value)));
    }

    void scheduleReadings() {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                sendReading(Math.random());
            } catch (IotHubClientException | InterruptedException e) {
                e.printStackTrace();
            }
        }, 0, 30, TimeUnit.SECONDS);
    }

    // an enhanced for inside a re-entry site is still a re-entry site
    void timerReopensEveryClientOfTheFleet(List<DeviceClient> fleet) {
        scheduler.scheduleAtFixedRate(() -> {
            for (DeviceClient each : fleet) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    each.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    // negative: close() in a (non-status) SDK callback is none of the checks' business
    void messageCallbackCloses() {
        client.setMessageCallback((message, context) -> {
            client.close();
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    // negative: a non-client open()/close() on a re-entry site (the SDK's own HSM socket channel)
    void socketChannelInTimer(UnixDomainSocketChannel channel) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    channel.open("/var/run/iotedge/workload.sock");
                    channel.close();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, 1000);
    }


    private final java.util.concurrent.Executor background = Executors.newSingleThreadExecutor();

    void plainExecutorInterfaceReopens() {
        background.execute(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }
}
