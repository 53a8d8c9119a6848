package com.example.crossclass.reach.basetemplate;

import java.io.IOException;

/**
 * Template for devices: connect() owns the retry policy, subclasses only know how to open/close
 * their transport.
 */
public abstract class ConnectedDevice {
    private static final int MAX_ATTEMPTS = 5;

    protected abstract void openClient() throws IOException;

    protected abstract void closeClient() throws IOException;

    public final void connect() throws InterruptedException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                openClient();
                return;
            } catch (IOException e) {
                System.err.println("attempt " + attempt + " failed: " + e.getMessage());
                Thread.sleep(1_000L * attempt);
            }
        }
        throw new IllegalStateException("giving up after " + MAX_ATTEMPTS + " attempts");
    }

    public void shutdown() {
        try {
            closeClient();
        } catch (IOException e) {
            System.err.println("close failed: " + e.getMessage());
        }
    }
}
