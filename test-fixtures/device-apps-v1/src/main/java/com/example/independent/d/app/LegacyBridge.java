package com.example.independent.d.app;

import com.example.independent.d.lib.HubLink;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** Look-alike classes with the configured simple names must not be treated as configured. */
public class LegacyBridge {
    private com.example.independent.d.app.legacy.HubLink old = new com.example.independent.d.app.legacy.HubLink();
    private final com.example.independent.d.app.legacy.LinkState oldState = new com.example.independent.d.app.legacy.LinkState();
    private final HubLink link;
    private final Timer timer = new Timer(true);
    private final String cs;

    public LegacyBridge(String cs) throws URISyntaxException {
        this.cs = cs;
        link = new HubLink(cs);
    }

    public void start() throws IOException {
        link.open();
        old.open();
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                tick();
            }
        }, 1000, 1000);
    }

    private void tick() {
        old.open();
        old = new com.example.independent.d.app.legacy.HubLink();
        old.open();
        if (oldState.isDown()) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                link.open();
            } catch (IOException e) {
                // ignored
            }
        }
    }

    void reinit() throws URISyntaxException, IOException {
        // expect: IotHubClientReplacedWithoutClose
        HubLink link = new HubLink(cs);
        link.open();
    }

    void reinitOther() {
        com.example.independent.d.app.legacy.HubLink old = new com.example.independent.d.app.legacy.HubLink();
        old.open();
    }

    void connectRetry(HubLink other) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                link.open();
                return;
            } catch (IOException e) {
                try {
                    other.close();
                } catch (IOException ignored) {
                    // best effort
                }
                Thread.sleep(100);
            }
        }
    }

    void connectRetrySafely() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            try {
                link.open();
                return;
            } catch (IOException e) {
                try {
                    link.close();
                } catch (IOException ignored) {
                    // best effort
                }
                Thread.sleep(100);
            }
        }
    }
}
