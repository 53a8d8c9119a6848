package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Short-lived clients per upload (2.x DeviceClient is not AutoCloseable: try/finally). */
public class PerCallUploads {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final String cs;

    public PerCallUploads(String cs) {
        this.cs = cs;
    }

    public void submit(List<String> batch) {
        pool.execute(() -> uploadFinally(batch));
        pool.execute(() -> uploadHolder(batch));
        CompletableFuture.runAsync(() -> uploadLeaky(batch), pool);
        new Thread(() -> {
            DeviceClient perThread = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            try {
                perThread.open(false);
                perThread.sendEvent(new Message("thread"));
            } catch (IotHubClientException | InterruptedException e) {
                System.err.println(e);
            } finally {
                perThread.close();
            }
        }).start();
    }

    void uploadFinally(List<String> batch) {
        DeviceClient uploader = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
        try {
            uploader.open(false);
            for (String s : batch) {
                uploader.sendEvent(new Message(s));
            }
        } catch (IotHubClientException | InterruptedException e) {
            System.err.println(e);
        } finally {
            uploader.close();
        }
    }

    /** AutoCloseable holder wrapping the client, used with try-with-resources. */
    static final class Lease implements AutoCloseable {
        final DeviceClient client;
        Lease(DeviceClient client) { this.client = client; }
        @Override
        public void close() { client.close(); }
    }

    void uploadHolder(List<String> batch) {
        DeviceClient leased = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
        try (Lease lease = new Lease(leased)) {
            leased.open(false);
            leased.sendEvents(batch.stream().map(Message::new).collect(java.util.stream.Collectors.toList()));
        } catch (IotHubClientException | InterruptedException e) {
            System.err.println(e);
        }
    }

    /** Near miss: no finally; a failed send leaves the client open. */
    void uploadLeaky(List<String> batch) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient uploader = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
            uploader.open(false);
            for (String s : batch) {
                uploader.sendEvent(new Message(s));
            }
            uploader.close();
        } catch (IotHubClientException | InterruptedException e) {
            System.err.println(e);
        }
    }
}
