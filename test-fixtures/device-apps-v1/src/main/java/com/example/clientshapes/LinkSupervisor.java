package com.example.clientshapes;

import com.example.clientshapes.wrapper.HubLink;
import com.example.clientshapes.wrapper.LinkState;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Uses the project's own HubLink wrapper (ClientTypes option) and LinkState#isDown (GuardMethods option). */
public class LinkSupervisor {
    private final String cs;
    private final HubLink link;
    private HubLink standby;
    private final LinkState state = new LinkState();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public LinkSupervisor(String cs) throws URISyntaxException {
        this.cs = cs;
        this.link = new HubLink(cs);
        this.standby = new HubLink(cs);
        link.onStatus((status, reason, cause, ctx) -> {
            state.update(status);
            // expect: IotHubReopenAfterClientClose
            if (LinkState.isDown(status)) {
                ses.schedule(this::relink, 2, TimeUnit.SECONDS);
            }
        });
        link.onMessage(this::onCommand);
    }

    public void start() throws IOException {
        link.open();
        connectStandby();
        ses.scheduleWithFixedDelay(this::tick, 10, 10, TimeUnit.SECONDS);
    }

    public void enableInlineRecovery() {
        link.onStatus((status, reason, cause, ctx) -> {
            state.update(status);
            if (state.isDown() && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    link.close();
                    // expect: IotHubReconnectOnCallbackThread
                    link.open();
                } catch (IOException e) {
                    // ignored
                }
            }
        });
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
        if (state.isDown()) {
            try {
                link.open();
            } catch (IOException e) {
                // ignored
            }
        }
        tickEarlyExit();
        tickUnguarded();
    }

    private void tickEarlyExit() {
        if (!state.isDown()) {
            return;
        }
        try {
            link.open();
        } catch (IOException e) {
            // ignored
        }
    }

    private void tickUnguarded() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            link.open();
        } catch (IOException e) {
            // ignored
        }
    }

    private void connectStandby() {
        for (int i = 0; i < 3; i++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                standby.open();
                break;
            } catch (IOException e) {
                // try again
            }
        }
    }

    private IotHubMessageResult onCommand(Message message, Object ctx) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            standby = new HubLink(cs);
            standby.open();
        } catch (URISyntaxException | IOException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }
}
