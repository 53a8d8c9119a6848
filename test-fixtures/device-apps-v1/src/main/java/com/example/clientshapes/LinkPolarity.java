package com.example.clientshapes;

import com.example.clientshapes.wrapper.FastLink;
import com.example.clientshapes.wrapper.HubLink;
import com.example.clientshapes.wrapper.LinkHealth;
import com.example.clientshapes.wrapper.LinkState;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Guard-method polarity, an unconfigured look-alike guard, and a subclass of the configured wrapper. */
public class LinkPolarity {
    private final HubLink link;
    private final FastLink fast;
    private final LinkState state = new LinkState();
    private final LinkHealth health = new LinkHealth();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public LinkPolarity(String cs) throws URISyntaxException, IOException {
        link = new HubLink(cs);
        fast = new FastLink(cs);
        link.onStatus((status, reason, cause, ctx) -> {
            state.update(status);
            health.markDown(LinkState.isDown(status));
            if (LinkState.isDown(status) && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                ses.execute(this::relink);
            }
        });
        link.open();
        fast.open();
        ses.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.MINUTES);
    }

    private void relink() {
        try {
            link.close();
            link.open();
        } catch (IOException e) {
            // ignored
        }
    }

    private void tick() {
        try {
            if (!state.isDown()) {
                // expect: IotHubOpenWithoutStatusGuard
                link.open();
            }
            if (health.isDown()) {
                // not reported: contract v2: LinkHealth.down is set from the status callback (markDown), tracked state across classes
                link.open();
            }
            if (state.isDown()) {
                fast.open();
            }
            // expect: IotHubOpenWithoutStatusGuard
            fast.open();
        } catch (IOException e) {
            // ignored
        }
    }
}
