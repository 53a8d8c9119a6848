package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** var, static guard helpers, tracked state set through a setter, close through dispose(). */
public class MiscShapes {
    private static final DeviceClient BOOT;

    static {
        try {
            BOOT = new DeviceClient(Util.CS.replace("dev1", "boot"), IotHubClientProtocol.MQTT);
            BOOT.open();
        } catch (IOException | URISyntaxException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Timer timer = new Timer(true);
    private DeviceClient client;
    private DeviceClient worker;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean online;
    private volatile boolean sawCommand;

    public MiscShapes() throws URISyntaxException, IOException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        worker = new DeviceClient(Util.CS.replace("dev1", "worker"), IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((s, r, t, ctx) -> {
            status = s;
            onLinkChange(s);
        }, null);
        client.setMessageCallback((m, ctx) -> {
            sawCommand = true;
            return IotHubMessageResult.COMPLETE;
        }, null);
        client.open();
        worker.open();
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                varGuard();
                staticHelperGuard();
                setterTracked();
                replaceViaDispose();
                commandFlag();
            }
        }, 1000, 1000);
    }

    /** Tracked state assigned in a same-class method the callback calls. */
    private void onLinkChange(IotHubConnectionStatus s) {
        online = s == IotHubConnectionStatus.CONNECTED;
    }

    private static boolean appOwns(IotHubConnectionStatus s) {
        return s == IotHubConnectionStatus.DISCONNECTED;
    }

    private void varGuard() {
        var snapshot = status;
        if (snapshot == IotHubConnectionStatus.DISCONNECTED) {
            try {
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    private void staticHelperGuard() {
        if (!appOwns(status)) {
            return;
        }
        try {
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    private void setterTracked() {
        if (online) {
            return;
        }
        try {
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    private void dispose() {
        if (worker != null) {
            try {
                worker.closeNow();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    /** The previous worker is closed by dispose() right before the replacement. */
    private void replaceViaDispose() {
        dispose();
        try {
            worker = new DeviceClient(Util.CS.replace("dev1", "worker"), IotHubClientProtocol.MQTT);
            worker.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }

    /** Near miss: a flag set by the message callback is not a status model. */
    private void commandFlag() {
        if (sawCommand) {
            sawCommand = false;
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }
}
