package com.example.apps.vision;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Edge module doing defect detection on a bottling line: frames arrive on input "frames" from the camera
 * module, verdicts go to output "verdicts"; operators send control messages on input "control".
 */
public final class VisionInspectionModule {
    private static final Logger LOG = Logger.getLogger(VisionInspectionModule.class.getName());

    record Verdict(long frame, boolean defect, double confidence, String defectClass) {
        String toJson() {
            return String.format(Locale.ROOT, "{\"frame\":%d,\"defect\":%b,\"confidence\":%.3f,\"class\":\"%s\"}",
                    frame, defect, confidence, defectClass);
        }
    }

    private final SelfHealingModuleClient moduleClient;
    private final BlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(64);
    private final ExecutorService inference = Executors.newFixedThreadPool(2);
    private final AtomicLong frameCounter = new AtomicLong();
    private final AtomicLong defects = new AtomicLong();
    private volatile double threshold = 0.8;
    private volatile boolean paused;

    VisionInspectionModule(String connectionString) {
        moduleClient = new SelfHealingModuleClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    void start() throws IotHubClientException {
        moduleClient.setMessageCallback("frames", this::onFrame, null);
        moduleClient.setMessageCallback("control", this::onControl, null);
        moduleClient.open(true);
        for (int i = 0; i < 2; i++) {
            inference.execute(this::inferenceWorker);
        }
    }

    private IotHubMessageResult onFrame(Message message, Object context) {
        if (paused) {
            return IotHubMessageResult.ABANDON;
        }
        return frames.offer(message.getBytes()) ? IotHubMessageResult.COMPLETE : IotHubMessageResult.ABANDON;
    }

    private IotHubMessageResult onControl(Message message, Object context) {
        String command = new String(message.getBytes(), StandardCharsets.UTF_8).trim();
        switch (command) {
            case "pause" -> paused = true;
            case "resume" -> paused = false;
            case "relink" -> {
                LOG.info("operator requested relink");
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    moduleClient.open(false);
                } catch (IotHubClientException e) {
                    LOG.log(Level.WARNING, "relink failed", e);
                    return IotHubMessageResult.ABANDON;
                }
            }
            default -> {
                if (command.startsWith("threshold=")) {
                    threshold = Double.parseDouble(command.substring("threshold=".length()));
                } else {
                    return IotHubMessageResult.REJECT;
                }
            }
        }
        return IotHubMessageResult.COMPLETE;
    }

    private Verdict classify(byte[] frame) {
        long id = frameCounter.incrementAndGet();
        int checksum = 0;
        for (byte b : frame) {
            checksum = 31 * checksum + b;
        }
        double score = (Math.abs(checksum) % 1000) / 1000.0;
        boolean defect = score > threshold;
        return new Verdict(id, defect, score, defect ? (score > 0.95 ? "crack" : "fill-level") : "none");
    }

    private void inferenceWorker() {
        while (!Thread.currentThread().isInterrupted()) {
            byte[] frame;
            try {
                frame = frames.take();
            } catch (InterruptedException e) {
                return;
            }
            Verdict v = classify(frame);
            if (v.defect()) {
                defects.incrementAndGet();
            }
            if (moduleClient.status() != IotHubConnectionStatus.CONNECTED) {
                continue;
            }
            Message out = new Message(v.toJson().getBytes(StandardCharsets.UTF_8));
            out.setContentType("application/json");
            moduleClient.sendEventAsync(out, (sent, error, ctx) -> {
                if (error != null) {
                    LOG.fine("verdict " + v.frame() + " not routed: " + error.getStatusCode());
                }
            }, null, "verdicts");
        }
    }

    void stop() {
        inference.shutdownNow();
        moduleClient.close();
        LOG.info("inspected " + frameCounter.get() + " frames, " + defects.get() + " defects");
    }

    public static void main(String[] args) throws Exception {
        VisionInspectionModule module = new VisionInspectionModule(System.getenv("EdgeHubConnectionString"));
        Runtime.getRuntime().addShutdownHook(new Thread(module::stop));
        module.start();
        Thread.currentThread().join();
    }
}
