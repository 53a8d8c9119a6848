package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.Timer;
import java.util.TimerTask;

/** Static init, var, tracked enum via a setter, module subclass, close through dispose(). */
public class MiscShapes {
    enum Link { UP, SDK_RETRYING, DOWN, CLOSED_BY_APP }

    /** A subclass of a client type. */
    static final class EdgeModuleClient extends ModuleClient {
        EdgeModuleClient(String cs) {
            super(cs, IotHubClientProtocol.AMQPS);
        }
    }

    private static final DeviceClient BOOT = new DeviceClient(Util.CS.replace("dev1", "boot"), IotHubClientProtocol.MQTT);

    static {
        try {
            BOOT.open(true);
        } catch (IotHubClientException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Timer timer = new Timer(true);
    private final EdgeModuleClient module;
    private DeviceClient helper;
    private volatile Link link = Link.DOWN;
    private volatile boolean firmwareUpdated;

    public MiscShapes() throws IotHubClientException {
        module = new EdgeModuleClient(Util.CS + ";ModuleId=edge");
        helper = new DeviceClient(Util.CS.replace("dev1", "helper"), IotHubClientProtocol.MQTT, ClientOptions.builder().build());
        module.setConnectionStatusChangeCallback(this::onModuleStatus, null);
        module.open(false);
        helper.open(false);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                trackedEnum();
                varGuard();
                replaceViaDispose();
                afterFirmware();
            }
        }, 1000, 1000);
    }

    private void onModuleStatus(ConnectionStatusChangeContext ctx) {
        setLink(ctx.getNewStatus(), ctx.getNewStatusReason());
    }

    private void setLink(IotHubConnectionStatus s, IotHubConnectionStatusChangeReason r) {
        link = switch (s) {
            case CONNECTED -> Link.UP;
            case DISCONNECTED_RETRYING -> Link.SDK_RETRYING;
            case DISCONNECTED -> r == IotHubConnectionStatusChangeReason.CLIENT_CLOSE ? Link.CLOSED_BY_APP : Link.DOWN;
        };
    }

    /** Tracked enum field set (through a setter) by the status callback. */
    private void trackedEnum() {
        if (link == Link.DOWN) {
            module.close();
            try {
                module.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    /** A local copy of tracked state: the contract names only the field ("a boolean or enum field
     *  assigned inside a status callback"), unlike the status type, where any variable counts. */
    private void varGuard() {
        var l = link;
        if (l != Link.DOWN) {
            return;
        }
        try {
            // expect: IotHubOpenWithoutStatusGuard
            module.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    private void dispose() {
        if (helper != null) {
            helper.close();
        }
    }

    private void replaceViaDispose() {
        dispose();
        helper = new DeviceClient(Util.CS.replace("dev1", "helper"), IotHubClientProtocol.MQTT);
        try {
            helper.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** Near miss: an app flag unrelated to the link status. */
    private void afterFirmware() {
        if (!firmwareUpdated) {
            return;
        }
        firmwareUpdated = false;
        try {
            // expect: IotHubOpenWithoutStatusGuard
            module.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    public void markFirmwareUpdated() {
        firmwareUpdated = true;
    }
}
