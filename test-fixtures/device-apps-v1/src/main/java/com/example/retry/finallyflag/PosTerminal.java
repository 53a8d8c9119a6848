package com.example.retry.finallyflag;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** A point-of-sale terminal whose connect loops decide in the finally whether to try again. */
public class PosTerminal {
    private final DeviceClient receipts;
    private final DeviceClient audit;

    public PosTerminal(String receiptsCs, String auditCs) throws URISyntaxException {
        receipts = new DeviceClient(receiptsCs, IotHubClientProtocol.HTTPS);
        audit = new DeviceClient(auditCs, IotHubClientProtocol.HTTPS);
    }

    public void connectReceipts() throws InterruptedException {
        boolean keepTrying = true;
        int attempts = 0;
        while (keepTrying) {
            boolean ok = false;
            try {
                // expect: IotHubOpenRetryWithoutClose
                receipts.open();
                ok = true;
            } catch (IOException e) {
                System.err.println("receipts: " + e.getMessage());
            } finally {
                keepTrying = !ok && ++attempts < 5;
            }
            if (keepTrying) {
                Thread.sleep(1_000L * attempts);
            }
        }
    }

    public void connectAudit() throws InterruptedException {
        boolean keepTrying = true;
        int attempts = 0;
        while (keepTrying) {
            boolean ok = false;
            try {
                // quiet: the finally closes a failed attempt before the next one, and ends the loop after success
                audit.open();
                ok = true;
            } catch (IOException e) {
                System.err.println("audit: " + e.getMessage());
            } finally {
                if (!ok) {
                    try {
                        audit.closeNow();
                    } catch (IOException ignored) {
                        // best effort: the next attempt opens again
                    }
                }
                keepTrying = !ok && ++attempts < 5;
            }
            if (keepTrying) {
                Thread.sleep(1_000L * attempts);
            }
        }
    }
}
