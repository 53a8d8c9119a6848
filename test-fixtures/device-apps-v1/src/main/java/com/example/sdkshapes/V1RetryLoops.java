package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** 1.x retry constructs around open() / open(boolean). */
public class V1RetryLoops {
    private DeviceClient client;
    private final String cs;
    private int attempts;

    public V1RetryLoops(String cs) throws URISyntaxException {
        this.cs = cs;
        this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public void retryBreak() throws InterruptedException {
        while (true) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                break;
            } catch (IOException e) {
                Thread.sleep(1000);
            }
        }
    }

    public void retryFlag() throws InterruptedException {
        boolean connected = false;
        while (!connected) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                connected = true;
            } catch (IOException e) {
                Thread.sleep(1000);
            }
        }
    }

    public void retryCloseNowInCatch() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            try {
                client.open(false);
                return;
            } catch (IOException e) {
                try {
                    client.closeNow();
                } catch (IOException ignored) {
                    // nothing
                }
                Thread.sleep(1000);
            }
        }
    }

    public void retryCloseFirst() throws InterruptedException {
        do {
            try {
                client.close();
                client.open();
                return;
            } catch (IOException e) {
                Thread.sleep(500);
            }
        } while (true);
    }

    public void retryFreshClientWithoutClose() throws InterruptedException, URISyntaxException {
        while (true) {
            try {
                client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                break;
            } catch (IOException e) {
                Thread.sleep(1000);
            }
        }
    }

    public void retryFreshClientClosingFailed() throws InterruptedException, URISyntaxException {
        while (true) {
            var attempt = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            try {
                attempt.open();
                client = attempt;
                break;
            } catch (IOException e) {
                try {
                    attempt.closeNow();
                } catch (IOException ignored) {
                    // nothing
                }
                Thread.sleep(1000);
            }
        }
    }

    public void connectRecursive() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException e) {
            if (++attempts < 5) {
                connectRecursive();
            }
        }
    }

    public void openTwice() throws IOException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException first) {
            client.open();
        }
    }

    public void openTwiceClosed() throws IOException {
        try {
            client.open(true);
        } catch (IOException first) {
            client.closeNow();
            client.open(true);
        }
    }
}
