package com.example.crossclass;

import java.util.logging.Logger;

/**
 * The legacy (1.x) reconnection sample's retry, split across classes: the base class retries an abstract
 * openClient() with no close between attempts; the subclass's open() (LegacyRetryDevice) is the one reported.
 */
public abstract class LegacyRetryBase {
    private static final Logger LOG = Logger.getLogger(LegacyRetryBase.class.getName());

    protected abstract void openClient() throws Exception;

    public void connectWithRetry() throws InterruptedException {
        boolean connected = false;
        while (!connected) {
            try {
                openClient();
                connected = true;
            } catch (Exception e) {
                LOG.warning("open failed, retrying in 5 s: " + e.getMessage());
                Thread.sleep(5000);
            }
        }
    }
}
