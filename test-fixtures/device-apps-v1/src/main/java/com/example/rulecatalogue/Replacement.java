package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;

import java.io.IOException;
import java.net.URISyntaxException;
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
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    // start-up assignments: not re-entry sites
    public Replacement(SecurityProvider securityProvider) throws URISyntaxException, IOException {
        this.securityProvider = securityProvider;
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        client.open();
        spare = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
    }

    // start-up: filling the map, one client per device
    void provisionFleet(List<String> connectionStrings) throws URISyntaxException, IOException {
        for (String cs : connectionStrings) {
            DeviceClient each = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            each.open();
            clients.put(cs, each);
        }
    }

    // ---- (a) new client over a field at a re-entry site ----

    void messageCallbackReplacesFieldWithoutClose() {
        client.setMessageCallback((message, context) -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                client.open();
            } catch (IOException | URISyntaxException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    void timerReplacesFieldWithoutCloseNoOpen() {
        scheduler.schedule(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                spare = new DeviceClient(CS, IotHubClientProtocol.AMQPS_WS);
            } catch (URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void messageCallbackClosesPreviousFirst() {
        client.setMessageCallback((message, context) -> {
            try {
                if (client != null) {
                    client.close();
                }
                client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                client.open();
            } catch (IOException | URISyntaxException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    void timerClosesPreviousUnconditionally() {
        scheduler.schedule(() -> {
            try {
                spare.closeNow();
                spare = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                spare.open();
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void timerCreatesOnlyWhenNoneExists() {
        scheduler.schedule(() -> {
            try {
                if (spare == null) {
                    spare = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                    spare.open();
                }
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void timerReplacesViaSecurityProviderFactory() {
        scheduler.schedule(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = DeviceClient.createFromSecurityProvider("example.azure-devices.net", "dev1", securityProvider, IotHubClientProtocol.MQTT);
                client.open();
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void methodCallbackReplacesModuleViaEnvironmentFactory() throws IOException {
        client.subscribeToDeviceMethod((methodName, methodData, context) -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
                module.open();
            } catch (ModuleClientException | IOException e) {
                return new DeviceMethodData(500, e.toString());
            }
            return new DeviceMethodData(200, "restarted");
        }, null, (status, context) -> { }, null);
    }

    // an outer local variable replaced in a catch after a failed send, inside the polling loop
    void pollingLoopReplacesOuterLocal() throws URISyntaxException, IOException, InterruptedException {
        DeviceClient session = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        session.open();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                session.sendEventAsync(new Message("tick"), null, null);
            } catch (IllegalStateException notOpen) {
                // expect: IotHubClientReplacedWithoutClose
                session = new DeviceClient(CS, IotHubClientProtocol.MQTT);
                session.open();
            }
            Thread.sleep(5000);
        }
        session.closeNow();
    }

    // ---- (b) put into a Map of clients at a re-entry site ----

    void methodCallbackPutsNewClient() throws IOException {
        client.subscribeToDeviceMethod((methodName, methodData, context) -> {
            String deviceId = new String((byte[]) methodData);
            try {
                // expect: IotHubClientReplacedWithoutClose
                clients.put(deviceId, new DeviceClient(CS, IotHubClientProtocol.AMQPS));
            } catch (URISyntaxException e) {
                return new DeviceMethodData(400, e.toString());
            }
            return new DeviceMethodData(200, "added");
        }, null, (status, context) -> { }, null);
    }

    void timerPutsFreshOpenedClient(String deviceId) {
        scheduler.schedule(() -> {
            try {
                DeviceClient fresh = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                fresh.open();
                // expect: IotHubClientReplacedWithoutClose
                clients.put(deviceId, fresh);
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void timerRemovesAndClosesBeforePut(String deviceId) {
        scheduler.schedule(() -> {
            try {
                DeviceClient old = clients.remove(deviceId);
                if (old != null) {
                    old.closeNow();
                }
                DeviceClient fresh = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                fresh.open();
                clients.put(deviceId, fresh);
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void timerGetsAndClosesBeforePut(String deviceId) {
        scheduler.schedule(() -> {
            try {
                DeviceClient old = clients.get(deviceId);
                if (old != null) {
                    old.close();
                }
                clients.put(deviceId, new DeviceClient(CS, IotHubClientProtocol.AMQPS));
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    void timerClosesValueReturnedByPut(String deviceId) {
        scheduler.schedule(() -> {
            try {
                DeviceClient previous = clients.put(deviceId, new DeviceClient(CS, IotHubClientProtocol.AMQPS));
                if (previous != null) {
                    previous.closeNow();
                }
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.HOURS);
    }

    // ---- (c) a local that shadows a client field: the field's client is never closed or replaced ----

    void connectShadowingField() throws URISyntaxException, IOException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        client.open();
        client.sendEventAsync(new Message("boot"), null, null);
    }

    void connectLocalWithOtherNameThenStoreInField() throws URISyntaxException, IOException {
        DeviceClient created = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        created.open();
        this.spare = created;
    }

    void shadowingLocalNeverOpened() throws URISyntaxException {
        DeviceClient client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        System.out.println(client.getConfig());
    }

    // ---- (d) a local-only client created and opened at a re-entry site and not closed on every path ----

    void messageCallbackOpensLocalAndLeaksIt() {
        client.setMessageCallback((message, context) -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                DeviceClient forwarder = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                forwarder.open();
                forwarder.sendEventAsync(message, null, null);
            } catch (IOException | URISyntaxException e) {
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
                uploader.open();
                uploader.sendEventAsync(new Message("batch"), null, null);
                uploader.closeNow();
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    void messageCallbackOpensLocalClosesInFinally() {
        client.setMessageCallback((message, context) -> {
            DeviceClient forwarder = null;
            try {
                forwarder = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                forwarder.open();
                forwarder.sendEventAsync(message, null, null);
            } catch (IOException | URISyntaxException e) {
                return IotHubMessageResult.ABANDON;
            } finally {
                if (forwarder != null) {
                    try {
                        forwarder.closeNow();
                    } catch (IOException ignored) {
                    }
                }
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    void timerOpensLocalWithTryWithResources() {
        scheduler.scheduleAtFixedRate(() -> {
            try (DeviceClient uploader = new DeviceClient(CS, IotHubClientProtocol.HTTPS)) {
                uploader.open();
                uploader.sendEventAsync(new Message("batch"), null, null);
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    // start-up local that is never closed: not a re-entry site
    static void sendOnceFromMain(String cs) throws URISyntaxException, IOException {
        DeviceClient oneShot = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        oneShot.open();
        oneShot.sendEventAsync(new Message("hello"), null, null);
    }


    private void rebuildSpare() throws URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        spare = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    // the assignment is in a same-class method reachable from a re-entry site
    void messageCallbackRebuildsThroughHelper() {
        client.setMessageCallback((message, context) -> {
            try {
                rebuildSpare();
            } catch (URISyntaxException e) {
                return IotHubMessageResult.REJECT;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    // (c) at a re-entry site as well
    void timerShadowsField() {
        scheduler.schedule(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                DeviceClient client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
                client.open();
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        }, 1, TimeUnit.MINUTES);
    }


    private static DeviceClient shared;

    void messageCallbackReplacesStaticFieldWithoutClose() {
        client.setMessageCallback((message, context) -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                shared = new DeviceClient(CS, IotHubClientProtocol.MQTT);
                shared.open();
            } catch (IOException | URISyntaxException e) {
                return IotHubMessageResult.REJECT;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }


    private DeviceClient neverOpened;

    // a field this class never opens cannot hold an open client
    void messageCallbackReplacesNeverOpenedField() {
        client.setMessageCallback((message, context) -> {
            try {
                neverOpened = new DeviceClient(CS, IotHubClientProtocol.HTTPS);
            } catch (URISyntaxException e) {
                return IotHubMessageResult.REJECT;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    // (d) closed on the success path and in the catch: every path
    void timerOpensLocalClosesOnBothPaths() {
        scheduler.scheduleAtFixedRate(() -> {
            DeviceClient uploader;
            try {
                uploader = new DeviceClient(CS, IotHubClientProtocol.HTTPS);
            } catch (URISyntaxException e) {
                return;
            }
            try {
                uploader.open();
                uploader.sendEventAsync(new Message("batch"), null, null);
                uploader.closeNow();
            } catch (IOException e) {
                try {
                    uploader.closeNow();
                } catch (IOException ignored) {
                }
            }
        }, 1, 1, TimeUnit.HOURS);
    }
}
