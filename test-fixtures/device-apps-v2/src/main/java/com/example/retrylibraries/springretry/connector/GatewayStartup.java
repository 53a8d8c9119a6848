package com.example.retrylibraries.springretry.connector;

import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Plays the role of the Spring context: wires the beans and starts them once. */
public class GatewayStartup {

    private final DeviceConnector connector;
    private final ListenerConnector listenerConnector;
    private final LocalConnector localConnector;
    private final TemplateConnectors.TemplateConnector templateConnector;
    private final TemplateConnectors.BuilderConnector builderConnector;

    public GatewayStartup(String cs) {
        connector = new DeviceConnector(cs);
        listenerConnector = new ListenerConnector(cs);
        new ListenerConnector.CloseClientOnError(listenerConnector);
        localConnector = new LocalConnector(cs);
        templateConnector = new TemplateConnectors.TemplateConnector(cs);
        builderConnector = new TemplateConnectors.BuilderConnector(cs);
    }

    public void onApplicationReady() throws IotHubClientException {
        connector.connect();
        listenerConnector.connect();
        localConnector.start();
        templateConnector.connect();
        builderConnector.connect();
    }

    public static void main(String[] args) throws IotHubClientException {
        new GatewayStartup(System.getenv("GATEWAY_CS")).onApplicationReady();
    }
}
