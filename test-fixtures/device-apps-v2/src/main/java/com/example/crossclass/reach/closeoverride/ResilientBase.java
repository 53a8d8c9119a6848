package com.example.crossclass.reach.closeoverride;

import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Base class for instruments: owns the retry loop, subclasses own the client. */
public abstract class ResilientBase {
    private final long backoffMillis;

    protected ResilientBase(long backoffMillis) {
        this.backoffMillis = backoffMillis;
    }

    protected abstract void openClient() throws IotHubClientException;

    protected abstract void closeClient();

    public void connect() throws InterruptedException {
        while (true) {
            try {
                openClient();
                break;
            } catch (IotHubClientException e) {
                System.err.println(getClass().getSimpleName() + ": open failed (" + e.getStatusCode() + ")");
                closeClient();
                Thread.sleep(backoffMillis);
            }
        }
    }

    public void disconnect() {
        closeClient();
    }
}
