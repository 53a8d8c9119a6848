package com.example.crossclass;

import java.util.logging.Logger;

/**
 * The legacy retry bug split across classes, as in an older official sample: the base class retries an abstract
 * openClient() with no close between attempts; the subclass's open() (LegacyRetryDevice) is the one reported.
 */
public abstract class LegacyRetryBase {
    private static final Logger LOG = Logger.getLogger(LegacyRetryBase.class.getName());

    protected abstract void openClient() throws Exception;

    public void connectWithRetry() throws InterruptedException {
        int attempt = 0;
        while (true) {
            try {
                openClient();
                LOG.info("connected after " + attempt + " retries");
                break;
            } catch (Exception e) {
                attempt++;
                LOG.warning("open failed, retrying: " + e.getMessage());
                Thread.sleep(Math.min(30_000L, 1000L << Math.min(attempt, 5)));
            }
        }
    }
}
