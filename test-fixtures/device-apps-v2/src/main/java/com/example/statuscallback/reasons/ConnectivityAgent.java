package com.example.statuscallback.reasons;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Connectivity agent of a POS terminal; the reconnect behaviour depends on the device profile. */
public class ConnectivityAgent {
    enum Profile { KIOSK, HANDHELD, BACKOFFICE, LEGACY, CARELESS, DEFERRED, LATE_CHECK, FORCED, REBUILD, DASHBOARD, HELPER, FIELD_REASON, BOOL_SWITCH, BOOL_LOCAL, EARLY_SWITCH, OR_EXIT, EQUALS_OTHER, RELEASE, QUIET }

    private final String connectionString;
    private DeviceClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean forceReconnect;
    private volatile IotHubConnectionStatusChangeReason lastReason;
    private volatile String dashboardText = "";

    public ConnectivityAgent(String connectionString) {
        this.connectionString = connectionString;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void start(Profile profile) throws IotHubClientException {
        client.setConnectionStatusChangeCallback(callbackFor(profile), null);
        client.open(true);
    }

    private IotHubConnectionStatusChangeCallback callbackFor(Profile profile) {
        switch (profile) {
            case KIOSK:
                return ctx -> {
                    // expect: IotHubReopenAfterClientClose
                    if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) return;
                    scheduler.execute(this::reconnect);
                };
            case HANDHELD:
                return ctx -> {
                    // expect: IotHubReopenAfterClientClose
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        onDisconnected();
                    }
                };
            case BACKOFFICE:
                return ctx -> {
                    switch (ctx.getNewStatus()) {
                        case DISCONNECTED:
                            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                break;
                            }
                            scheduler.schedule(this::rebuild, 30, TimeUnit.SECONDS);
                            break;
                        default:
                            break;
                    }
                };
            case LEGACY:
                return ctx -> {
                    IotHubConnectionStatusChangeReason r = ctx.getNewStatusReason();
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                            && (r == IotHubConnectionStatusChangeReason.RETRY_EXPIRED
                            || r == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR)) {
                        scheduler.execute(this::reconnect);
                    }
                };
            case CARELESS:
                return ctx -> {
                    IotHubConnectionStatusChangeReason r = ctx.getNewStatusReason();
                    // expect: IotHubReopenAfterClientClose
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && (r != IotHubConnectionStatusChangeReason.CLIENT_CLOSE || forceReconnect)) {
                        scheduler.execute(this::reconnect);
                    }
                };
            case DEFERRED:
                return ctx -> {
                    IotHubConnectionStatusChangeReason r = ctx.getNewStatusReason();
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        scheduler.execute(() -> {
                            if (r != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                reconnect();
                            }
                        });
                    }
                };
            case LATE_CHECK:
                return ctx -> {
                    // expect: IotHubReopenAfterClientClose
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        scheduler.execute(this::reconnect);
                        if (ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            System.err.println("unexpected disconnect");
                        }
                    }
                };
            case DASHBOARD:
                return ctx -> {
                    dashboardText = switch (ctx.getNewStatus()) {
                        case CONNECTED -> "online";
                        case DISCONNECTED_RETRYING -> "reconnecting";
                        // expect: IotHubReopenAfterClientClose
                        case DISCONNECTED -> {
                            scheduler.execute(this::reconnect);
                            yield "offline";
                        }
                    };
                };
            case HELPER:
                return ctx -> {
                    // expect: IotHubReopenAfterClientClose
                    if (isDown(ctx)) {
                        scheduler.schedule(this::reconnect, 10, TimeUnit.SECONDS);
                    }
                };
            case FIELD_REASON:
                return ctx -> {
                    lastReason = ctx.getNewStatusReason();
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                            && lastReason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        scheduler.execute(this::reconnect);
                    }
                };
            case BOOL_SWITCH:
                return ctx -> {
                    boolean worthRetrying = switch (ctx.getNewStatusReason()) {
                        case CLIENT_CLOSE, BAD_CREDENTIAL -> false;
                        default -> true;
                    };
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && worthRetrying) {
                        scheduler.execute(this::reconnect);
                    }
                };
            case BOOL_LOCAL:
                return ctx -> {
                    boolean closedByApp = ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && !closedByApp) {
                        scheduler.execute(this::reconnect);
                    }
                };
            case EARLY_SWITCH:
                return ctx -> {
                    switch (ctx.getNewStatusReason()) {
                        case CLIENT_CLOSE -> {
                            System.out.println("closed on purpose");
                            return;
                        }
                        case BAD_CREDENTIAL, EXPIRED_SAS_TOKEN -> System.err.println("credentials need a refresh");
                        default -> { }
                    }
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        scheduler.execute(this::reconnect);
                    }
                };
            case OR_EXIT:
                return ctx -> {
                    if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED
                            || ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        return;
                    }
                    scheduler.execute(this::reconnect);
                };
            case EQUALS_OTHER:
                return ctx -> {
                    if (ctx.getNewStatus().equals(IotHubConnectionStatus.DISCONNECTED)
                            && ctx.getNewStatusReason().equals(IotHubConnectionStatusChangeReason.RETRY_EXPIRED)) {
                        scheduler.execute(this::reconnect);
                    }
                };
            case RELEASE:
                return ctx -> {
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        scheduler.execute(client::close);
                    }
                };
            case QUIET:
                return this::quietCallback;
            case REBUILD:
                return ctx -> {
                    // expect: IotHubReopenAfterClientClose
                    if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus())) {
                        scheduler.schedule(this::rebuild, 1, TimeUnit.MINUTES);
                    }
                };
            case FORCED:
                return ctx -> {
                    if (forceReconnect) {
                        // expect: IotHubReconnectOnCallbackThread
                        client.close();
                        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                        try {
                            // expect: IotHubOpenWithoutStatusGuard
                            client.open(false);
                        } catch (IotHubClientException e) {
                            System.err.println("forced reconnect failed: " + e.getStatusCode());
                        }
                    }
                };
            default:
                return ctx -> {
                    if (ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE
                            && ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        scheduler.execute(this::reconnect);
                    }
                };
        }
    }

    private boolean isDown(ConnectionStatusChangeContext ctx) {
        return ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED;
    }

    @SuppressWarnings("IotHubReopenAfterClientClose")
    private void quietCallback(ConnectionStatusChangeContext ctx) {
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            scheduler.execute(this::reconnect);
        }
    }

    public String getDashboardText() {
        return dashboardText;
    }

    private void onDisconnected() {
        scheduleRetry(5);
    }

    private void scheduleRetry(int seconds) {
        scheduler.schedule(() -> reconnect(), seconds, TimeUnit.SECONDS);
    }

    private void reconnect() {
        client.close();
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("reconnect failed: " + e.getStatusCode());
        }
    }

    private void rebuild() {
        client.close();
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void setForceReconnect(boolean force) {
        forceReconnect = force;
    }

    public void stop() {
        scheduler.shutdownNow();
        client.close();
    }
}
