package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** 2.x retry constructs around open(boolean). */
public class V2Retry {
    private DeviceClient client;
    private final String cs;

    public V2Retry(String cs) {
        this.cs = cs;
        this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public void loopNoClose() throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                return;
            } catch (IotHubClientException e) {
                if (!e.isRetryable()) {
                    throw new IllegalStateException(e);
                }
                Thread.sleep(1000L * attempt);
            }
        }
    }

    public void loopCloseInCatch() throws InterruptedException {
        var connected = false;
        while (!connected) {
            try {
                client.open(true);
                connected = true;
            } catch (IotHubClientException e) {
                client.close();
                Thread.sleep(1000);
            }
        }
    }

    public void loopCloseFirst() throws InterruptedException {
        while (true) {
            try {
                client.close();
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                Thread.sleep(1000);
            }
        }
    }

    public void freshNoClose() throws InterruptedException {
        while (true) {
            client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                Thread.sleep(1000);
            }
        }
    }

    public void freshCloseFailed() throws InterruptedException {
        while (true) {
            client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            try {
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                client.close();
                Thread.sleep(1000);
            }
        }
    }

    public void openTwice() throws IotHubClientException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            client.open(false);
        }
    }

    public void openTwiceClosed() throws IotHubClientException {
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            client.close();
            client.open(false);
        }
    }

    public void connect(int left) {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            if (left > 0) {
                connect(left - 1);
            }
        }
    }

    public void finallyClose() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            boolean ok = false;
            try {
                client.open(false);
                ok = true;
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(100);
            } finally {
                if (!ok) {
                    client.close();
                }
            }
        }
    }
}
