package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.Timer;
import java.util.TimerTask;

/** 2.x: tracked enum phase and a sealed-interface model assigned from switch expressions in the callback. */
public class V2SealedLink {
    public sealed interface LinkState permits Online, Offline, Reconnecting { }

    public record Online() implements LinkState { }

    public record Offline(IotHubConnectionStatusChangeReason reason) implements LinkState { }

    public record Reconnecting() implements LinkState { }

    enum Phase { UP, RETRYING, DOWN, CLOSED_BY_APP }

    private volatile Phase phase = Phase.UP;
    private volatile LinkState state = new Online();
    private final DeviceClient client;
    private final Timer timer = new Timer(true);

    public V2SealedLink(DeviceClient client) throws IotHubClientException {
        this.client = client;
        client.setConnectionStatusChangeCallback(this::track, null);
        client.open(false);
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                poll();
                pollSealed();
                pollStatus();
            }
        }, 10_000L, 10_000L);
    }

    private void track(ConnectionStatusChangeContext ctx) {
        var reason = ctx.getNewStatusReason();
        phase = switch (ctx.getNewStatus()) {
            case CONNECTED -> Phase.UP;
            case DISCONNECTED_RETRYING -> Phase.RETRYING;
            case DISCONNECTED -> reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE ? Phase.CLOSED_BY_APP : Phase.DOWN;
        };
        state = switch (ctx.getNewStatus()) {
            case CONNECTED -> new Online();
            case DISCONNECTED_RETRYING -> new Reconnecting();
            case DISCONNECTED -> new Offline(reason);
        };
    }

    private void poll() {
        if (phase == Phase.DOWN) {
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    // a sealed-interface field is not a boolean/enum tracked state
    private void pollSealed() {
        if (state instanceof Offline off && off.reason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    private void pollStatus() {
        switch (phase) {
            case DOWN -> {
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            }
            default -> { }
        }
    }
}
