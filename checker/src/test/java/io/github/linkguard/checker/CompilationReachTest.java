package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import org.junit.jupiter.api.Test;

/**
 * Contract v2, whole-compilation reach: device code split across files is judged as if it were one class. Each test
 * compiles two or more files together, with all six checks running as users run them, and asserts the exact
 * findings of every line ({@link ExactFindings}).
 */
class CompilationReachTest {
  // ------------------------------------------------------------------ negatives first

  /**
   * The SDK's multiplexing sample shape: a base class implements the status callback and hands its recovery to a
   * thread; the subclass in another file implements openClient()/closeClient(). Only onStatusChanged is callback
   * code, so nothing is reported.
   */
  @Test
  void multiplexingSampleShapeIsQuiet_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "LinkManager.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                abstract class LinkManager implements IotHubConnectionStatusChangeCallback {
                  protected abstract void openClient() throws Exception;
                  protected abstract void closeClient();

                  public void start() throws Exception {
                    openClient();
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && c.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                      new Thread(this::recover).start();
                    }
                  }

                  private void recover() {
                    closeClient();
                    try {
                      openClient();
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "TelemetryLink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class TelemetryLink extends LinkManager {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);

                  TelemetryLink() {
                    client.setConnectionStatusChangeCallback(this, null);
                  }

                  @Override
                  protected void openClient() throws Exception {
                    client.open(true);
                  }

                  @Override
                  protected void closeClient() {
                    client.close();
                  }

                  public static void main(String[] args) throws Exception {
                    new TelemetryLink().start();
                  }
                }
                """))
        .doTest();
  }

  /** A class that implements another SDK callback keeps its single start-up open(): no finding. */
  @Test
  void startUpOpenInAMessageCallbackClassIsQuiet_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "CommandReceiver.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class CommandReceiver implements MessageCallback {
                  @Override
                  public IotHubMessageResult execute(Message message, Object context) {
                    return IotHubMessageResult.COMPLETE;
                  }
                }
                """))
        .addSourceLines(
            "Device.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Device extends CommandReceiver {
                  private DeviceClient client;

                  void start(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.setMessageCallback(this, null);
                    client.open();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A call through an interface reaches only the implementations the compilation creates: the created one's open()
   * is reported (handed off from the status callback, unguarded), the same open() in one never created is not.
   */
  @Test
  void dispatchReachesOnlyInstantiatedImplementations_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Reconnector.java",
            lines(
                """
                interface Reconnector {
                  void reconnect() throws Exception;
                }
                """))
        .addSourceLines(
            "Created.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.Executors;

                class Created implements Reconnector {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  @Override
                  public void reconnect() throws Exception {
                    // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns … reached from the status callback in Watcher.onStatusChanged
                    client.open(true);
                  }

                  public static void main(String[] args) {
                    Created created = new Created();
                    created.client.setConnectionStatusChangeCallback(
                        new Watcher(created, Executors.newSingleThreadExecutor()), null);
                  }
                }
                """))
        .addSourceLines(
            "NeverCreated.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class NeverCreated implements Reconnector {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  @Override
                  public void reconnect() throws Exception {
                    client.open(true);
                  }
                }
                """))
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.ExecutorService;

                class Watcher implements IotHubConnectionStatusChangeCallback {
                  private final Reconnector reconnector;
                  private final ExecutorService executor;

                  Watcher(Reconnector reconnector, ExecutorService executor) {
                    this.reconnector = reconnector;
                    this.executor = executor;
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    executor.submit(() -> {
                      reconnector.reconnect();
                      return null;
                    });
                  }
                }
                """))
        .doTest();
  }

  // ------------------------------------------------------------------ positives

  /**
   * A status-callback class in its own file calls device.reconnect() on a manager: the manager's close() and open()
   * run on the callback thread, and the guard lacks the CLIENT_CLOSE exclusion.
   */
  @Test
  void callbackClassCallsManagerInAnotherFile_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "StatusWatcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class StatusWatcher implements IotHubConnectionStatusChangeCallback {
                  private final DeviceManager device;

                  StatusWatcher(DeviceManager device) {
                    this.device = device;
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      device.reconnect();
                    }
                  }
                }
                """))
        .addSourceLines(
            "DeviceManager.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class DeviceManager {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(new StatusWatcher(this), null);
                    client.open(true);
                  }

                  void reconnect() {
                    // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread … reached from the status callback in StatusWatcher.onStatusChanged
                    client.close();
                    try {
                      // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread … reached from the status callback in StatusWatcher.onStatusChanged
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * The legacy retry bug split across a base class and a subclass: the base retries an abstract openClient() with
   * no close between attempts; the subclass's open() is the one retried.
   */
  @Test
  void retryOfAnAbstractOpenInTheBaseClass_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "BaseDevice.java",
            lines(
                """
                abstract class BaseDevice {
                  protected abstract void openClient() throws Exception;

                  public void connect() throws InterruptedException {
                    while (true) {
                      try {
                        openClient();
                        break;
                      } catch (Exception e) {
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .addSourceLines(
            "SensorDevice.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class SensorDevice extends BaseDevice {
                  private final DeviceClient client;

                  SensorDevice(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  @Override
                  protected void openClient() throws Exception {
                    // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client … (retried in BaseDevice.connect)
                    client.open();
                  }

                  public static void main(String[] args) throws Exception {
                    new SensorDevice(args[0]).connect();
                  }
                }
                """))
        .doTest();
  }

  /**
   * The retry construct is in another file than the open(): a fix could only edit the file being analysed, so none
   * is offered (the finding stays, see above).
   */
  @Test
  void retryInABaseClassGetsNoFix_v1() {
    FindingWithoutFix.of(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "BaseDevice.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;

                abstract class BaseDevice {
                  protected DeviceClient client;

                  protected abstract void openClient() throws Exception;

                  public void connect() throws InterruptedException {
                    while (true) {
                      try {
                        openClient();
                        break;
                      } catch (Exception e) {
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .addSourceLines(
            "SensorDevice.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class SensorDevice extends BaseDevice {
                  SensorDevice(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  @Override
                  protected void openClient() throws Exception {
                    // BUG: Diagnostic contains: retried in BaseDevice.connect
                    client.open();
                  }

                  public static void main(String[] args) throws Exception {
                    new SensorDevice(args[0]).connect();
                  }
                }
                """))
        .doTest();
  }

  /** The same split, with the base class closing between attempts through the subclass's closeClient(): quiet. */
  @Test
  void retryThatClosesThroughTheSubclassIsQuiet_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "BaseDevice.java",
            lines(
                """
                abstract class BaseDevice {
                  protected abstract void openClient() throws Exception;
                  protected abstract void closeClient();

                  public void connect() throws InterruptedException {
                    while (true) {
                      try {
                        openClient();
                        break;
                      } catch (Exception e) {
                        closeClient();
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .addSourceLines(
            "SensorDevice.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class SensorDevice extends BaseDevice {
                  private final DeviceClient client;

                  SensorDevice(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  @Override
                  protected void openClient() throws Exception {
                    client.open();
                  }

                  @Override
                  protected void closeClient() {
                    try {
                      client.closeNow();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }

                  public static void main(String[] args) throws Exception {
                    new SensorDevice(args[0]).connect();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A base-class callback hands closeClient(); connect(); to a thread on a grouped DISCONNECTED_RETRYING /
   * DISCONNECTED case: the reopen fights the SDK's own retry (check 1, whatever the subclass does first), and the
   * grouped case also admits CLIENT_CLOSE (check 5, at the DISCONNECTED label).
   */
  @Test
  void groupedCaseHandsOffACloseRecreateOpen_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "LinkBase.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                abstract class LinkBase implements IotHubConnectionStatusChangeCallback {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  abstract void closeClient();

                  abstract void connect() throws Exception;

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    switch (c.getNewStatus()) {
                      case DISCONNECTED_RETRYING:
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      case DISCONNECTED:
                        executor.submit(() -> {
                          closeClient();
                          connect();
                          return null;
                        });
                        break;
                      default:
                        break;
                    }
                  }
                }
                """))
        .addSourceLines(
            "Link.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Link extends LinkBase {
                  private DeviceClient client;

                  @Override
                  void closeClient() {
                    if (client != null) {
                      client.close();
                    }
                  }

                  @Override
                  void connect() throws Exception {
                    client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                    client.setConnectionStatusChangeCallback(this, null);
                    // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns … reached from the status callback in LinkBase.onStatusChanged
                    client.open(true);
                  }

                  public static void main(String[] args) throws Exception {
                    new Link().connect();
                  }
                }
                """))
        .doTest();
  }

  /** The same in 1.x: a callback class in its own file, an early exit on CONNECTED only, then a reconnect. */
  @Test
  void earlyExitOnConnectedOnlyAdmitsRetrying_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Recovery.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Recovery implements IotHubConnectionStatusChangeCallback {
                  private final Gateway gateway;

                  Recovery(Gateway gateway) {
                    this.gateway = gateway;
                  }

                  @Override
                  public void execute(
                      IotHubConnectionStatus status,
                      IotHubConnectionStatusChangeReason reason,
                      Throwable throwable,
                      Object context) {
                    // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                    if (status == IotHubConnectionStatus.CONNECTED) {
                      return;
                    }
                    new Thread(gateway::restart).start();
                  }
                }
                """))
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Gateway {
                  private final DeviceClient client;

                  Gateway(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    client.registerConnectionStatusChangeCallback(new Recovery(this), null);
                  }

                  void restart() {
                    try {
                      client.closeNow();
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * The app removes the callback before each of its own closes, the reconnect's included: CLIENT_CLOSE never reaches
   * the callback, so the plain DISCONNECTED guard is enough.
   */
  @Test
  void callbackRemovedBeforeEveryOwnCloseIsQuiet_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Uplink implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.open(true);
                  }

                  void stop() {
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      executor.execute(this::reopen);
                    }
                  }

                  private void reopen() {
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                    try {
                      client.setConnectionStatusChangeCallback(this, null);
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Callbacks registered on the clients of a collection and removed from each element before it is closed: the
   * removal counts through the collection (contract v2). Closing the elements with a method reference, with no
   * removal between them, does not.
   */
  @Test
  void callbackRemovedThroughACollection_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Fleet.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.List;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Fleet {
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
                  private final Map<String, DeviceClient> sensors = new ConcurrentHashMap<>();
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void start(List<String> connectionStrings) {
                    for (String cs : connectionStrings) {
                      DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                      client.setConnectionStatusChangeCallback(ctx -> {
                        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reopen(cs));
                        }
                      }, null);
                      clients.put(cs, client);
                      DeviceClient sensor = new DeviceClient(cs + ";ModuleId=s", IotHubClientProtocol.AMQPS);
                      sensor.setConnectionStatusChangeCallback(ctx -> {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reopenSensor(cs));
                        }
                      }, null);
                      sensors.put(cs, sensor);
                    }
                  }

                  private void reopen(String cs) {
                    DeviceClient client = clients.get(cs);
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                    clients.put(cs, new DeviceClient(cs, IotHubClientProtocol.AMQPS));
                  }

                  private void reopenSensor(String cs) {
                    DeviceClient old = sensors.get(cs);
                    old.setConnectionStatusChangeCallback(null, null);
                    old.close();
                    sensors.put(cs, new DeviceClient(cs + ";ModuleId=s", IotHubClientProtocol.AMQPS));
                  }

                  void stop() {
                    for (DeviceClient client : clients.values()) {
                      client.setConnectionStatusChangeCallback(null, null);
                      client.close();
                    }
                    sensors.values().forEach(sensor -> sensor.setConnectionStatusChangeCallback(null, null));
                    sensors.values().forEach(DeviceClient::close);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A close of a client taken straight from the collection that holds it ({@code clients.remove(0).close()}) may
   * close a client the callback is registered on, as a close of a local read from it does: the callback is not removed
   * before every own close (found by a mutation of a blind suite's program).
   */
  @Test
  void closeOfAClientTakenStraightFromTheCollection_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Fleets.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.List;
                import java.util.concurrent.CopyOnWriteArrayList;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Fleets {
                  private final List<DeviceClient> evicted = new CopyOnWriteArrayList<>();
                  private final List<DeviceClient> kept = new CopyOnWriteArrayList<>();
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void add(String cs) throws Exception {
                    DeviceClient first = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    first.setConnectionStatusChangeCallback(ctx -> {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reopen(first));
                        }
                      }, null);
                    evicted.add(first);
                    DeviceClient second = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    second.setConnectionStatusChangeCallback(ctx -> {
                        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reopen(second));
                        }
                      }, null);
                    kept.add(second);
                  }

                  private void reopen(DeviceClient c) {
                    try {
                      c.open(false);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }

                  void evictOldest() {
                    evicted.remove(0).close();
                  }

                  void stopAll() {
                    for (DeviceClient c : evicted) {
                      c.setConnectionStatusChangeCallback(null, null);
                      c.close();
                    }
                  }

                  void retireOldest() {
                    DeviceClient oldest = kept.remove(0);
                    oldest.setConnectionStatusChangeCallback(null, null);
                    oldest.close();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closeOfAClientTakenStraightFromTheCollection_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Fleets.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.List;
                import java.util.concurrent.CopyOnWriteArrayList;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Fleets {
                  private final List<DeviceClient> evicted = new CopyOnWriteArrayList<>();
                  private final List<DeviceClient> kept = new CopyOnWriteArrayList<>();
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void add(String cs) throws Exception {
                    DeviceClient first = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    first.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        if (status == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reopen(first));
                        }
                      }, null);
                    evicted.add(first);
                    DeviceClient second = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    second.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                        if (status == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reopen(second));
                        }
                      }, null);
                    kept.add(second);
                  }

                  private void reopen(DeviceClient c) {
                    try {
                      c.open();
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }

                  void evictOldest() throws java.io.IOException {
                    evicted.remove(0).closeNow();
                  }

                  void stopAll() throws java.io.IOException {
                    for (DeviceClient c : evicted) {
                      c.registerConnectionStatusChangeCallback(null, null);
                      c.closeNow();
                    }
                  }

                  void retireOldest() throws java.io.IOException {
                    DeviceClient oldest = kept.remove(0);
                    oldest.registerConnectionStatusChangeCallback(null, null);
                    oldest.closeNow();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A client handed to another class's method that stores it in a collection ({@code cache.add(id, client)} whose body
   * is {@code clients.putIfAbsent(id, client)}) is held by that collection: a close of a client read from it, with the
   * callback removed first, is one of the app's own closes that the removal covers; without the removal it is reported
   * (found on a public gateway, realcode9).
   */
  @Test
  void callbackRemovedBeforeTheCloseOfACacheThatAnotherClassFills_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "ClientCache.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class ClientCache {
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

                  DeviceClient add(String id, DeviceClient client) {
                    return clients.putIfAbsent(id, client);
                  }

                  void remove(String id) {
                    DeviceClient client = clients.remove(id);
                    if (client != null) {
                      client.setConnectionStatusChangeCallback(null, null);
                      client.close();
                    }
                  }
                }
                """))
        .addSourceLines(
            "LeakyCache.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class LeakyCache {
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

                  void keep(String id, DeviceClient client) {
                    clients.putIfAbsent(id, client);
                  }

                  void evict(String id) {
                    DeviceClient client = clients.remove(id);
                    if (client != null) {
                      client.close();
                    }
                  }
                }
                """))
        .addSourceLines(
            "Bridge.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Bridge {
                  private final ClientCache cache = new ClientCache();
                  private final LeakyCache leaky = new LeakyCache();
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void connect(String id, String cs) throws Exception {
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.setConnectionStatusChangeCallback(context -> {
                        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reconnect(id, cs));
                        }
                      }, null);
                    client.open(false);
                    cache.add(id, client);
                  }

                  void connectLeaky(String id, String cs) throws Exception {
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.setConnectionStatusChangeCallback(context -> {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reconnectLeaky(id, cs));
                        }
                      }, null);
                    client.open(false);
                    leaky.keep(id, client);
                  }

                  private void reconnect(String id, String cs) {
                    try {
                      cache.remove(id);
                      connect(id, cs);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }

                  private void reconnectLeaky(String id, String cs) {
                    try {
                      leaky.evict(id);
                      connectLeaky(id, cs);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void callbackRemovedBeforeTheCloseOfACacheThatAnotherClassFills_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "ClientCache.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class ClientCache {
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

                  DeviceClient add(String id, DeviceClient client) {
                    return clients.putIfAbsent(id, client);
                  }

                  void remove(String id) throws java.io.IOException {
                    DeviceClient client = clients.remove(id);
                    if (client != null) {
                      client.registerConnectionStatusChangeCallback(null, null);
                      client.closeNow();
                    }
                  }
                }
                """))
        .addSourceLines(
            "LeakyCache.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class LeakyCache {
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

                  void keep(String id, DeviceClient client) {
                    clients.putIfAbsent(id, client);
                  }

                  void evict(String id) throws java.io.IOException {
                    DeviceClient client = clients.remove(id);
                    if (client != null) {
                      client.closeNow();
                    }
                  }
                }
                """))
        .addSourceLines(
            "Bridge.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Bridge {
                  private final ClientCache cache = new ClientCache();
                  private final LeakyCache leaky = new LeakyCache();
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void connect(String id, String cs) throws Exception {
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                        if (status == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reconnect(id, cs));
                        }
                      }, null);
                    client.open();
                    cache.add(id, client);
                  }

                  void connectLeaky(String id, String cs) throws Exception {
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        if (status == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(() -> reconnectLeaky(id, cs));
                        }
                      }, null);
                    client.open();
                    leaky.keep(id, client);
                  }

                  private void reconnect(String id, String cs) {
                    try {
                      cache.remove(id);
                      connect(id, cs);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }

                  private void reconnectLeaky(String id, String cs) {
                    try {
                      leaky.evict(id);
                      connectLeaky(id, cs);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A status callback returned by a method of the compilation ({@code client.setConnectionStatusChangeCallback(
   * watcher(), null)}) is registered on that client: removed before every own close, it is quiet; not removed, it is
   * reported (found by a blind suite of fresh applications).
   */
  @Test
  void callbackReturnedByAMethodIsRegisteredOnItsClient_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Watchers.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Watchers {
                  static final class Removed {
                    private DeviceClient client;
                    private final ExecutorService executor = Executors.newSingleThreadExecutor();

                    IotHubConnectionStatusChangeCallback watcher() {
                      return context -> {
                      if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(this::reopen);
                        }
                      };
                    }

                    void start() throws Exception {
                      client.setConnectionStatusChangeCallback(watcher(), null);
                      client.open(false);
                    }

                    void reopen() {
                      try {
                        client.setConnectionStatusChangeCallback(null, null);
                        client.close();
                        client.setConnectionStatusChangeCallback(watcher(), null);
                        client.open(false);
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                    }
                  }

                  static final class Kept {
                    private DeviceClient client;
                    private final ExecutorService executor = Executors.newSingleThreadExecutor();

                    IotHubConnectionStatusChangeCallback watcher() {
                      return context -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(this::reopen);
                        }
                      };
                    }

                    void start() throws Exception {
                      client.setConnectionStatusChangeCallback(watcher(), null);
                      client.open(false);
                    }

                    void reopen() {
                      try {
                        client.open(false);
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                    }

                    void stop() throws Exception {
                      client.close();
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void callbackReturnedByAMethodIsRegisteredOnItsClient_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Watchers.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Watchers {
                  static final class Removed {
                    private DeviceClient client;
                    private final ExecutorService executor = Executors.newSingleThreadExecutor();

                    IotHubConnectionStatusChangeCallback watcher() {
                      return (status, reason, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(this::reopen);
                        }
                      };
                    }

                    void start() throws Exception {
                      client.registerConnectionStatusChangeCallback(watcher(), null);
                      client.open();
                    }

                    void reopen() {
                      try {
                        client.registerConnectionStatusChangeCallback(null, null);
                        client.closeNow();
                        client.registerConnectionStatusChangeCallback(watcher(), null);
                        client.open();
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                    }
                  }

                  static final class Kept {
                    private DeviceClient client;
                    private final ExecutorService executor = Executors.newSingleThreadExecutor();

                    IotHubConnectionStatusChangeCallback watcher() {
                      return (status, reason, cause, context) -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                          executor.execute(this::reopen);
                        }
                      };
                    }

                    void start() throws Exception {
                      client.registerConnectionStatusChangeCallback(watcher(), null);
                      client.open();
                    }

                    void reopen() {
                      try {
                        client.open();
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                    }

                    void stop() throws Exception {
                      client.closeNow();
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A collection field is one collection whichever object it is read through: clients put into {@code
   * gateway.points} in {@code main} are the ones the gateway's own {@code shutdown()} deregisters from {@code points}
   * before closing them (found by a blind suite of fresh applications).
   */
  @Test
  void collectionFieldReadThroughTheOwningObjectIsTheSameCollection_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Gateway {
                  final Map<String, DeviceClient> points = new ConcurrentHashMap<>();
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  IotHubConnectionStatusChangeCallback watcher(String id) {
                    return context -> {
                      if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        executor.execute(() -> reopen(id));
                      }
                    };
                  }

                  private void reopen(String id) {
                    try {
                      points.get(id).open(false);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }

                  void shutdown() throws Exception {
                    for (DeviceClient point : points.values()) {
                      point.setConnectionStatusChangeCallback(null, null);
                      point.close();
                    }
                  }

                  public static void main(String[] args) throws Exception {
                    Gateway gateway = new Gateway();
                    for (String cs : args) {
                      DeviceClient point = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      point.setConnectionStatusChangeCallback(gateway.watcher(cs), null);
                      gateway.points.put(cs, point);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void collectionFieldReadThroughTheOwningObjectIsTheSameCollection_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Gateway {
                  final Map<String, DeviceClient> points = new ConcurrentHashMap<>();
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  IotHubConnectionStatusChangeCallback watcher(String id) {
                    return (status, reason, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        executor.execute(() -> reopen(id));
                      }
                    };
                  }

                  private void reopen(String id) {
                    try {
                      points.get(id).open();
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }

                  void shutdown() throws Exception {
                    for (DeviceClient point : points.values()) {
                      point.registerConnectionStatusChangeCallback(null, null);
                      point.closeNow();
                    }
                  }

                  public static void main(String[] args) throws Exception {
                    Gateway gateway = new Gateway();
                    for (String cs : args) {
                      DeviceClient point = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      point.registerConnectionStatusChangeCallback(gateway.watcher(cs), null);
                      gateway.points.put(cs, point);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A callback kept in a field and registered by the field's name (re-registered after each reconnect) is
   * registered on that client like one written at the registration: removed before every own close, it is quiet;
   * removed before the reconnect's close only, it is reported (found by a blind suite written from the contract).
   */
  @Test
  void callbackKeptInAFieldIsRegisteredOnItsClient_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Links.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Links {
                  static final class Full {
                    private final DeviceClient client;
                    private final ExecutorService executor = Executors.newSingleThreadExecutor();
                    private final IotHubConnectionStatusChangeCallback callback = (status, reason, cause, ctx) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        executor.submit(this::reconnect);
                      }
                    };

                    Full(String cs) throws Exception {
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }

                    void start() throws IOException {
                      client.registerConnectionStatusChangeCallback(callback, null);
                      client.open();
                    }

                    void reconnect() {
                      try {
                        client.registerConnectionStatusChangeCallback(null, null);
                        client.closeNow();
                        client.open();
                        client.registerConnectionStatusChangeCallback(callback, null);
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }

                    void shutdown() throws IOException {
                      client.registerConnectionStatusChangeCallback(null, null);
                      client.closeNow();
                    }
                  }

                  static final class Partial {
                    private final DeviceClient client;
                    private final ExecutorService executor = Executors.newSingleThreadExecutor();
                    private final IotHubConnectionStatusChangeCallback callback = (status, reason, cause, ctx) -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        executor.submit(this::reconnect);
                      }
                    };

                    Partial(String cs) throws Exception {
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }

                    void start() throws IOException {
                      client.registerConnectionStatusChangeCallback(callback, null);
                      client.open();
                    }

                    void reconnect() {
                      try {
                        client.registerConnectionStatusChangeCallback(null, null);
                        client.closeNow();
                        client.open();
                        client.registerConnectionStatusChangeCallback(callback, null);
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }

                    void shutdown() throws IOException {
                      client.closeNow();
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * The same through a local variable holding a lambda, a field holding an anonymous class and a local holding a
   * method reference: each is registered on the client it is passed to.
   */
  @Test
  void callbacksKeptInVariablesAreRegisteredOnTheirClients_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uplinks.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Uplinks {
                  private final DeviceClient first = new DeviceClient("cs1", IotHubClientProtocol.AMQPS);
                  private final DeviceClient second = new DeviceClient("cs2", IotHubClientProtocol.AMQPS);
                  private final DeviceClient third = new DeviceClient("cs3", IotHubClientProtocol.AMQPS);
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private final IotHubConnectionStatusChangeCallback secondWatcher =
                      new IotHubConnectionStatusChangeCallback() {
                        @Override
                        public void onStatusChanged(ConnectionStatusChangeContext c) {
                          // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                          if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                            executor.execute(() -> reopenSecond());
                          }
                        }
                      };

                  void start() throws IotHubClientException {
                    IotHubConnectionStatusChangeCallback firstWatcher = c -> {
                      if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        executor.execute(this::reopenFirst);
                      }
                    };
                    first.setConnectionStatusChangeCallback(firstWatcher, null);
                    first.open(true);
                    second.setConnectionStatusChangeCallback(secondWatcher, null);
                    second.open(true);
                    IotHubConnectionStatusChangeCallback thirdWatcher = this::onThirdStatus;
                    third.setConnectionStatusChangeCallback(thirdWatcher, null);
                    third.open(true);
                  }

                  private void onThirdStatus(ConnectionStatusChangeContext c) {
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      executor.execute(this::reopenThird);
                    }
                  }

                  private void reopenFirst() {
                    first.setConnectionStatusChangeCallback(null, null);
                    first.close();
                    try {
                      first.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void reopenSecond() {
                    second.setConnectionStatusChangeCallback(null, null);
                    second.close();
                    try {
                      second.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void reopenThird() {
                    third.setConnectionStatusChangeCallback(null, null);
                    third.close();
                    try {
                      third.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  void stop() {
                    first.setConnectionStatusChangeCallback(null, null);
                    first.close();
                    second.close();
                    third.setConnectionStatusChangeCallback(null, null);
                    third.close();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A helper that removes the callback from the client it is given and then closes it: the removal precedes that
   * close on every path, whoever calls the helper (a removal only in some callers of a helper that does not remove
   * it is judged at those callers, as before).
   */
  @Test
  void callbackRemovedInsideTheHelperThatClosesItsParameter_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Gateway implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  Gateway(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void start() throws IOException {
                    client.registerConnectionStatusChangeCallback(this, null);
                    client.open();
                  }

                  @Override
                  public void execute(
                      IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
                      Object context) {
                    if (status == IotHubConnectionStatus.DISCONNECTED) {
                      executor.submit(this::reconnect);
                    }
                  }

                  private void reconnect() {
                    try {
                      shutDown(client);
                      client.registerConnectionStatusChangeCallback(this, null);
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }

                  void stop() throws IOException {
                    shutDown(client);
                  }

                  private static void shutDown(DeviceClient link) throws IOException {
                    link.registerConnectionStatusChangeCallback(null, null);
                    link.closeNow();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A reconnect kept in a field (a lambda, a named task object) and handed off from the status callback, and a Thread
   * subclass the callback starts, run on paths that start in the callback: the hand-off is where the object is
   * passed or started, not where it was created (found by a blind suite written from the contract alone).
   */
  @Test
  void reconnectsKeptInVariablesAreHandedOffWhereTheyArePassed_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Keeper.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Keeper {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final DeviceClient other = new DeviceClient("cs2", IotHubClientProtocol.AMQPS);
                  private final DeviceClient third = new DeviceClient("cs3", IotHubClientProtocol.AMQPS);
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();
                  private final Runnable reconnect = () -> {
                    client.close();
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  };

                  static final class Reopen implements Runnable {
                    private final DeviceClient link;

                    Reopen(DeviceClient link) {
                      this.link = link;
                    }

                    @Override
                    public void run() {
                      link.close();
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                        link.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  static final class Restarter extends Thread {
                    private final DeviceClient link;

                    Restarter(DeviceClient link) {
                      this.link = link;
                    }

                    @Override
                    public void run() {
                      link.close();
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                        link.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  void start() {
                    client.setConnectionStatusChangeCallback(c -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        pool.execute(reconnect);
                      }
                    }, null);
                    Runnable reopenOther = new Reopen(other);
                    other.setConnectionStatusChangeCallback(c -> pool.execute(reopenOther), null);
                    third.setConnectionStatusChangeCallback(c -> new Restarter(third).start(), null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void reconnectsKeptInVariablesAreHandedOffWhereTheyArePassed_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Keeper.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Keeper {
                  static final class Reconnector extends Thread {
                    private final DeviceClient client;

                    Reconnector(DeviceClient client) {
                      this.client = client;
                    }

                    @Override
                    public void run() {
                      try {
                        client.closeNow();
                        // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  static final class ReopenJob implements Runnable {
                    private final DeviceClient client;

                    ReopenJob(DeviceClient client) {
                      this.client = client;
                    }

                    @Override
                    public void run() {
                      try {
                        client.closeNow();
                        // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

                  void wire(DeviceClient a, DeviceClient b) {
                    a.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> new Reconnector(a).start(), null);
                    ReopenJob job = new ReopenJob(b);
                    b.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> ses.schedule(job, 10, TimeUnit.SECONDS), null);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A function kept in one variable and chosen by {@code ?:} or copied into another before it is handed off or run
   * goes where the other goes: {@code pool.execute(auto ? reopen : idle)}, {@code Runnable next = reopen;
   * pool.execute(next)}, {@code Runnable now = close; now.run()}.
   */
  @Test
  void functionsChosenOrCopiedBetweenVariablesGoWhereTheyAreUsed_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Chooser.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Chooser {
                  private final DeviceClient pump = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final DeviceClient valve = new DeviceClient("cs2", IotHubClientProtocol.AMQPS);
                  private final DeviceClient meter = new DeviceClient("cs3", IotHubClientProtocol.AMQPS);
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();
                  private final boolean autoRecover;
                  private final Runnable idle = () -> {};
                  private final Runnable reopenPump = () -> {
                    pump.close();
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                      pump.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  };
                  private final Runnable reopenValve = () -> {
                    valve.close();
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                      valve.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  };
                  private final Runnable closeMeter = () -> {
                    // FINDING: [IotHubReconnectOnCallbackThread] runs on the thread that delivers
                    meter.close();
                  };

                  Chooser(boolean autoRecover) {
                    this.autoRecover = autoRecover;
                  }

                  void start() {
                    pump.setConnectionStatusChangeCallback(c -> pool.execute(autoRecover ? reopenPump : idle), null);
                    valve.setConnectionStatusChangeCallback(c -> {
                      Runnable next = autoRecover ? reopenValve : idle;
                      pool.execute(next);
                    }, null);
                    meter.setConnectionStatusChangeCallback(c -> {
                      Runnable now = closeMeter;
                      now.run();
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void functionsChosenOrCopiedBetweenVariablesGoWhereTheyAreUsed_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Chooser.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Chooser {
                  private final DeviceClient pump;
                  private final DeviceClient valve;
                  private final DeviceClient meter;
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();
                  private final boolean autoRecover;
                  private final Runnable idle = () -> {};
                  private final Runnable reopenPump;
                  private final Runnable reopenValve;
                  private final Runnable closeMeter;

                  Chooser(DeviceClient pumpLink, DeviceClient valveLink, DeviceClient meterLink, boolean autoRecover) {
                    this.pump = pumpLink;
                    this.valve = valveLink;
                    this.meter = meterLink;
                    this.autoRecover = autoRecover;
                    this.reopenPump = () -> {
                      try {
                        pump.closeNow();
                        // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                        pump.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                    this.reopenValve = () -> {
                      try {
                        valve.closeNow();
                        // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                        valve.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                    this.closeMeter = () -> {
                      try {
                        // FINDING: [IotHubReconnectOnCallbackThread] runs on the thread that delivers
                        meter.closeNow();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                  }

                  void start() {
                    pump.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> pool.execute(autoRecover ? reopenPump : idle), null);
                    valve.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> {
                          Runnable next = autoRecover ? reopenValve : idle;
                          pool.execute(next);
                        },
                        null);
                    meter.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> {
                          Runnable now = closeMeter;
                          now.run();
                        },
                        null);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A function a field gets from a factory method of the compilation (chosen by a {@code ?:}, or through a factory
   * that returns another factory's result) runs where the field is run through the library interface ({@code
   * task.run()}): on the executor for a hand-off, on the callback thread for a status callback.
   */
  @Test
  void aFunctionAFactoryMadeRunsWhereTheFieldIsRun_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Kiosk.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Kiosk {
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();
                  private final DeviceClient display = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final DeviceClient printer = new DeviceClient("cs2", IotHubClientProtocol.AMQPS);
                  private final boolean autoRecover = Boolean.getBoolean("kiosk.recover");
                  private final Runnable reopenDisplay = autoRecover ? reopener(display) : () -> {};
                  private final Runnable closePrinter = closer();

                  private Runnable reopener(DeviceClient link) {
                    return () -> {
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                        link.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    };
                  }

                  private Runnable closer() {
                    return printerCloser();
                  }

                  private Runnable printerCloser() {
                    // FINDING: [IotHubReconnectOnCallbackThread] runs on the thread that delivers
                    return () -> printer.close();
                  }

                  void start() {
                    printer.setConnectionStatusChangeCallback(ctx -> closePrinter.run(), null);
                    pool.execute(this::service);
                  }

                  private void service() {
                    reopenDisplay.run();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFunctionAFactoryMadeRunsWhereTheFieldIsRun_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Kiosk.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Kiosk {
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();
                  private final DeviceClient display;
                  private final DeviceClient printer;
                  private final Runnable reopenDisplay;
                  private final Runnable closePrinter;

                  Kiosk(DeviceClient displayLink, DeviceClient printerLink, boolean autoRecover) {
                    this.display = displayLink;
                    this.printer = printerLink;
                    this.reopenDisplay = autoRecover ? reopener(display) : () -> {};
                    this.closePrinter = closer();
                  }

                  private Runnable reopener(DeviceClient link) {
                    return () -> {
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                        link.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                  }

                  private Runnable closer() {
                    return printerCloser();
                  }

                  private Runnable printerCloser() {
                    return () -> {
                      try {
                        // FINDING: [IotHubReconnectOnCallbackThread] runs on the thread that delivers
                        printer.closeNow();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                  }

                  void start() {
                    printer.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> closePrinter.run(), null);
                    pool.execute(this::service);
                  }

                  private void service() {
                    reopenDisplay.run();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A function only stored in a field runs where the field's value is run, not where it is stored: a status callback
   * that leaves {@code pendingRecovery = this::recover} for a poller neither closes nor opens on its thread, and its
   * guard dominates no reconnect (blind suite AF). What a message callback runs from a field is followed there.
   */
  @Test
  void aFunctionStoredInAFieldRunsWhereTheFieldIsRun_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "CoolingTower.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class CoolingTower {
                  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
                  private final DeviceClient tower = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final DeviceClient fan = new DeviceClient("cs2", IotHubClientProtocol.AMQPS);
                  private volatile Runnable pendingRecovery;
                  private volatile Runnable pendingFanStart;

                  void start() {
                    tower.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        pendingRecovery = this::recover;
                      }
                    }, null);
                    fan.setConnectionStatusChangeCallback(ctx -> pendingFanStart = () -> startFan(), null);
                    fan.setMessageCallback((message, context) -> {
                      Runnable next = pendingFanStart;
                      if (next != null) {
                        next.run();
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                    poller.scheduleWithFixedDelay(() -> {
                      Runnable task = pendingRecovery;
                      if (task != null) {
                        pendingRecovery = null;
                        task.run();
                      }
                    }, 5, 5, TimeUnit.SECONDS);
                  }

                  private void recover() {
                    tower.close();
                    try {
                      tower.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void startFan() {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                      fan.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFunctionStoredInAFieldRunsWhereTheFieldIsRun_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "CoolingTower.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class CoolingTower {
                  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
                  private final DeviceClient tower;
                  private final DeviceClient fan;
                  private volatile Runnable pendingRecovery;
                  private volatile Runnable pendingFanStart;

                  CoolingTower(DeviceClient towerLink, DeviceClient fanLink) {
                    this.tower = towerLink;
                    this.fan = fanLink;
                  }

                  void start() {
                    tower.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        pendingRecovery = this::recover;
                      }
                    }, null);
                    fan.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> pendingFanStart = () -> startFan(), null);
                    fan.setMessageCallback((message, context) -> {
                      Runnable next = pendingFanStart;
                      if (next != null) {
                        next.run();
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                    poller.scheduleWithFixedDelay(() -> {
                      Runnable task = pendingRecovery;
                      if (task != null) {
                        pendingRecovery = null;
                        task.run();
                      }
                    }, 5, 5, TimeUnit.SECONDS);
                  }

                  private void recover() {
                    try {
                      tower.closeNow();
                      tower.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }

                  private void startFan() {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] can run while the SDK still owns
                      fan.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A function given to a library method as an element it stores ({@code queue.offer(task)}, {@code list.add(task)}:
   * a parameter typed by a type variable) is not run there, so a status callback that queues its reconnect for a worker
   * closes and opens nothing on its own thread (blind suite AK); one given to a library method that takes a function
   * ({@code forEach(...)}) runs in place.
   */
  @Test
  void aFunctionStoredByALibraryIsNotRunThere_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "GateController.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.concurrent.BlockingQueue;
                import java.util.concurrent.LinkedBlockingQueue;

                class GateController {
                  private final DeviceClient gate = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final DeviceClient barrier = new DeviceClient("cs2", IotHubClientProtocol.AMQPS);
                  private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
                  private final List<Runnable> pending = new ArrayList<>();

                  void start() {
                    gate.setConnectionStatusChangeCallback(ctx -> {
                      commands.offer(() -> {
                        gate.close();
                        try {
                          gate.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      });
                      pending.add(this::closeBarrier);
                    }, null);
                    barrier.setConnectionStatusChangeCallback(ctx -> {
                      pending.forEach(task -> task.run());
                      List.of(1).forEach(unused -> {
                        // FINDING: [IotHubReconnectOnCallbackThread] runs on the thread that delivers
                        barrier.close();
                      });
                    }, null);
                  }

                  private void closeBarrier() {
                    barrier.close();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFunctionStoredByALibraryIsNotRunThere_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "GateController.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.concurrent.BlockingQueue;
                import java.util.concurrent.LinkedBlockingQueue;

                class GateController {
                  private DeviceClient gate;
                  private DeviceClient barrier;
                  private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
                  private final List<Runnable> pending = new ArrayList<>();

                  void start() {
                    gate.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                      commands.offer(() -> {
                        try {
                          gate.closeNow();
                          gate.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      });
                      pending.add(this::closeBarrier);
                    }, null);
                    barrier.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                      pending.forEach(task -> task.run());
                      List.of(1).forEach(unused -> {
                        try {
                          // FINDING: [IotHubReconnectOnCallbackThread] runs on the thread that delivers
                          barrier.closeNow();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      });
                    }, null);
                  }

                  private void closeBarrier() {
                    try {
                      barrier.closeNow();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /** Removed before stop()'s close but not before the reconnect's own close: still reported. */
  @Test
  void callbackRemovedOnlyBeforeStopIsReported_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Uplink implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.open(true);
                  }

                  void stop() {
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      executor.execute(this::reopen);
                    }
                  }

                  private void reopen() {
                    client.close();
                    try {
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Under {@code -XDcompilePolicy=byfile} other files are opaque: the manager's calls are not seen from the callback
   * class, nothing crashes, and each file's own findings stay.
   */
  @Test
  void byFilePolicySeesOneFileAtATime_v2() {
    ExactFindings.compile(Sdk.V2, "-XDcompilePolicy=byfile")
        .addSourceLines(
            "StatusWatcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class StatusWatcher implements IotHubConnectionStatusChangeCallback {
                  private final DeviceManager device;

                  StatusWatcher(DeviceManager device) {
                    this.device = device;
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      device.reconnect();
                    }
                  }
                }
                """))
        .addSourceLines(
            "DeviceManager.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class DeviceManager {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void reconnect() {
                    client.close();
                    try {
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  void keepTrying() throws InterruptedException {
                    while (true) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open(true);
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Under {@code byfile}, LinkGuard's view of the SDK is set up at the first file once any file has loaded a client
   * type (imports load them for every file). A status type only a later file's code loads (a switch with bare case
   * labels, a fully qualified name, no import) was then missing for good, and that file lost its status guards:
   * check 5 vanished and check 1 took a guarded open. Types not found yet are looked up again at each file.
   */
  @Test
  void byFilePolicyFindsTheStatusTypesALaterFileLoads_v2() {
    ExactFindings.compile(Sdk.V2, "-XDcompilePolicy=byfile")
        .addSourceLines(
            "Plain.java",
            lines(
                """
                class Plain {
                  int value;
                }
                """))
        .addSourceLines(
            "Panel.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Panel {
                  private DeviceClient client;

                  void start() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        case DISCONNECTED:
                          reconnect();
                          break;
                        default:
                          break;
                      }
                    }, null);
                  }

                  private void reconnect() {
                    // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread that delivers
                    client.close();
                    try {
                      // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void byFilePolicyFindsTheStatusTypesALaterFileLoads_v1() {
    ExactFindings.compile(Sdk.V1, "-XDcompilePolicy=byfile")
        .addSourceLines(
            "Plain.java",
            lines(
                """
                class Plain {
                  int value;
                }
                """))
        .addSourceLines(
            "Panel.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.io.IOException;

                class Panel {
                  private DeviceClient client;

                  void start() {
                    client.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (status == com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus.DISCONNECTED) {
                        reconnect();
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      // FINDING: [IotHubReconnectOnCallbackThread] closeNow() runs on the thread that delivers
                      client.closeNow();
                      // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A function given to a method whose source LinkGuard cannot see, and that is neither the JDK's nor the SDK's (here a
   * helper of another file under {@code byfile}; likewise another module's, or a framework's such as Android's
   * runOnUiThread), may run later or on another thread: it is read as a hand-off that is no re-entry site of its own.
   * So the callback path goes on into it (check 5 at the grouped case, check 1 at the open), and its calls are not on
   * the callback's thread (no check 3) -- what the same code gets when the helper's source is seen.
   */
  @Test
  void aFunctionGivenToAnOpaqueHelperIsAHandOff_v2() {
    ExactFindings.compile(Sdk.V2, "-XDcompilePolicy=byfile")
        .addSourceLines(
            "BackgroundWork.java",
            lines(
                """
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                final class BackgroundWork {
                  private static final ScheduledExecutorService POOL = Executors.newSingleThreadScheduledExecutor();

                  static void runLater(Runnable task, int seconds) {
                    POOL.schedule(task, seconds, TimeUnit.SECONDS);
                  }
                }
                """))
        .addSourceLines(
            "AssetTracker.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class AssetTracker {
                  private DeviceClient client;

                  void start() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        case DISCONNECTED_RETRYING, DISCONNECTED -> BackgroundWork.runLater(() -> {
                          client.close();
                          try {
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            client.open(false);
                          } catch (IotHubClientException e) {
                            System.err.println(e);
                          }
                        }, 5);
                        default -> { }
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFunctionGivenToAnOpaqueHelperIsAHandOff_v1() {
    ExactFindings.compile(Sdk.V1, "-XDcompilePolicy=byfile")
        .addSourceLines(
            "BackgroundWork.java",
            lines(
                """
                final class BackgroundWork {
                  static void runLater(Runnable task) {
                    new Thread(task).start();
                  }
                }
                """))
        .addSourceLines(
            "AssetTracker.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class AssetTracker {
                  private DeviceClient client;

                  void start() {
                    client.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (status != IotHubConnectionStatus.CONNECTED) {
                        BackgroundWork.runLater(() -> {
                          try {
                            client.closeNow();
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            client.open();
                          } catch (IOException e) {
                            System.err.println(e);
                          }
                        });
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A call through a library type reaches the objects of the compilation the code itself stored where it calls
   * (found on real code: an RFID middleware whose executor task calls send() on a field typed by a plug-in interface
   * from another jar, holding the module's own Azure implementation): {@code sink.accept(m)} on a field or local that
   * holds {@code new AzureSink(...)} runs AzureSink.accept. A field holding only objects of other classes reaches
   * nothing of them.
   */
  @Test
  void callThroughALibraryTypeReachesTheObjectsStoredThere_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "AzureSink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.function.Consumer;

                class AzureSink implements Consumer<Object> {
                  private final DeviceClient client;

                  AzureSink(String cs) throws URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  @Override
                  public void accept(Object message) {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open();
                      client.sendEventAsync(new Message(String.valueOf(message)), null, null);
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Forwarder.java",
            lines(
                """
                import java.net.URISyntaxException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;
                import java.util.function.Consumer;

                class Forwarder {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private final Consumer<Object> sink;
                  private final Consumer<Object> log = message -> System.out.println(message);

                  Forwarder(String cs) throws URISyntaxException {
                    sink = new AzureSink(cs);
                  }

                  void send(Object message) {
                    executor.submit(() -> sink.accept(message));
                    executor.submit(() -> log.accept(message));
                  }
                }
                """))
        .doTest();
  }

  /**
   * The object reaches the field through a constructor parameter (dependency injection by constructor, found by
   * probing a real transport's shape): the arguments the compilation passes there are what the field holds.
   */
  @Test
  void objectHandedToTheHolderThroughAParameterIsStoredThere_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "HubSink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.function.Consumer;

                class HubSink implements Consumer<String> {
                  private final DeviceClient client;

                  HubSink(String cs) throws java.net.URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  @Override
                  public void accept(String message) {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open();
                    } catch (java.io.IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Messenger.java",
            lines(
                """
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;
                import java.util.function.Consumer;

                class Messenger {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private final Consumer<String> sink;

                  Messenger(Consumer<String> sink) {
                    this.sink = sink;
                  }

                  void publish(String message) {
                    executor.execute(() -> sink.accept(message));
                  }

                  static Messenger toHub(String cs) throws java.net.URISyntaxException {
                    return new Messenger(new HubSink(cs));
                  }

                  static Messenger toConsole() {
                    return new Messenger(System.out::println);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void objectHandedToTheHolderThroughAParameterIsStoredThere_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "HubSink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.function.Consumer;

                class HubSink implements Consumer<String> {
                  private final DeviceClient client;

                  HubSink(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  @Override
                  public void accept(String message) {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open(false);
                    } catch (com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Messenger.java",
            lines(
                """
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;
                import java.util.function.Consumer;

                class Messenger {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private final Consumer<String> sink;

                  Messenger(Consumer<String> sink) {
                    this.sink = sink;
                  }

                  void publish(String message) {
                    executor.execute(() -> sink.accept(message));
                  }

                  static Messenger toHub(String cs) {
                    return new Messenger(new HubSink(cs));
                  }

                  static Messenger toConsole() {
                    return new Messenger(System.out::println);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void callThroughALibraryTypeReachesTheObjectsStoredThere_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "AzureSink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.function.Consumer;

                class AzureSink implements Consumer<Object> {
                  private final DeviceClient client;

                  AzureSink(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  @Override
                  public void accept(Object message) {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open(false);
                      client.sendEventAsync(new Message(String.valueOf(message)), null, null);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Ticker.java",
            lines(
                """
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.function.Consumer;

                class Ticker {
                  private final Consumer<Object> sink = new AzureSink(System.getenv("CS"));

                  void start() {
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        sink.accept("tick");
                      }
                    }, 0, 60_000);
                  }

                  /** Each round makes its own sink: its client is created earlier on the path (exemption b). */
                  void startFresh(String cs) {
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        Consumer<Object> fresh = new AzureSink(cs);
                        fresh.accept("tick");
                      }
                    }, 0, 60_000);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A task kept in a field and run() synchronously from the status callback runs on the callback's thread: a lambda
   * or method reference kept there, or an object of a named class (found by probing real shapes: a force-close kept
   * as a Runnable field). Handed to an executor instead, it does not.
   */
  @Test
  void taskKeptInAFieldAndRunInTheCallback_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Device.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Device {
                  private final DeviceClient client;
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private final Runnable closer = () -> {
                    // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread that delivers
                    this.client().close();
                  };
                  private final Runnable stopper = this::stop;
                  private final Runnable parker = new Parker();
                  private final Runnable later = () -> client().close();

                  Device(DeviceClient client) {
                    this.client = client;
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                          && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        closer.run();
                        stopper.run();
                        parker.run();
                        executor.execute(later);
                      }
                    }, null);
                  }

                  DeviceClient client() {
                    return client;
                  }

                  private void stop() {
                    // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread that delivers
                    client.close();
                  }

                  class Parker implements Runnable {
                    @Override
                    public void run() {
                      // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread that delivers
                      client.close();
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void taskKeptInAFieldAndRunInTheCallback_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Device.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Device {
                  private final DeviceClient client;
                  private final Runnable closer = () -> {
                    try {
                      // FINDING: [IotHubReconnectOnCallbackThread] closeNow() runs on the thread that delivers
                      client().closeNow();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  };

                  Device(DeviceClient client) {
                    this.client = client;
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED
                          && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        closer.run();
                      }
                    }, null);
                  }

                  DeviceClient client() {
                    return client;
                  }
                }
                """))
        .doTest();
  }

  /**
   * A retry loop in one class around calls of another object's methods: {@code link.reset()} closes {@code
   * link}'s client and {@code link.connect()} opens it, so the client is closed between attempts, before the open()
   * or in the catch (blind suite Z). "Same client" follows the receiver; a reset of another link closes nothing.
   */
  @Test
  void closeBetweenAttemptsThroughAnotherObjectsMethod_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Link.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Link {
                  private final DeviceClient client;

                  Link(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void reset() {
                    client.close();
                  }

                  void connect() throws IotHubClientException {
                    client.open(false);
                  }
                }
                """))
        .addSourceLines(
            "Feed.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Feed {
                  private final DeviceClient client;

                  Feed(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void reset() {
                    client.close();
                  }

                  void connect() throws IotHubClientException {
                    // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                    client.open(false);
                  }
                }
                """))
        .addSourceLines(
            "Supervisor.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Supervisor {
                  static void resetFirst(Link link) throws InterruptedException {
                    while (true) {
                      try {
                        link.reset();
                        link.connect();
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  static void resetInTheCatch(Link link) throws InterruptedException {
                    while (true) {
                      try {
                        link.connect();
                        return;
                      } catch (IotHubClientException e) {
                        link.reset();
                        Thread.sleep(1000);
                      }
                    }
                  }

                  static void resetsAnotherFeed(Feed feed, Feed standby) throws InterruptedException {
                    while (true) {
                      try {
                        standby.reset();
                        feed.connect();
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  public static void main(String[] args) throws Exception {
                    resetFirst(new Link(args[0]));
                    resetInTheCatch(new Link(args[0]));
                    resetsAnotherFeed(new Feed(args[0]), new Feed(args[1]));
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closeBetweenAttemptsThroughAnotherObjectsMethod_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Link.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Link {
                  private DeviceClient client;

                  void reset() throws IOException {
                    client.closeNow();
                  }

                  void connect() throws IOException {
                    client.open();
                  }
                }
                """))
        .addSourceLines(
            "Supervisor.java",
            lines(
                """
                import java.io.IOException;

                class Supervisor {
                  public static void main(String[] args) throws Exception {
                    Link link = new Link();
                    while (true) {
                      try {
                        link.reset();
                        link.connect();
                        return;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Check 4(d) across a call: a scheduled job creates a local client and passes it to an uploader in another file
   * that opens it and closes it in a finally, so the client is closed on every path (blind suite Y). An uploader
   * that opens without closing leaves every run's client live.
   */
  @Test
  void localClientOpenedAndClosedByTheHelperItIsPassedTo_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uploader.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Uploader {
                  static void upload(DeviceClient client) throws IotHubClientException {
                    try {
                      client.open(false);
                    } finally {
                      client.close();
                    }
                  }

                  static void uploadAndForget(DeviceClient client) throws IotHubClientException {
                    client.open(false);
                  }
                }
                """))
        .addSourceLines(
            "Job.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Job {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

                  void flush() {
                    DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.HTTPS);
                    try {
                      Uploader.upload(client);
                    } catch (IotHubClientException e) {
                      System.err.println(e.getMessage());
                    }
                  }

                  void flushAndForget() {
                    // FINDING: [IotHubClientReplacedWithoutClose] is not closed on every path
                    DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.HTTPS);
                    try {
                      Uploader.uploadAndForget(client);
                    } catch (IotHubClientException e) {
                      System.err.println(e.getMessage());
                    }
                  }

                  void start() {
                    scheduler.scheduleAtFixedRate(this::flush, 1, 1, TimeUnit.MINUTES);
                    scheduler.scheduleAtFixedRate(this::flushAndForget, 1, 1, TimeUnit.MINUTES);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void localClientOpenedAndClosedByTheHelperItIsPassedTo_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Job.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Job {
                  void start() {
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.HTTPS);
                          upload(client);
                        } catch (Exception e) {
                          System.err.println(e.getMessage());
                        }
                      }
                    }, 0, 60_000);
                  }

                  private static void upload(DeviceClient client) throws IOException {
                    client.open();
                    try {
                      System.out.println("sending");
                    } finally {
                      client.closeNow();
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Check 5's removal exclusion needs the removal before every close that may close the client the callback is
   * registered on: also one written through another object ({@code session.client.close()} in a shutdown hook of
   * another file, blind suite Y) and one through a local copied from the field ({@code DeviceClient toClose = client;
   * toClose.close();}, blind suite Q2). A removal on that local, or through that object, before the close still counts.
   */
  @Test
  void closesThroughAnotherObjectOrALocalCopyNeedTheRemovalToo_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Session.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Session {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final IotHubConnectionStatusChangeCallback watcher = context -> {
                    // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                    if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      executor.execute(this::reconnect);
                    }
                  };

                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(watcher, null);
                    client.open(false);
                  }

                  void reconnect() {
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                    client.setConnectionStatusChangeCallback(watcher, null);
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e.getMessage());
                    }
                  }
                }
                """))
        .addSourceLines(
            "Shutdown.java",
            lines(
                """
                class Shutdown {
                  public static void main(String[] args) throws Exception {
                    Session session = new Session();
                    session.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> session.client.close()));
                  }
                }
                """))
        .addSourceLines(
            "Wall.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Wall {
                  private DeviceClient client;

                  Wall(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.setConnectionStatusChangeCallback(context -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                  }

                  private void reconnect() {
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e.getMessage());
                    }
                  }

                  void shutdown() {
                    DeviceClient toClose = client;
                    toClose.close();
                  }
                }
                """))
        .addSourceLines(
            "Door.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Door {
                  private DeviceClient client;

                  Door(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.setConnectionStatusChangeCallback(context -> {
                      if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                  }

                  private void reconnect() {
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e.getMessage());
                    }
                  }

                  void shutdown() {
                    DeviceClient toClose = client;
                    toClose.setConnectionStatusChangeCallback(null, null);
                    toClose.close();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closeThroughALocalCopyNeedsTheRemovalToo_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Wall.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Wall {
                  private DeviceClient client;

                  void start() throws IOException {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                    client.open();
                  }

                  private void reconnect() {
                    try {
                      client.registerConnectionStatusChangeCallback(null, null);
                      client.closeNow();
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e.getMessage());
                    }
                  }

                  void shutdown() throws IOException {
                    DeviceClient toClose = client;
                    toClose.closeNow();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A {@code @Provides} (or {@code @Bean}) method that returns the implementation the container injects into it
   * ({@code LinkRecovery recovery(HttpRecovery r) { return r; }}) instantiates that class, not only its declared
   * interface (blind suite Y): the status callback's synchronous call reaches HttpRecovery's override. A class that
   * nothing creates, injects or returns stays out of reach.
   */
  @Test
  void producerMethodReturningWhatTheContainerInjects_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Annotations.java",
            lines(
                """
                @interface Provides {}
                @interface Singleton {}
                """))
        .addSourceLines(
            "LinkRecovery.java",
            lines(
                """
                interface LinkRecovery {
                  void recover();
                }
                """))
        .addSourceLines(
            "HttpRecovery.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class HttpRecovery implements LinkRecovery {
                  private final DeviceClient client;

                  HttpRecovery(DeviceClient client) {
                    this.client = client;
                  }

                  @Override
                  public void recover() {
                    // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread that delivers
                    client.close();
                    try {
                      // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e.getMessage());
                    }
                  }
                }
                """))
        .addSourceLines(
            "UnusedRecovery.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class UnusedRecovery implements LinkRecovery {
                  private DeviceClient client;

                  @Override
                  public void recover() {
                    client.close();
                  }
                }
                """))
        .addSourceLines(
            "RecoveryModule.java",
            lines(
                """
                class RecoveryModule {
                  @Provides
                  LinkRecovery httpRecovery(HttpRecovery recovery) {
                    return recovery;
                  }
                }
                """))
        .addSourceLines(
            "StatusCallback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                @Singleton
                class StatusCallback implements IotHubConnectionStatusChangeCallback {
                  private final LinkRecovery recovery;

                  StatusCallback(LinkRecovery recovery) {
                    this.recovery = recovery;
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext context) {
                    if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                      recovery.recover();
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A class marked with an annotation that itself carries a container's marker ({@code @RestController}, marked
   * {@code @Controller}, marked {@code @Component}) is created by the container too: the status callback's synchronous
   * call through the interface reaches its override. An annotation that marks only itself creates nothing.
   */
  @Test
  void classMarkedByAnAnnotationThatCarriesAContainerMarker_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Annotations.java",
            lines(
                """
                @interface Component {}
                @Component @interface Controller {}
                @Controller @interface RestController {}
                @Cyclic @interface Cyclic {}
                """))
        .addSourceLines(
            "RecoveryStrategy.java",
            lines(
                """
                interface RecoveryStrategy {
                  void recover();
                }
                """))
        .addSourceLines(
            "AdminController.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                @RestController
                class AdminController implements RecoveryStrategy {
                  private final DeviceClient client;

                  AdminController(DeviceClient client) {
                    this.client = client;
                  }

                  @Override
                  public void recover() {
                    try {
                      // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread that delivers
                      client.close();
                      // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e.getMessage());
                    }
                  }
                }
                """))
        .addSourceLines(
            "MarkedRecovery.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                @Cyclic
                class MarkedRecovery implements RecoveryStrategy {
                  private DeviceClient client;

                  @Override
                  public void recover() {
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e.getMessage());
                    }
                  }
                }
                """))
        .addSourceLines(
            "StatusBridge.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                @Component
                class StatusBridge implements IotHubConnectionStatusChangeCallback {
                  private final RecoveryStrategy strategy;

                  StatusBridge(RecoveryStrategy strategy) {
                    this.strategy = strategy;
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext context) {
                    if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                      strategy.recover();
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void classMarkedByAnAnnotationThatCarriesAContainerMarker_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Annotations.java",
            lines(
                """
                @interface Component {}
                @Component @interface Controller {}
                @Controller @interface RestController {}
                @Cyclic @interface Cyclic {}
                """))
        .addSourceLines(
            "RecoveryStrategy.java",
            lines(
                """
                interface RecoveryStrategy {
                  void recover();
                }
                """))
        .addSourceLines(
            "AdminController.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                
                @RestController
                class AdminController implements RecoveryStrategy {
                  private final DeviceClient client;

                  AdminController(DeviceClient client) {
                    this.client = client;
                  }

                  @Override
                  public void recover() {
                    try {
                      // FINDING: [IotHubReconnectOnCallbackThread] closeNow() runs on the thread that delivers
                      client.closeNow();
                      // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                      client.open();
                    } catch (java.io.IOException e) {
                      System.err.println(e.getMessage());
                    }
                  }
                }
                """))
        .addSourceLines(
            "MarkedRecovery.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                
                @Cyclic
                class MarkedRecovery implements RecoveryStrategy {
                  private DeviceClient client;

                  @Override
                  public void recover() {
                    try {
                      client.open();
                    } catch (java.io.IOException e) {
                      System.err.println(e.getMessage());
                    }
                  }
                }
                """))
        .addSourceLines(
            "StatusBridge.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                @Component
                class StatusBridge implements IotHubConnectionStatusChangeCallback {
                  private final RecoveryStrategy strategy;

                  StatusBridge(RecoveryStrategy strategy) {
                    this.strategy = strategy;
                  }

                  @Override
                  public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                    if (status == IotHubConnectionStatus.DISCONNECTED
                        && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                      strategy.recover();
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A call of an interface method whose every implementation the compilation instantiates returns a new client
   * ({@code factory.create(cs)} with only {@code FreshFactory} created) creates a client, as a call of that factory
   * itself does: its open() is exempt (b), and a put of it replaces a client. A source whose implementation returns a
   * kept client creates nothing (found by a blind suite of whole applications).
   */
  @Test
  void aFactoryCalledThroughItsInterfaceCreatesWhatItsImplementationsCreate_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Factories.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                interface ClientFactory {
                  DeviceClient create(String cs) throws Exception;
                }

                class FreshFactory implements ClientFactory {
                  @Override
                  public DeviceClient create(String cs) {
                    return new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }
                }

                class PooledFactory implements ClientFactory {
                  private DeviceClient pooled;

                  @Override
                  public DeviceClient create(String cs) {
                    return pooled;
                  }
                }

                interface ClientSource {
                  DeviceClient current();
                }

                class KeptSource implements ClientSource {
                  private final DeviceClient kept;

                  KeptSource(DeviceClient kept) {
                    this.kept = kept;
                  }

                  @Override
                  public DeviceClient current() {
                    return kept;
                  }
                }
                """))
        .addSourceLines(
            "Refresher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Map;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.ConcurrentHashMap;

                class Refresher {
                  private final ClientFactory factory = new FreshFactory();
                  private final ClientSource source = new KeptSource(null);
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
                  private final Timer timer = new Timer(true);

                  void start(String cs) {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        refresh(cs);
                      }
                    }, 0, 60_000);
                  }

                  private void refresh(String cs) {
                    try {
                      DeviceClient fresh = factory.create(cs);
                      fresh.open(false);
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      clients.put(cs, fresh);
                      DeviceClient same = source.current();
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      same.open(false);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFactoryCalledThroughItsInterfaceCreatesWhatItsImplementationsCreate_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Factories.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                interface ClientFactory {
                  DeviceClient create(String cs) throws Exception;
                }

                class FreshFactory implements ClientFactory {
                  @Override
                  public DeviceClient create(String cs) throws java.net.URISyntaxException {
                    return new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }
                }

                class PooledFactory implements ClientFactory {
                  private DeviceClient pooled;

                  @Override
                  public DeviceClient create(String cs) {
                    return pooled;
                  }
                }

                interface ClientSource {
                  DeviceClient current();
                }

                class KeptSource implements ClientSource {
                  private final DeviceClient kept;

                  KeptSource(DeviceClient kept) {
                    this.kept = kept;
                  }

                  @Override
                  public DeviceClient current() {
                    return kept;
                  }
                }
                """))
        .addSourceLines(
            "Refresher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Map;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.ConcurrentHashMap;

                class Refresher {
                  private final ClientFactory factory = new FreshFactory();
                  private final ClientSource source = new KeptSource(null);
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
                  private final Timer timer = new Timer(true);

                  void start(String cs) {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        refresh(cs);
                      }
                    }, 0, 60_000);
                  }

                  private void refresh(String cs) {
                    try {
                      DeviceClient fresh = factory.create(cs);
                      fresh.open();
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      clients.put(cs, fresh);
                      DeviceClient same = source.current();
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      same.open();
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Check 4(c) across files: a local named like a client field the class inherits from its base class (in another
   * file, two levels up too) hides that field, as one declared in the class itself does; a private field of the base
   * class is not inherited, so a local of its name hides nothing.
   */
  @Test
  void localHidingAnInheritedClientField_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "HubDevice.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                abstract class HubDevice {
                  protected DeviceClient client;
                  private DeviceClient spare;

                  public void stop() {
                    if (client != null) {
                      client.close();
                    }
                    if (spare != null) {
                      spare.close();
                    }
                  }
                }
                """))
        .addSourceLines(
            "LightingDevice.java",
            lines(
                """
                abstract class LightingDevice extends HubDevice {}
                """))
        .addSourceLines(
            "StreetLight.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class StreetLight extends LightingDevice {
                  public void start(String cs) throws IotHubClientException {
                    // FINDING: [IotHubClientReplacedWithoutClose] hides the client field 'client' (inherited from HubDevice): the field's client is never closed
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                  }

                  public void startSpare(String cs) throws IotHubClientException {
                    DeviceClient spare = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    spare.open(false);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void localHidingAnInheritedClientField_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "HubDevice.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                abstract class HubDevice {
                  protected DeviceClient client;
                  private DeviceClient spare;

                  public void stop() throws IOException {
                    if (client != null) {
                      client.closeNow();
                    }
                    if (spare != null) {
                      spare.closeNow();
                    }
                  }
                }
                """))
        .addSourceLines(
            "LightingDevice.java",
            lines(
                """
                abstract class LightingDevice extends HubDevice {}
                """))
        .addSourceLines(
            "StreetLight.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class StreetLight extends LightingDevice {
                  public void start(String cs) throws IOException, URISyntaxException {
                    // FINDING: [IotHubClientReplacedWithoutClose] hides the client field 'client' (inherited from HubDevice): the field's client is never closed
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open();
                  }

                  public void startSpare(String cs) throws IOException, URISyntaxException {
                    DeviceClient spare = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    spare.open();
                  }
                }
                """))
        .doTest();
  }
}
