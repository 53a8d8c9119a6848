package com.example.crossclass.reach.timerreconnect;

import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

public class CommandHandler implements MessageCallback {
    private final Link link;

    public CommandHandler(Link link) {
        this.link = link;
    }

    @Override
    public IotHubMessageResult execute(Message message, Object context) {
        String command = new String(message.getBytes(), StandardCharsets.UTF_8);
        if ("recreate".equals(command)) {
            try {
                link.recreate();
            } catch (URISyntaxException e) {
                return IotHubMessageResult.REJECT;
            }
        } else {
            link.acked();
        }
        return IotHubMessageResult.COMPLETE;
    }
}
