package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** Start-up retry constructs: every carrying-on path closes the failed attempt. */
public class RetryLoops {
    private final DeviceClient client;
    private final DeviceClient backup;
    private int attempts;

    public RetryLoops() throws URISyntaxException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS_WS);
        backup = new DeviceClient(Util.CS.replace("dev1", "dev9"), IotHubClientProtocol.AMQPS_WS);
    }

    /** for(;;) with return on success; closeNow in the catch (wrapped in its own try). */
    public void connectForever() {
        for (int attempt = 1; ; attempt++) {
            try {
                client.open();
                return;
            } catch (IOException e) {
                try {
                    client.closeNow();
                } catch (IOException closeFailure) {
                    System.err.println("close after failed open: " + closeFailure);
                }
                Util.pause(Math.min(60_000L, 1000L * attempt));
            }
        }
    }

    /** Several catches: every catch that carries on closes; the one that gives up does not need to. */
    public boolean connectBounded(int max) {
        for (int i = 0; i < max; i++) {
            try {
                client.open();
                break;
            } catch (IOException e) {
                try { client.closeNow(); } catch (IOException ignored) { }
                Util.pause(500);
            } catch (IllegalStateException e) {
                try { client.close(); } catch (IOException ignored) { }
                Util.pause(500);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    /** Success flag + finally that closes only on failure. */
    public void connectWithFinally() throws InterruptedException {
        while (true) {
            boolean ok = false;
            try {
                client.open();
                ok = true;
            } catch (IOException e) {
                System.err.println("attempt failed " + e);
            } finally {
                if (!ok) {
                    try { client.closeNow(); } catch (IOException ignored) { }
                }
            }
            if (ok) {
                break;
            }
            Thread.sleep(2000);
        }
    }

    /** Close before the open in the same iteration; a flag the loop condition tests. */
    public void connectCloseFirst() {
        boolean connected = false;
        while (!connected) {
            try {
                client.closeNow();
                client.open();
                connected = true;
            } catch (IOException e) {
                Util.pause(1000);
            }
        }
    }

    /** Recursion from the catch, with close before the retry. */
    public void connectRecursive(int attempt) {
        try {
            backup.open();
        } catch (IOException e) {
            try { backup.closeNow(); } catch (IOException ignored) { }
            if (attempt < 5) {
                Util.pause(1000L * attempt);
                connectRecursive(attempt + 1);
            }
        }
    }

    /** Near miss: the second carrying-on catch forgets the close. */
    public void connectBoundedBuggy(int max) {
        for (int i = 0; i < max; i++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                backup.open();
                break;
            } catch (IOException e) {
                try { backup.closeNow(); } catch (IOException ignored) { }
                Util.pause(500);
            } catch (IllegalStateException e) {
                Util.pause(500);
            }
        }
    }

    /** Near miss: recursion without close. */
    public void connectRecursiveBuggy() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            backup.open(false);
        } catch (IOException e) {
            attempts++;
            if (attempts < 3) {
                connectRecursiveBuggy();
            }
        }
    }

    /** Near miss: open, and open again in the catch. */
    public void connectTwice() throws IOException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException e) {
            client.open();
        }
    }

    /** Correct twin of connectTwice: close in between. */
    public void connectTwiceClosed() throws IOException {
        try {
            backup.open();
        } catch (IOException e) {
            backup.closeNow();
            backup.open();
        }
    }
}
