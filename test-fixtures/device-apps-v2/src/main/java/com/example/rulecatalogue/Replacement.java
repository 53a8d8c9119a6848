package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Check 4 (IotHubClientReplacedWithoutClose): cases (a)-(d) and their safe forms. */
public class Replacement {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private DeviceClient client;
    private DeviceClient spare;
    private ModuleClient module;
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final SecurityProvider securityProvider;
    private final UnixDomainSocketChannel edgeChannel;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    // start-up assignments: not re-entry sites
    public Replacement(SecurityProvider securityProvider, UnixDomainSocketChannel edgeChannel) throws IotHubClientException {
        this.securityProvider = securityProvider;
        this.edgeChannel = edgeChannel;
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        client.open(true);
        spare = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
    }

    // start-up: filling the map, one client per device
    void provisionFleet(List<String> connectionStrings) throws IotHubClientException {
        for (String cs : connectionStrings) {
            DeviceClient each = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            each.open(false);
            clients.put(cs, each);
        }
    }

    // ---- (a) new client over a field at a re-entry site ----

    void messageCallbackReplacesFieldWithoutClose() {
        client.setMessageCallback((message, context) -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                client.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    void timerReplacesFieldWithoutCloseNoOpen() {
        scheduler.schedule(() -> {
            // expect: IotHubClientReplacedWithoutClose
            spare = new DeviceClient(CS, IotHubClientProtocol.AMQPS_WS);
        }, 1, TimeUnit.HOURS);
    }

    void messageCallbackClosesPreviousFirst() {
        client.setMessageCallback((message, context) -> {
            if (client != null) {
                client.close();
            }
            client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    void timerClosesPreviousUnconditionally() {
        scheduler.schedule(() -> {
            spare.close();
            spare = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                spare.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void timerCreatesOnlyWhenNoneExists() {
        scheduler.schedule(() -> {
            try {
                if (spare == null) {
                    spare = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                    spare.open(false);
                }
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void timerReplacesViaSecurityProviderConstructor() {
        scheduler.schedule(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = new DeviceClient("example.azure-devices.net", "dev1", securityProvider, IotHubClientProtocol.MQTT);
                client.open(false);
            } catch (IOException | IotHubClientException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void methodCallbackReplacesModuleViaEnvironmentFactory() throws IotHubClientException, InterruptedException {
        client.subscribeToMethods((methodName, payload, context) -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                module = ModuleClient.createFromEnvironment(edgeChannel, IotHubClientProtocol.AMQPS);
                module.open(false);
            } catch (IotHubClientException e) {
                return new DirectMethodResponse(500, e.toString());
            }
            return new DirectMethodResponse(200, "restarted");
        }, null);
    }

    // an outer local variable replaced in a catch after a failed send, inside the polling loop
    void pollingLoopReplacesOuterLocal() throws IotHubClientException, InterruptedException {
        DeviceClient session = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        session.open(false);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                session.sendEvent(new Message("tick"));
            } catch (IotHubClientException sendFailed) {
                // expect: IotHubClientReplacedWithoutClose
                session = new DeviceClient(CS, IotHubClientProtocol.MQTT);
                session.open(false);
            }
            Thread.sleep(5000);
        }
        session.close();
    }

    private void rebuildSpare() {
        // expect: IotHubClientReplacedWithoutClose
        spare = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    // the assignment is in a same-class method reachable from a re-entry site
    void messageCallbackRebuildsThroughHelper() {
        client.setMessageCallback((message, context) -> {
            rebuildSpare();
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    // ---- (b) put into a Map of clients at a re-entry site ----

    void methodCallbackPutsNewClient() throws IotHubClientException, InterruptedException {
        client.subscribeToMethods((methodName, payload, context) -> {
            String deviceId = payload.getPayloadAsJsonString();
            // expect: IotHubClientReplacedWithoutClose
            clients.put(deviceId, new DeviceClient(CS, IotHubClientProtocol.AMQPS));
            return new DirectMethodResponse(200, "added");
        }, null);
    }

    void timerPutsFreshOpenedClient(String deviceId) {
        scheduler.schedule(() -> {
            DeviceClient fresh = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                fresh.open(false);
            } catch (IotHubClientException e) {
                fresh.close();
                return;
            }
            // expect: IotHubClientReplacedWithoutClose
            clients.put(deviceId, fresh);
        }, 1, TimeUnit.HOURS);
    }

    void timerRemovesAndClosesBeforePut(String deviceId) {
        scheduler.schedule(() -> {
            DeviceClient old = clients.remove(deviceId);
            if (old != null) {
                old.close();
            }
            DeviceClient fresh = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                fresh.open(false);
            } catch (IotHubClientException e) {
                fresh.close();
                return;
            }
            clients.put(deviceId, fresh);
        }, 1, TimeUnit.HOURS);
    }

    void timerGetsAndClosesBeforePut(String deviceId) {
        scheduler.schedule(() -> {
            DeviceClient old = clients.get(deviceId);
            if (old != null) {
                old.close();
            }
            clients.put(deviceId, new DeviceClient(CS, IotHubClientProtocol.AMQPS));
        }, 1, TimeUnit.HOURS);
    }

    void timerClosesValueReturnedByPut(String deviceId) {
        scheduler.schedule(() -> {
            DeviceClient previous = clients.put(deviceId, new DeviceClient(CS, IotHubClientProtocol.AMQPS));
            if (previous != null) {
                previous.close();
            }
        }, 1, TimeUnit.HOURS);
    }

    // ---- (c) a local that shadows a client field: the field's client is never closed or replaced ----

    void connectShadowingField() throws IotHubClientException, InterruptedException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        client.open(false);
        client.sendEvent(new Message("boot"));
    }

    void connectLocalWithOtherNameThenStoreInField() throws IotHubClientException {
        DeviceClient created = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        created.open(false);
        this.spare = created;
    }

    void shadowingLocalNeverOpened() {
        DeviceClient client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        System.out.println(client.getConfig());
    }

    // (c) at a re-entry site as well
    void timerShadowsField() {
        scheduler.schedule(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                DeviceClient client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.MINUTES);
    }

    // ---- (d) a local-only client created and opened at a re-entry site and not closed on every path ----

    void messageCallbackOpensLocalAndLeaksIt() {
        client.setMessageCallback((message, context) -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                DeviceClient forwarder = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                forwarder.open(false);
                forwarder.sendEventAsync(message, null, null);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    void timerOpensLocalClosesOnlyOnSuccess() {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                DeviceClient uploader = new DeviceClient(CS, IotHubClientProtocol.HTTPS);
                uploader.open(false);
                uploader.sendEvent(new Message("batch"));
                uploader.close();
            } catch (IotHubClientException | InterruptedException e) {
                e.printStackTrace();
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    void messageCallbackOpensLocalClosesInFinally() {
        client.setMessageCallback((message, context) -> {
            DeviceClient forwarder = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                forwarder.open(false);
                forwarder.sendEvent(message);
            } catch (IotHubClientException | InterruptedException e) {
                return IotHubMessageResult.ABANDON;
            } finally {
                forwarder.close();
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    // start-up local that is never closed: not a re-entry site
    static void sendOnceFromMain(String cs) throws IotHubClientException, InterruptedException {
        DeviceClient oneShot = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        oneShot.open(false);
        oneShot.sendEvent(new Message("hello"));
    }


    private static DeviceClient shared;
    private DeviceClient neverOpened;

    void messageCallbackReplacesStaticFieldWithoutClose() {
        client.setMessageCallback((message, context) -> {
            // expect: IotHubClientReplacedWithoutClose
            shared = new DeviceClient(CS, IotHubClientProtocol.MQTT);
            try {
                shared.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    // a field this class never opens cannot hold an open client
    void messageCallbackReplacesNeverOpenedField() {
        client.setMessageCallback((message, context) -> {
            neverOpened = new DeviceClient(CS, IotHubClientProtocol.HTTPS);
            return IotHubMessageResult.COMPLETE;
        }, null);
    }


    // (d) closed on the success path and in the catch: every path
    void timerOpensLocalClosesOnBothPaths() {
        scheduler.scheduleAtFixedRate(() -> {
            DeviceClient uploader = new DeviceClient(CS, IotHubClientProtocol.HTTPS);
            try {
                uploader.open(false);
                uploader.sendEvent(new Message("batch"));
                uploader.close();
            } catch (IotHubClientException | InterruptedException e) {
                uploader.close();
            }
        }, 1, 1, TimeUnit.HOURS);
    }
}
