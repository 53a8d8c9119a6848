package com.example.replacement.shadow;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Locals named like client fields. */
public class ShadowingService {
    private final String cs;
    private DeviceClient deviceClient;
    private ModuleClient moduleClient;

    public ShadowingService(String cs) {
        this.cs = cs;
    }

    /** var-declared local with the field's name: the field never gets the client. */
    public void connect() throws IotHubClientException {
        // expect: IotHubClientReplacedWithoutClose
        var deviceClient = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        deviceClient.open(false);
    }

    /** Module flavour, declared first and assigned later. */
    public void connectModule(String moduleCs) throws IotHubClientException {
        // expect: IotHubClientReplacedWithoutClose
        ModuleClient moduleClient;
        moduleClient = new ModuleClient(moduleCs, IotHubClientProtocol.AMQPS);
        moduleClient.open(false);
    }

    /** Same name, but copied into the field right away: it did mean the field. */
    public void connectAndKeep() throws IotHubClientException {
        DeviceClient deviceClient = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        deviceClient.open(false);
        this.deviceClient = deviceClient;
    }

    /** Same name as a field, but never opened: only used to close safely. */
    public void stop() {
        DeviceClient deviceClient = this.deviceClient;
        this.deviceClient = null;
        if (deviceClient != null) {
            deviceClient.close();
        }
        if (moduleClient != null) {
            moduleClient.close();
        }
    }

    /** Different name: a throwaway probe at start-up, closed in finally. */
    public boolean probe() {
        DeviceClient probe = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
        try {
            probe.open(false);
            probe.sendEvent(new Message("probe"));
            return true;
        } catch (IotHubClientException | InterruptedException e) {
            return false;
        } finally {
            probe.close();
        }
    }

    public void send(String s) throws IotHubClientException, InterruptedException {
        deviceClient.sendEvent(new Message(s));
    }
}
