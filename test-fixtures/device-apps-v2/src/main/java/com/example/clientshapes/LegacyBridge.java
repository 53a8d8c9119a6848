package com.example.clientshapes;

import com.example.clientshapes.wrapper.HubLink;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** Look-alike classes with the configured simple names must not be treated as configured. */
public class LegacyBridge {
    private com.example.clientshapes.lookalike.HubLink old = new com.example.clientshapes.lookalike.HubLink();
    private final com.example.clientshapes.lookalike.LinkState oldState = new com.example.clientshapes.lookalike.LinkState();
    private final HubLink link;
    private final Timer timer = new Timer(true);
    private final String cs;

    public LegacyBridge(String cs) throws URISyntaxException {
        this.cs = cs;
        link = new HubLink(cs);
    }

    public void start() throws IotHubClientException {
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
        old = new com.example.clientshapes.lookalike.HubLink();
        old.open();
        if (oldState.isDown()) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                link.open();
            } catch (IotHubClientException e) {
                // ignored
            }
        }
    }

    void reinit() throws URISyntaxException, IotHubClientException {
        // expect: IotHubClientReplacedWithoutClose
        HubLink link = new HubLink(cs);
        link.open();
    }

    void reinitOther() {
        com.example.clientshapes.lookalike.HubLink old = new com.example.clientshapes.lookalike.HubLink();
        old.open();
    }

    void connectRetry(HubLink other) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                link.open();
                return;
            } catch (IotHubClientException e) {
                other.close();
                Thread.sleep(100);
            }
        }
    }

    void connectRetrySafely() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            try {
                link.open();
                return;
            } catch (IotHubClientException e) {
                link.close();
                Thread.sleep(100);
            }
        }
    }
}
