package com.example.statusguard.pump;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Irrigation pump controller: receives valve commands (C2D) and keeps its own link state. */
public class PumpController implements IotHubConnectionStatusChangeCallback {
    enum LinkState { CONNECTED, RETRYING, DISCONNECTED }

    private final DeviceClient client;
    private volatile LinkState state = LinkState.DISCONNECTED;
    private volatile boolean autoReconnect = true;
    private volatile boolean forceReconnect;
    private int valvePercent;

    public PumpController(String connectionString) throws URISyntaxException, IOException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS_WS);
        client.registerConnectionStatusChangeCallback(this, null);
        client.setMessageCallback(new CommandHandler(), null);
        client.open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                        Throwable throwable, Object callbackContext) {
        switch (status) {
            case CONNECTED -> state = LinkState.CONNECTED;
            case DISCONNECTED_RETRYING -> state = LinkState.RETRYING;
            case DISCONNECTED -> state = LinkState.DISCONNECTED;
        }
        // expect: IotHubReopenAfterClientClose
        if (state == LinkState.DISCONNECTED) {
            CompletableFuture.runAsync(this::reopen);
        }
    }

    private void reopen() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            System.err.println("pump: reopen failed " + e);
        }
    }

    private boolean linkDown() {
        return state == LinkState.DISCONNECTED;
    }

    private class CommandHandler implements MessageCallback {
        @Override
        public IotHubMessageResult execute(Message message, Object context) {
            String cmd = new String(message.getBytes(), StandardCharsets.UTF_8);
            if (cmd.startsWith("valve:")) {
                if (state == LinkState.DISCONNECTED) {
                    System.err.println("valve command received while the link was down");
                } else {
                    valvePercent = Integer.parseInt(cmd.substring(6).trim());
                }
                try {
                    // make sure we are connected before acking
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    return IotHubMessageResult.ABANDON;
                }
                return IotHubMessageResult.COMPLETE;
            }
            if (cmd.equals("resync")) {
                if (linkDown()) {
                    try {
                        client.open();
                    } catch (IOException e) {
                        return IotHubMessageResult.ABANDON;
                    }
                }
                return IotHubMessageResult.COMPLETE;
            }
            if (cmd.equals("kick")) {
                if (state != LinkState.DISCONNECTED || !autoReconnect) {
                    return IotHubMessageResult.REJECT;
                }
                try {
                    client.open();
                } catch (IOException e) {
                    return IotHubMessageResult.ABANDON;
                }
                return IotHubMessageResult.COMPLETE;
            }
            if (cmd.equals("force")) {
                if (state == LinkState.DISCONNECTED || forceReconnect) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException e) {
                        return IotHubMessageResult.ABANDON;
                    }
                }
                return IotHubMessageResult.COMPLETE;
            }
            if (cmd.equals("wake")) {
                if (state != LinkState.CONNECTED) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException e) {
                        return IotHubMessageResult.ABANDON;
                    }
                }
                return IotHubMessageResult.COMPLETE;
            }
            if (cmd.equals("auto")) {
                if (autoReconnect && state == LinkState.DISCONNECTED) {
                    try {
                        client.open(true);
                    } catch (IOException e) {
                        return IotHubMessageResult.ABANDON;
                    }
                }
                return IotHubMessageResult.COMPLETE;
            }
            return IotHubMessageResult.REJECT;
        }
    }

    public int getValvePercent() {
        return valvePercent;
    }

    public void setForceReconnect(boolean forceReconnect) {
        this.forceReconnect = forceReconnect;
    }

    public void shutdown() throws IOException {
        autoReconnect = false;
        client.closeNow();
    }
}
