package com.example.clientshapes;

import com.example.clientshapes.wrapper.HubLink;
import com.example.clientshapes.wrapper.LinkState;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
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
        link.onStatus(ctx -> {
            state.update(ctx.getNewStatus());
            // expect: IotHubReopenAfterClientClose
            if (LinkState.isDown(ctx.getNewStatus())) {
                ses.schedule(this::relink, 2, TimeUnit.SECONDS);
            }
        });
        link.onMessage(this::onCommand);
    }

    public void start() throws IotHubClientException {
        link.open();
        connectStandby();
        ses.scheduleWithFixedDelay(this::tick, 10, 10, TimeUnit.SECONDS);
    }

    public void enableInlineRecovery() {
        link.onStatus(ctx -> {
            state.update(ctx.getNewStatus());
            if (state.isDown() && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                // expect: IotHubReconnectOnCallbackThread
                link.close();
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    link.open();
                } catch (IotHubClientException e) {
                    // ignored
                }
            }
        });
    }

    public void enableInlineRecoveryNoExclusion() {
        link.onStatus(ctx -> {
            state.update(ctx.getNewStatus());
            // expect: IotHubReopenAfterClientClose
            if (state.isDown()) {
                // expect: IotHubReconnectOnCallbackThread
                link.close();
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    link.open();
                } catch (IotHubClientException e) {
                    // ignored
                }
            }
        });
    }

    private void relink() {
        link.close();
        try {
            link.open();
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void tick() {
        if (state.isDown()) {
            try {
                link.open();
            } catch (IotHubClientException e) {
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
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void tickUnguarded() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            link.open();
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void connectStandby() {
        for (int i = 0; i < 3; i++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                standby.open();
                break;
            } catch (IotHubClientException e) {
                // try again
            }
        }
    }

    private IotHubMessageResult onCommand(Message message, Object ctx) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            standby = new HubLink(cs);
            standby.open();
        } catch (URISyntaxException | IotHubClientException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }
}
