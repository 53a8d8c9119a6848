package com.example.retry.finallyflag;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** A point-of-sale terminal whose connect loops decide in the finally whether to try again. */
public class PosTerminal {
    private final DeviceClient receipts;
    private final DeviceClient audit;

    public PosTerminal(String receiptsCs, String auditCs) {
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
                receipts.open(false);
                ok = true;
            } catch (IotHubClientException e) {
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
                audit.open(false);
                ok = true;
            } catch (IotHubClientException e) {
                System.err.println("audit: " + e.getMessage());
            } finally {
                if (!ok) {
                    audit.close();
                }
                keepTrying = !ok && ++attempts < 5;
            }
            if (keepTrying) {
                Thread.sleep(1_000L * attempts);
            }
        }
    }
}
