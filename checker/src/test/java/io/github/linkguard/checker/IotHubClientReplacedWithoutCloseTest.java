package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

class IotHubClientReplacedWithoutCloseTest {

  /** Objects.isNull / nonNull are null checks too (found on a real Android app). */
  @Test
  void nullChecksThroughObjects_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Connection.java",
            lines(
                """
                import static java.util.Objects.isNull;

                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Objects;

                class Connection {
                  private DeviceClient client;
                  private DeviceClient other;

                  void send(String cs) {
                    new Thread(() -> {
                      try {
                        init(cs);
                        client.open();
                        other.open();
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                    }).start();
                  }

                  private void init(String cs) throws Exception {
                    if (isNull(client)) {
                      client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    }
                    if (Objects.nonNull(other)) {
                      // BUG: Diagnostic contains: A new client replaces 'other'
                      other = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    }
                    if (!Objects.nonNull(other)) {
                      return;
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A task the constructor starts once, storing the object's only client: the field cannot hold an earlier client
   * when the store runs (found on real code: a Raspberry Pi receiver and an Android Things app). Started from a
   * method that can run again, periodically, or storing in a loop, it can.
   */
  @Test
  void onlyStoreInATaskTheConstructorStartsOnce_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Receiver.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Receiver {
                  private DeviceClient client;

                  Receiver(String cs) {
                    new Thread(() -> connect(cs)).start();
                  }

                  private void connect(String cs) {
                    try {
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }

                class StartedThroughAHelper {
                  private DeviceClient client;

                  StartedThroughAHelper(String cs) {
                    initializeHub(cs);
                  }

                  private void initializeHub(String cs) {
                    new Thread(() -> {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }
                }

                class HelperAlsoCalledLater {
                  private DeviceClient client;

                  HelperAlsoCalledLater(String cs) {
                    initializeHub(cs);
                  }

                  void onReconnectPressed(String cs) {
                    initializeHub(cs);
                  }

                  private void initializeHub(String cs) {
                    new Thread(() -> {
                      try {
                        // BUG: Diagnostic contains: A new client replaces 'client'
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }
                }

                class Restartable {
                  private DeviceClient client;

                  void start(String cs) {
                    new Thread(() -> {
                      try {
                        // BUG: Diagnostic contains: A new client replaces 'client'
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }
                }

                class Periodic {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private DeviceClient client;

                  Periodic(String cs) {
                    scheduler.scheduleAtFixedRate(() -> {
                      try {
                        // BUG: Diagnostic contains: A new client replaces 'client'
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, 0, 1, TimeUnit.MINUTES);
                  }
                }

                class StoredTwice {
                  private DeviceClient client;

                  StoredTwice(String cs) {
                    new Thread(() -> {
                      try {
                        // BUG: Diagnostic contains: A new client replaces 'client'
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }

                  void reconnect(String cs) {
                    new Thread(() -> {
                      try {
                        // BUG: Diagnostic contains: A new client replaces 'client'
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void onlyStoreInATaskTheConstructorStartsOnce_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Receiver.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Receiver {
                  private DeviceClient client;

                  Receiver(String cs) {
                    new Thread() {
                      @Override
                      public void run() {
                        try {
                          client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                          client.open();
                        } catch (Exception e) {
                          System.err.println(e);
                        }
                      }
                    }.start();
                  }
                }

                class InALoop {
                  private DeviceClient client;

                  InALoop(String cs) {
                    new Thread(() -> {
                      while (true) {
                        try {
                          // BUG: Diagnostic contains: A new client replaces 'client'
                          client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                          client.open();
                          Thread.sleep(60_000);
                        } catch (Exception e) {
                          System.err.println(e);
                        }
                      }
                    }).start();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void negatives_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Safe.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.ExecutorService;

                class Safe {
                  private DeviceClient client;
                  private DeviceClient lazy;
                  private DeviceClient neverOpened;
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
                  private ExecutorService executor;

                  Safe(String cs) throws IotHubClientException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                    clients.put("first", new DeviceClient(cs, IotHubClientProtocol.MQTT));
                  }

                  void replaceAfterClosing(String cs) {
                    executor.execute(() -> {
                      if (client != null) {
                        client.close();
                      }
                      client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    });
                  }

                  void createOnlyWhenMissing(String cs) {
                    executor.execute(() -> {
                      if (lazy == null) {
                        lazy = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        try {
                          lazy.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    });
                  }

                  void notOpenedAnywhere(String cs) {
                    executor.execute(() -> neverOpened = new DeviceClient(cs, IotHubClientProtocol.MQTT));
                  }

                  void retryIsCheckTwosBusiness(String cs) throws InterruptedException {
                    while (true) {
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      try {
                        client.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void putClosingWhatItReplaces(String id, String cs) {
                    client.setMessageCallback((message, context) -> {
                      DeviceClient previous = clients.put(id, new DeviceClient(cs, IotHubClientProtocol.MQTT));
                      if (previous != null) {
                        previous.close();
                      }
                      DeviceClient old = clients.remove(id);
                      if (old != null) {
                        old.close();
                      }
                      clients.put(id, new DeviceClient(cs, IotHubClientProtocol.MQTT));
                      clients.computeIfAbsent(id, key -> new DeviceClient(cs, IotHubClientProtocol.MQTT));
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }

                  void perCallClientClosedInFinally(String cs) {
                    client.setMessageCallback((message, context) -> {
                      DeviceClient forwarder = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      try {
                        forwarder.open(false);
                        forwarder.sendEventAsync(message, null, null);
                      } catch (IotHubClientException e) {
                        return IotHubMessageResult.ABANDON;
                      } finally {
                        forwarder.close();
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }

                  void perCallClientHandedOver(String cs) {
                    executor.execute(() -> {
                      DeviceClient next = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      try {
                        next.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                      DeviceClient replaced = clients.put("next", next);
                      if (replaced != null) {
                        replaced.close();
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void positives_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Leaky.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.ExecutorService;

                class Leaky {
                  private DeviceClient client;
                  private ModuleClient module;
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
                  private ExecutorService executor;

                  void start(String cs) throws IotHubClientException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        // BUG: Diagnostic contains: A new client replaces 'client'
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      }
                    }, null);
                  }

                  void replaceAfterFailedSend(String cs) throws InterruptedException {
                    try {
                      client.sendEvent(new Message("x"));
                    } catch (IotHubClientException e) {
                      // BUG: Diagnostic contains: A new client replaces 'this.client'
                      this.client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    }
                  }

                  void edgeModule() {
                    executor.execute(() -> {
                      try {
                        // BUG: Diagnostic contains: A new client replaces 'module'
                        module = ModuleClient.createFromEnvironment(null);
                        module.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }

                  void outerVariableInALoop(String cs) throws InterruptedException {
                    DeviceClient current = null;
                    while (true) {
                      // BUG: Diagnostic contains: A new client replaces 'current'
                      current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      try {
                        current.open(false);
                        current.sendEvent(new Message("x"));
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                      Thread.sleep(60_000);
                    }
                  }

                  void putOverAnOpenClient(String id, String cs) {
                    client.setMessageCallback((message, context) -> {
                      // BUG: Diagnostic contains: put() stores a new client over the one already in the map
                      clients.put(id, new DeviceClient(cs, IotHubClientProtocol.MQTT));
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }

                  void shadowsTheField(String cs) throws IotHubClientException {
                    // BUG: Diagnostic contains: hides the client field 'client'
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                  }

                  void perCallClientNeverClosed(String cs) {
                    client.setMessageCallback((message, context) -> {
                      // BUG: Diagnostic contains: is not closed on every path
                      DeviceClient forwarder = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      try {
                        forwarder.open(false);
                        forwarder.sendEventAsync(message, null, null);
                      } catch (IotHubClientException e) {
                        return IotHubMessageResult.ABANDON;
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void identification_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Legacy.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Legacy {
                  private DeviceClient client;
                  private final Timer timer = new Timer();

                  void start(String cs) throws IOException, URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open();
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          // BUG: Diagnostic contains: A new client replaces 'client'
                          client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                          client.open();
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 60_000);
                  }

                  void perMessageWithResources(String cs) {
                    client.setMessageCallback((message, context) -> {
                      try (DeviceClient forwarder = new DeviceClient(cs, IotHubClientProtocol.MQTT)) {
                        forwarder.open();
                      } catch (IOException | URISyntaxException e) {
                        return IotHubMessageResult.ABANDON;
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }

                  void closedBeforeReplacing(String cs) {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        try {
                          client.closeNow();
                          client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void mapReplaceAndClosesThatMustPrecedeThePut_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Relays.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class Relays {
                  private DeviceClient uplink;
                  private final Map<String, DeviceClient> relays = new ConcurrentHashMap<>();
                  private final Map<String, String> keys = new ConcurrentHashMap<>();

                  void start() {
                    uplink.setMessageCallback((message, context) -> {
                      String id = new String(message.getBytes());
                      swapFast(id);
                      swapChecked(id);
                      swapClosingReturned(id);
                      swapRemovingFirst(id);
                      rekey(id, "key");
                      rekeyAlways(id, "key");
                      closeAfterThePut(id);
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }

                  void swapFast(String id) {
                    DeviceClient fresh = new DeviceClient(id, IotHubClientProtocol.AMQPS);
                    // BUG: Diagnostic contains: replace() stores a new client over the one already in the map
                    relays.replace(id, fresh);
                  }

                  void swapChecked(String id) {
                    DeviceClient fresh = new DeviceClient(id, IotHubClientProtocol.AMQPS);
                    // BUG: Diagnostic contains: Close the old client (get() or remove() it) first
                    relays.replace(id, relays.get(id), fresh);
                  }

                  void swapClosingReturned(String id) {
                    DeviceClient fresh = new DeviceClient(id, IotHubClientProtocol.AMQPS);
                    DeviceClient previous = relays.replace(id, fresh);
                    if (previous != null) {
                      previous.close();
                    }
                  }

                  void swapRemovingFirst(String id) {
                    relays.remove(id).close();
                    relays.put(id, new DeviceClient(id, IotHubClientProtocol.AMQPS));
                  }

                  void rekey(String id, String key) {
                    boolean changed = !key.equals(keys.put(id, key));
                    DeviceClient old = relays.get(id);
                    if (old != null && changed) {
                      old.close();
                    }
                    // BUG: Diagnostic contains: put() stores a new client over the one already in the map
                    relays.put(id, new DeviceClient(id, IotHubClientProtocol.AMQPS));
                  }

                  void rekeyAlways(String id, String key) {
                    keys.put(id, key);
                    DeviceClient old = relays.get(id);
                    if (old != null) {
                      old.close();
                    }
                    relays.put(id, new DeviceClient(id, IotHubClientProtocol.AMQPS));
                  }

                  void closeAfterThePut(String id) {
                    DeviceClient fresh = new DeviceClient(id, IotHubClientProtocol.AMQPS);
                    // BUG: Diagnostic contains: put() stores a new client over the one already in the map
                    relays.put(id, fresh);
                    relays.get(id).close();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closedThroughASecondReference_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;

                class Uplink {
                  private DeviceClient uplink;
                  private ExecutorService pool;

                  void start(String cs) throws IotHubClientException {
                    uplink = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    uplink.open(false);
                    pool.execute(() -> retireThenReplace(cs));
                    pool.execute(() -> replaceFirst(cs));
                  }

                  private void retireThenReplace(String cs) {
                    DeviceClient retiring = uplink;
                    retiring.close();
                    uplink = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  private void replaceFirst(String cs) {
                    DeviceClient replacement = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    // BUG: Diagnostic contains: A new client replaces 'uplink'
                    uplink = replacement;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void clientsOpenedAndKeptThroughSameClassHelpers_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Kiln.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Kiln {
                  private final String cs;
                  private final ScheduledExecutorService jobs;
                  private DeviceClient client;
                  private DeviceClient backup;
                  private DeviceClient kept;
                  private volatile boolean keepOpen;

                  Kiln(String cs, ScheduledExecutorService jobs) throws URISyntaxException, IOException {
                    this.cs = cs;
                    this.jobs = jobs;
                    this.client = connect(cs);
                    openQuietly(backup);
                    jobs.scheduleWithFixedDelay(this::renew, 6, 6, TimeUnit.HOURS);
                  }

                  /** Static: it cannot mean the field; it returns the client for the constructor to keep. */
                  private static DeviceClient connect(String cs) throws URISyntaxException, IOException {
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open();
                    return client;
                  }

                  private void openQuietly(DeviceClient target) {
                    try {
                      target.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }

                  private void renew() {
                    try {
                      // BUG: Diagnostic contains: A new client replaces 'client'
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      // BUG: Diagnostic contains: A new client replaces 'backup'
                      backup = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      heartbeat();
                      snapshot();
                      keep();
                    } catch (IOException | URISyntaxException e) {
                      System.err.println(e);
                    }
                  }

                  private void heartbeat() throws IOException, URISyntaxException {
                    // BUG: Diagnostic contains: is not closed on every path
                    DeviceClient second = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    second.open();
                    send(second);
                  }

                  private static void send(DeviceClient target) {
                    target.sendEventAsync(new Message("beat"), null, null);
                  }

                  private void snapshot() throws IOException, URISyntaxException {
                    // BUG: Diagnostic contains: is not closed on every path
                    DeviceClient uploader = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    try {
                      uploader.open();
                    } finally {
                      if (!keepOpen) {
                        uploader.closeNow();
                      }
                    }
                  }

                  private void keep() throws IOException, URISyntaxException {
                    DeviceClient spare = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    spare.open();
                    store(spare);
                  }

                  private void store(DeviceClient target) throws IOException {
                    if (kept != null) {
                      kept.closeNow();
                    }
                    kept = target;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_closesThePreviousClient_v2() {
    Sources.refactor(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addInputLines(
            "Replacer.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;

                class Replacer {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void start(String cs) throws IotHubClientException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                  }

                  void replace(String cs) {
                    executor.execute(() -> client = new DeviceClient(cs, IotHubClientProtocol.MQTT));
                    executor.execute(() -> {
                      client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    });
                  }
                }
                """))
        .addOutputLines(
            "Replacer.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;

                class Replacer {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void start(String cs) throws IotHubClientException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                  }

                  void replace(String cs) {
                    executor.execute(() -> client = new DeviceClient(cs, IotHubClientProtocol.MQTT));
                    executor.execute(() -> {
                      if (client != null) {
                        client.close();
                      }
                      client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    });
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_wrapsTheCheckedClose_v1() {
    Sources.refactor(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addInputLines(
            "Replacer.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Replacer {
                  private DeviceClient client;

                  void send(String cs, Message message) throws URISyntaxException {
                    try {
                      client.open();
                      client.sendEventAsync(message, null, null);
                    } catch (IOException e) {
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }
                  }
                }
                """))
        .addOutputLines(
            "Replacer.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Replacer {
                  private DeviceClient client;

                  void send(String cs, Message message) throws URISyntaxException {
                    try {
                      client.open();
                      client.sendEventAsync(message, null, null);
                    } catch (IOException e) {
                      if (client != null) {
                        try {
                          client.close();
                        } catch (IOException closeFailure) {
                          // the old link is being replaced anyway
                        }
                      }
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  /** "Closed on every path" includes the path where open() itself fails. */
  @Test
  void perCallClientsMustBeClosedOnTheFailurePathToo_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Probe.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Probe {
                  private ScheduledExecutorService scheduler;

                  void schedule(String cs) {
                    scheduler.scheduleAtFixedRate(() -> probeSkippingCloseOnFailure(cs), 1, 1, TimeUnit.MINUTES);
                    scheduler.scheduleAtFixedRate(() -> probeClosingInTryAndCatch(cs), 1, 1, TimeUnit.MINUTES);
                  }

                  private void probeSkippingCloseOnFailure(String cs) {
                    try {
                      // BUG: Diagnostic contains: is not closed on every path
                      DeviceClient probe = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
                      probe.open();
                      probe.sendEventAsync(new Message("ping"), null, null);
                      probe.closeNow();
                    } catch (URISyntaxException | IOException e) {
                      System.err.println(e);
                    }
                  }

                  private void probeClosingInTryAndCatch(String cs) {
                    DeviceClient probe;
                    try {
                      probe = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
                    } catch (URISyntaxException e) {
                      return;
                    }
                    try {
                      probe.open();
                      probe.closeNow();
                    } catch (IOException e) {
                      try {
                        probe.closeNow();
                      } catch (IOException ignored) {
                        // best effort
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  /** A retry elsewhere in the method does not make an unrelated replacement check 2's. */
  @Test
  void exitsThatSkipTheCloseChoicesOfConstructorsAndPutsThatReplaceNothing_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Relay.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.HashMap;
                import java.util.Map;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Relay {
                  private final Map<String, DeviceClient> clients = new HashMap<>();
                  private ScheduledExecutorService scheduler;
                  private DeviceClient primary;

                  void start(String cs) throws IOException, URISyntaxException {
                    primary = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    primary.open();
                    scheduler.scheduleAtFixedRate(() -> relay(cs, ""), 1, 1, TimeUnit.MINUTES);
                    scheduler.scheduleAtFixedRate(() -> relayAndGiveUp(cs), 1, 1, TimeUnit.MINUTES);
                    scheduler.scheduleAtFixedRate(() -> switchTransport(cs, true), 1, 1, TimeUnit.HOURS);
                    scheduler.scheduleAtFixedRate(() -> onDeviceSeen("leaf", cs), 1, 1, TimeUnit.MINUTES);
                    connectFresh(cs);
                  }

                  private boolean relay(String cs, String body) {
                    try {
                      // BUG: Diagnostic contains: is not closed on every path
                      DeviceClient leaf = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                      leaf.open();
                      if (body.isEmpty()) {
                        return false;
                      }
                      leaf.sendEventAsync(new Message(body), null, null);
                      leaf.closeNow();
                      return true;
                    } catch (IOException | URISyntaxException e) {
                      return false;
                    }
                  }

                  private void relayAndGiveUp(String cs) {
                    try {
                      // BUG: Diagnostic contains: is not closed on every path
                      DeviceClient leaf = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                      leaf.open();
                      leaf.closeNow();
                    } catch (IOException | URISyntaxException e) {
                      throw new IllegalStateException(e);
                    }
                  }

                  private void switchTransport(String cs, boolean webSockets) {
                    try {
                      // BUG: Diagnostic contains: A new client replaces 'primary'
                      primary =
                          webSockets
                              ? new DeviceClient(cs, IotHubClientProtocol.MQTT_WS)
                              : new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      primary.open();
                    } catch (IOException | URISyntaxException e) {
                      System.err.println(e);
                    }
                  }

                  private void onDeviceSeen(String id, String cs) {
                    try {
                      if (!clients.containsKey(id)) {
                        clients.put(id, new DeviceClient(cs, IotHubClientProtocol.AMQPS));
                      }
                      if (clients.get(id) == null) {
                        clients.put(id, new DeviceClient(cs, IotHubClientProtocol.AMQPS));
                      }
                      clients.get(id).open();
                      // BUG: Diagnostic contains: put() stores a new client over the one already in the map
                      clients.put(id, new DeviceClient(cs, IotHubClientProtocol.AMQPS));
                    } catch (IOException | URISyntaxException e) {
                      System.err.println(e);
                    }
                  }

                  private DeviceClient fresh;

                  // its only re-entry is its own retry, scheduled from its catch: check 2's business
                  private void connectFresh(String cs) {
                    try {
                      fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    } catch (URISyntaxException e) {
                      throw new IllegalArgumentException(e);
                    }
                    try {
                      fresh.open();
                    } catch (IOException e) {
                      scheduler.schedule(() -> connectFresh(cs), 10, TimeUnit.SECONDS);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aNullCheckedCloseThroughASecondReference_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Meter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Meter {
                  private DeviceClient client;
                  private ScheduledExecutorService scheduler;

                  void start(String cs) throws IotHubClientException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                    scheduler.scheduleAtFixedRate(() -> rotate(cs), 1, 1, TimeUnit.DAYS);
                    scheduler.scheduleAtFixedRate(() -> rotateCarelessly(cs), 1, 1, TimeUnit.DAYS);
                  }

                  private void rotate(String cs) {
                    DeviceClient old = this.client;
                    if (old != null) {
                      old.close();
                    }
                    this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  private void rotateCarelessly(String cs) {
                    DeviceClient old = this.client;
                    if (old != null) {
                      System.out.println("replacing " + old);
                    }
                    // BUG: Diagnostic contains: A new client replaces 'this.client'
                    this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aRetryInAnotherBranchDoesNotHideAReplacement_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Bridge.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Bridge {
                  private DeviceClient client;

                  void start(String cs) throws IOException, URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open();
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      try {
                        if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
                          // BUG: Diagnostic contains: A new client replaces 'client'
                          client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        } else if (status == IotHubConnectionStatus.DISCONNECTED) {
                          for (int attempt = 0; attempt < 3; attempt++) {
                            try {
                              client.open();
                              break;
                            } catch (IOException e) {
                              System.err.println(e);
                            }
                          }
                        }
                      } catch (URISyntaxException e) {
                        System.err.println(e);
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  /** A new client per attempt, created in the method a retry loop calls, is check 2's business. */
  @Test
  void creationForARetriedAttemptIsNotReported_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Attempts.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;

                class Attempts {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void reconnect(String cs) {
                    executor.execute(() -> {
                      while (true) {
                        try {
                          createAndOpen(cs);
                          return;
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    });
                  }

                  private void createAndOpen(String cs) throws IotHubClientException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                  }
                }
                """))
        .doTest();
  }

  /**
   * (d) through a helper: a local client opened by a compilation method it is passed to is "opened" as much as by
   * its own open() (found on real code: an AKS simulator whose worker loop leaves a round early on interrupt).
   */
  @Test
  void localClientOpenedThroughAHelper_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Worker.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Worker {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private volatile boolean running;

                  void start(String cs) {
                    executor.submit(() -> loop(cs));
                  }

                  private void loop(String cs) {
                    while (running) {
                      try {
                        // BUG: Diagnostic contains: is not closed on every path
                        DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        connect(client);
                        Thread.sleep(1000);
                        client.close();
                      } catch (IotHubClientException | InterruptedException e) {
                        return;
                      }
                    }
                  }

                  void closedOnEveryPath(String cs) {
                    executor.submit(() -> {
                      DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      try {
                        connect(client);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      } finally {
                        client.close();
                      }
                    });
                  }

                  void neverOpened(String cs) {
                    executor.submit(() -> {
                      DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      describe(client);
                    });
                  }

                  private void connect(DeviceClient client) throws IotHubClientException {
                    client.open(true);
                  }

                  private void describe(DeviceClient client) {
                    System.out.println(client);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void localClientOpenedThroughAHelper_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Worker.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Worker {
                  private final Timer timer = new Timer();

                  void start(String cs) {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          // BUG: Diagnostic contains: is not closed on every path
                          DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                          connect(client);
                          Thread.sleep(1000);
                          client.closeNow();
                        } catch (IOException | URISyntaxException | InterruptedException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                  }

                  private void connect(DeviceClient client) throws IOException {
                    client.open();
                  }
                }
                """))
        .doTest();
  }

  /**
   * (d) a client given to its own registration as the callback's context ({@code setConnectionStatusChangeCallback(cb,
   * client)}, the SDK samples' idiom) stays the method's: the SDK only hands it back to the callback (blind suite P).
   */
  @Test
  void aLocalClientThatIsItsOwnCallbackContextStaysLocal_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Renewer.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Renewer {
                  private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor();
                  private final String cs = System.getenv("CS");
                  private DeviceClient kept;

                  void start() {
                    renewal.scheduleAtFixedRate(this::renew, 50, 50, TimeUnit.MINUTES);
                    renewal.scheduleAtFixedRate(this::renewIntoAnother, 50, 50, TimeUnit.MINUTES);
                  }

                  private void renew() {
                    // BUG: Diagnostic contains: is not closed on every path
                    DeviceClient renewed = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    renewed.setConnectionStatusChangeCallback(ctx -> System.out.println(ctx.getNewStatus()), renewed);
                    renewed.setMessageCallback((message, context) -> IotHubMessageResult.COMPLETE, renewed);
                    try {
                      renewed.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void renewIntoAnother() {
                    DeviceClient renewed = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    kept.setConnectionStatusChangeCallback(ctx -> System.out.println(ctx.getNewStatus()), renewed);
                    try {
                      renewed.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLocalClientThatIsItsOwnCallbackContextStaysLocal_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Renewer.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Renewer {
                  private final Timer timer = new Timer();
                  private final String cs = System.getenv("CS");

                  void start() {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          // BUG: Diagnostic contains: is not closed on every path
                          DeviceClient renewed = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                          renewed.registerConnectionStatusChangeCallback(
                              (status, reason, throwable, context) -> System.out.println(status), renewed);
                          renewed.open();
                        } catch (Exception e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                  }
                }
                """))
        .doTest();
  }

  /**
   * An explicit iterator loop ({@code while (it.hasNext())}, or a {@code for} with that condition) is the enhanced
   * {@code for} written out (JLS 14.14.2): each round handles another item, so start-up code that opens one client per
   * device in it is no re-entry site. A counted loop is not this form and stays one (blind suite O).
   */
  @Test
  void anIteratorLoopHandlesOneItemPerRound_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.HashMap;
                import java.util.Iterator;
                import java.util.List;
                import java.util.Map;

                class Gateway {
                  private final Map<String, DeviceClient> clients = new HashMap<>();

                  void openWithIterator(List<String> ids) throws IotHubClientException {
                    Iterator<String> it = ids.iterator();
                    while (it.hasNext()) {
                      String id = it.next();
                      DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.AMQPS);
                      client.open(false);
                      clients.put(id, client);
                    }
                  }

                  void openWithIteratorFor(List<String> ids) throws IotHubClientException {
                    for (Iterator<String> it = ids.iterator(); it.hasNext(); ) {
                      String id = it.next();
                      DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.AMQPS);
                      client.open(false);
                      clients.put(id, client);
                    }
                  }

                  void openCounted(List<String> ids) throws IotHubClientException {
                    for (int i = 0; i < ids.size(); i++) {
                      DeviceClient client = new DeviceClient(System.getenv("CS_" + i), IotHubClientProtocol.AMQPS);
                      client.open(false);
                      // BUG: Diagnostic contains: put() stores a new client
                      clients.put(ids.get(i), client);
                    }
                  }

                  public static void main(String[] args) throws Exception {
                    Gateway gateway = new Gateway();
                    gateway.openWithIterator(List.of(args));
                    gateway.openWithIteratorFor(List.of(args));
                    gateway.openCounted(List.of(args));
                  }
                }
                """))
        .doTest();
  }

  @Test
  void anIteratorLoopHandlesOneItemPerRound_v1() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.HashMap;
                import java.util.Iterator;
                import java.util.List;
                import java.util.Map;

                class Gateway {
                  private final Map<String, DeviceClient> clients = new HashMap<>();

                  void openWithIterator(List<String> ids) throws Exception {
                    Iterator<String> it = ids.iterator();
                    while (it.hasNext()) {
                      String id = it.next();
                      DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.AMQPS);
                      client.open();
                      clients.put(id, client);
                    }
                  }

                  void openUntilStopped(List<String> ids) throws Exception {
                    Iterator<String> it = ids.iterator();
                    while (true) {
                      DeviceClient client = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.AMQPS);
                      client.open();
                      // BUG: Diagnostic contains: put() stores a new client
                      clients.put(it.next(), client);
                      Thread.sleep(60_000);
                    }
                  }

                  public static void main(String[] args) throws Exception {
                    Gateway gateway = new Gateway();
                    gateway.openWithIterator(List.of(args));
                    gateway.openUntilStopped(List.of(args));
                  }
                }
                """))
        .doTest();
  }

  /**
   * (a) after a factory whose returned local is assigned its new client in a try: every return is a new client, so
   * the call is a creation (found on real code: an Android IoT Central sample).
   */
  @Test
  void fieldReplacedByAFactoryWhoseLocalIsAssignedInATry_v2() {
    Sources.compile(IotHubClientReplacedWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Screen.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Screen {
                  private DeviceClient client;

                  void onConnectClicked(String cs) {
                    new Thread(() -> {
                      // BUG: Diagnostic contains: A new client replaces 'client'
                      client = connect(cs);
                    }).start();
                  }

                  void onOtherClicked(String cs) {
                    new Thread(() -> {
                      client = maybeConnect(cs);
                    }).start();
                  }

                  private static DeviceClient connect(String cs) {
                    DeviceClient fresh = null;
                    try {
                      fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      fresh.open(false);
                      return fresh;
                    } catch (IotHubClientException e) {
                      if (fresh != null) {
                        fresh.close();
                      }
                    }
                    throw new IllegalStateException("cannot connect");
                  }

                  /** Not a factory: one path returns what the local held before (null). */
                  private static DeviceClient maybeConnect(String cs) {
                    DeviceClient fresh = null;
                    if (cs != null) {
                      fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }
                    return fresh;
                  }
                }
                """))
        .doTest();
  }

  /**
   * Found by a blind suite written from the contract alone. (c) is about a second client hiding the field's: a local
   * that only copies the field holds the field's own client, so opening it is no finding. (d) judges a local client
   * opened in a lambda or anonymous class of its method as opened there (the lambda belongs to the method that
   * creates it, and the local is what it captures), and closed when that lambda closes it on every path.
   */
  @Test
  void aliasOfTheFieldAndALocalOpenedInItsLambda_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Relay.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Relay {
                  private DeviceClient device;
                  private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

                  void start(String cs) throws IotHubClientException {
                    device = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    device.setMessageCallback((message, context) -> {
                      sideChannel(cs);
                      sideChannelClosed(cs);
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                    connectAlias();
                  }

                  void connectAlias() throws IotHubClientException {
                    DeviceClient device = this.device;
                    device.open(false);
                  }

                  void sideChannel(String cs) {
                    // FINDING: [IotHubClientReplacedWithoutClose] is not closed on every path
                    DeviceClient side = new DeviceClient(cs + ";ModuleId=side", IotHubClientProtocol.AMQPS);
                    ses.schedule(() -> {
                      try {
                        side.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, 5, TimeUnit.SECONDS);
                  }

                  void sideChannelClosed(String cs) {
                    DeviceClient side = new DeviceClient(cs + ";ModuleId=once", IotHubClientProtocol.AMQPS);
                    ses.schedule(() -> {
                      try {
                        side.open(false);
                        side.sendEventAsync(new Message("once"), null, null);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      } finally {
                        side.close();
                      }
                    }, 5, TimeUnit.SECONDS);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aliasOfTheFieldAndALocalOpenedInItsLambda_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Relay.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Relay {
                  private DeviceClient device;
                  private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

                  void start(String cs) throws IOException, URISyntaxException {
                    device = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    device.setMessageCallback((message, context) -> {
                      try {
                        sideChannel(cs);
                      } catch (URISyntaxException e) {
                        System.err.println(e);
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                    connectAlias();
                  }

                  void connectAlias() throws IOException {
                    DeviceClient device = this.device;
                    device.open();
                  }

                  void sideChannel(String cs) throws URISyntaxException {
                    // FINDING: [IotHubClientReplacedWithoutClose] is not closed on every path
                    DeviceClient side = new DeviceClient(cs + ";ModuleId=side", IotHubClientProtocol.AMQPS);
                    ses.schedule(() -> {
                      try {
                        side.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }, 5, TimeUnit.SECONDS);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A helper that closes the field and then sets it to null (found on real code: a geo-event transport's
   * closeDeviceClient()): the caller's field then holds no open client, so the new client replaces nothing open.
   * A helper that moves the field to another client after closing it does not close what the caller holds.
   */
  @Test
  void closingHelperThatNullsTheField_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Transport.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Transport implements IotHubEventCallback {
                  private final String cs = System.getenv("CS");
                  private DeviceClient deviceClient;
                  private DeviceClient spare;

                  @Override
                  public void execute(IotHubStatusCode status, Object context) {
                    if (status != IotHubStatusCode.OK) {
                      try {
                        recreate();
                        recreateSwapped();
                      } catch (IOException | URISyntaxException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  private void recreate() throws IOException, URISyntaxException {
                    closeDeviceClient();
                    deviceClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    deviceClient.open();
                  }

                  private void closeDeviceClient() {
                    if (deviceClient != null) {
                      try {
                        deviceClient.close();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                      deviceClient = null;
                    }
                  }

                  private void recreateSwapped() throws IOException, URISyntaxException {
                    closeAndSwap();
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'spare'
                    spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    spare.open();
                  }

                  private void closeAndSwap() throws IOException {
                    spare.close();
                    spare = deviceClient;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closingHelperThatNullsTheField_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Transport.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Transport {
                  private final String cs = System.getenv("CS");
                  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                  private DeviceClient deviceClient;

                  void start() {
                    timer.scheduleWithFixedDelay(this::recreate, 0, 60, TimeUnit.SECONDS);
                  }

                  private void recreate() {
                    closeDeviceClient();
                    deviceClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    try {
                      deviceClient.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void closeDeviceClient() {
                    if (deviceClient != null) {
                      deviceClient.close();
                      deviceClient = (null);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A new client made and opened in a local, then stored in the field (found on real code: a DPS set-up that
   * publishes the client only once it opened): run again from a timer, the store leaves the previous round's open
   * client behind. Closing the field's client first is the fix.
   */
  @Test
  void newClientOpenedInALocalThenStored_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Sender.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Sender {
                  private DeviceClient deviceClient;
                  private DeviceClient backup;

                  void start() {
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          setUp();
                          setUpBackup();
                          setUpInATry();
                          reuseOrCreate(true);
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60000);
                  }

                  void setUp() throws IOException, URISyntaxException {
                    DeviceClient fresh = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.AMQPS);
                    fresh.open();
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'this.deviceClient'
                    this.deviceClient = fresh;
                  }

                  void setUpBackup() throws IOException, URISyntaxException {
                    DeviceClient fresh = new DeviceClient(System.getenv("CS2"), IotHubClientProtocol.AMQPS);
                    if (backup != null) {
                      backup.close();
                    }
                    fresh.open();
                    backup = fresh;
                  }

                  /** The client gets into the local only in the try; the catch leaves, so the store has it. */
                  void setUpInATry() throws IOException {
                    DeviceClient opened = null;
                    try {
                      opened = new DeviceClient(System.getenv("CS3"), IotHubClientProtocol.AMQPS);
                      opened.open();
                    } catch (IOException | URISyntaxException e) {
                      if (opened != null) {
                        opened.closeNow();
                      }
                      throw new IOException("cannot connect", e);
                    }
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'this.deviceClient'
                    this.deviceClient = opened;
                  }

                  /** Here the local may still hold the field's own client when it is stored: no new client. */
                  void reuseOrCreate(boolean fresh) throws IOException, URISyntaxException {
                    DeviceClient chosen = deviceClient;
                    if (fresh) {
                      chosen = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.AMQPS);
                      chosen.open();
                    }
                    this.deviceClient = chosen;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void newClientOpenedInALocalThenStored_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Sender.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Sender {
                  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                  private DeviceClient deviceClient;

                  void start() {
                    timer.scheduleWithFixedDelay(this::setUp, 0, 60, TimeUnit.SECONDS);
                    timer.scheduleWithFixedDelay(this::setUpInATry, 0, 60, TimeUnit.SECONDS);
                  }

                  void setUp() {
                    DeviceClient fresh = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.AMQPS);
                    try {
                      fresh.open(false);
                    } catch (IotHubClientException e) {
                      fresh.close();
                      return;
                    }
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'this.deviceClient'
                    this.deviceClient = fresh;
                  }

                  void setUpInATry() {
                    DeviceClient opened = null;
                    try {
                      opened = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.AMQPS);
                      opened.open(false);
                    } catch (IotHubClientException e) {
                      if (opened != null) {
                        opened.close();
                      }
                      return;
                    }
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'deviceClient'
                    deviceClient = opened;
                  }
                }
                """))
        .doTest();
  }

  /**
   * What the callers do before calling the method that replaces the client counts on every path, also one that
   * starts in a status callback (found on real code: an RFID middleware's status-callback reconnect, and an Android
   * app's connect thread): a close of the old client, or a null check that skips the call while a client exists. A
   * caller that does neither leaves the finding.
   */
  @Test
  void callersThatCloseOrNullCheckBeforeTheReplacingCall_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Link.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Link {
                  private final String cs = System.getenv("CS");
                  private DeviceClient client;
                  private DeviceClient spare;

                  void start() throws IOException, URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED
                          && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        new Thread(() -> {
                          try {
                            client.closeNow();
                            recreate();
                          } catch (IOException | URISyntaxException e) {
                            System.err.println(e);
                          }
                        }).start();
                      }
                    }, null);
                    client.open();
                  }

                  private void recreate() throws IOException, URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open();
                  }

                  void startSpare() {
                    new Thread(new Runnable() {
                      @Override
                      public void run() {
                        try {
                          if (spare == null) {
                            initSpare();
                          }
                          initSpareAgain();
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }).start();
                  }

                  private void initSpare() throws IOException, URISyntaxException {
                    spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    spare.open();
                  }

                  private void initSpareAgain() throws IOException, URISyntaxException {
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'spare'
                    spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    spare.open();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void callersThatCloseOrNullCheckBeforeTheReplacingCall_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Link.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Link {
                  private final String cs = System.getenv("CS");
                  private DeviceClient client;
                  private DeviceClient spare;

                  void start() throws IotHubClientException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                          && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        new Thread(() -> {
                          client.close();
                          recreate();
                        }).start();
                      }
                    }, null);
                    client.open(false);
                  }

                  private void recreate() {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  void startSpare() {
                    new Thread(() -> {
                      if (spare != null) {
                        return;
                      }
                      initSpare();
                    }).start();
                  }

                  private void initSpare() {
                    spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    try {
                      spare.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A local declared before a loop that keeps running, assigned a new client in every round and closed in the {@code
   * finally} of the round's {@code try} around the assignment, holds no open client when the next round assigns it
   * (real code: the SDK's end-to-end tests' connect-send-close rounds). A close after the {@code try}, which a {@code
   * continue} or an exception can skip, does not count.
   */
  @Test
  void aLocalClosedAtTheEndOfEveryRound_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Rounds.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Rounds implements Runnable {
                  private final String cs = System.getenv("CS");
                  private volatile boolean running = true;

                  @Override
                  public void run() {
                    DeviceClient client = null;
                    while (running) {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                        client.open(false);
                        client.sendEvent(new Message("round"));
                      } catch (IotHubClientException | InterruptedException e) {
                        System.out.println(e);
                      } finally {
                        try {
                          if (client != null) {
                            client.close();
                          }
                        } catch (RuntimeException e) {
                          System.out.println(e);
                        }
                      }
                    }
                  }

                  void closedAfterTheTry() throws InterruptedException {
                    DeviceClient client = null;
                    while (running) {
                      try {
                        // FINDING: [IotHubClientReplacedWithoutClose] while the old one may still be open
                        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        continue;
                      }
                      Thread.sleep(1000);
                      client.close();
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLocalClosedAtTheEndOfEveryRound_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Rounds.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Rounds implements Runnable {
                  private final String cs = System.getenv("CS");
                  private final int rounds = 3;

                  @Override
                  public void run() {
                    DeviceClient client = null;
                    for (int i = 0; i < rounds; i++) {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                        client.open();
                      } catch (Exception e) {
                        System.out.println(e);
                      } finally {
                        try {
                          if (client != null) client.closeNow();
                        } catch (Exception e) {
                          System.out.println(e);
                        }
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * The field of an object created in the same round ({@code DeviceState state = new DeviceState(); state.client = new
   * DeviceClient(...)}) holds no client before that first store, when no initializer or constructor sets it; a holder
   * looked up or kept across rounds may hold one (real code: the SDK's end-to-end tests).
   */
  @Test
  void theFieldOfAnObjectCreatedThisRoundHoldsNoClient_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Holders.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.ArrayList;
                import java.util.List;

                class Holders {
                  static class DeviceState {
                    DeviceClient client;
                  }


                  private final List<DeviceState> states = new ArrayList<>();

                  void connectAll(String[] cs) throws IotHubClientException {
                    for (int i = 0; i < cs.length; i++) {
                      DeviceState state = new DeviceState();
                      state.client = new DeviceClient(cs[i], IotHubClientProtocol.AMQPS);
                      state.client.open(false);
                      states.add(state);
                    }
                  }

                  void reconnectAll(String[] cs) throws IotHubClientException {
                    for (int i = 0; i < cs.length; i++) {
                      DeviceState state = states.get(i);
                      // FINDING: [IotHubClientReplacedWithoutClose] while the old one may still be open
                      state.client = new DeviceClient(cs[i], IotHubClientProtocol.AMQPS);
                      state.client.open(false);
                    }
                  }


                  void oneHolderForAllRounds(String[] cs) throws IotHubClientException {
                    DeviceState state = new DeviceState();
                    for (int i = 0; i < cs.length; i++) {
                      // FINDING: [IotHubClientReplacedWithoutClose] while the old one may still be open
                      state.client = new DeviceClient(cs[i], IotHubClientProtocol.AMQPS);
                      state.client.open(false);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void theFieldOfAnObjectCreatedThisRoundHoldsNoClient_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Holders.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.ArrayList;
                import java.util.List;

                class Holders {
                  static class DeviceState {
                    DeviceClient client;
                  }


                  private final List<DeviceState> states = new ArrayList<>();

                  void connectAll(String[] cs) throws Exception {
                    for (int i = 0; i < cs.length; i++) {
                      DeviceState state = new DeviceState();
                      state.client = new DeviceClient(cs[i], IotHubClientProtocol.AMQPS);
                      state.client.open();
                      states.add(state);
                    }
                  }

                  void reconnectAll(String[] cs) throws Exception {
                    for (int i = 0; i < cs.length; i++) {
                      DeviceState state = states.get(i);
                      // FINDING: [IotHubClientReplacedWithoutClose] while the old one may still be open
                      state.client = new DeviceClient(cs[i], IotHubClientProtocol.AMQPS);
                      state.client.open();
                    }
                  }


                  void oneHolderForAllRounds(String[] cs) throws Exception {
                    DeviceState state = new DeviceState();
                    for (int i = 0; i < cs.length; i++) {
                      // FINDING: [IotHubClientReplacedWithoutClose] while the old one may still be open
                      state.client = new DeviceClient(cs[i], IotHubClientProtocol.AMQPS);
                      state.client.open();
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * (d): a close after the {@code try} that opens the client, reached when the try completes and when each catch does,
   * closes it on every path, as a close in a {@code finally} does (a timer task that connects, sends and closes). A
   * catch that leaves, or a return before the close, skips it.
   */
  @Test
  void aPerCallClientClosedAfterItsTry_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uploader.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Uploader {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private final String cs = System.getenv("CS");
                  private volatile boolean paused;

                  void start() {
                    scheduler.scheduleAtFixedRate(this::closedAfterTheTry, 0, 1, TimeUnit.MINUTES);
                    scheduler.scheduleAtFixedRate(this::catchLeaves, 0, 1, TimeUnit.MINUTES);
                    scheduler.scheduleAtFixedRate(this::returnBeforeTheClose, 0, 1, TimeUnit.MINUTES);
                  }

                  private void closedAfterTheTry() {
                    DeviceClient client = newClient();
                    try {
                      client.open(false);
                      client.sendEvent(new Message("reading"));
                    } catch (IotHubClientException | InterruptedException e) {
                      System.err.println(e);
                    }
                    closeQuietly(client);
                  }

                  private void catchLeaves() {
                    // FINDING: [IotHubClientReplacedWithoutClose] is not closed on every path
                    DeviceClient client = newClient();
                    try {
                      client.open(false);
                      client.sendEvent(new Message("reading"));
                    } catch (IotHubClientException | InterruptedException e) {
                      System.err.println(e);
                      return;
                    }
                    closeQuietly(client);
                  }

                  private void returnBeforeTheClose() {
                    // FINDING: [IotHubClientReplacedWithoutClose] is not closed on every path
                    DeviceClient client = newClient();
                    try {
                      client.open(false);
                      client.sendEvent(new Message("reading"));
                    } catch (IotHubClientException | InterruptedException e) {
                      System.err.println(e);
                    }
                    if (paused) {
                      return;
                    }
                    closeQuietly(client);
                  }

                  private DeviceClient newClient() {
                    try {
                      return new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }

                  private static void closeQuietly(DeviceClient client) {
                    try {
                      client.close();
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aPerCallClientClosedAfterItsTry_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Uploader.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Uploader {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private final String cs = System.getenv("CS");
                  private volatile boolean paused;

                  void start() {
                    scheduler.scheduleAtFixedRate(this::closedAfterTheTry, 0, 1, TimeUnit.MINUTES);
                    scheduler.scheduleAtFixedRate(this::catchLeaves, 0, 1, TimeUnit.MINUTES);
                    scheduler.scheduleAtFixedRate(this::returnBeforeTheClose, 0, 1, TimeUnit.MINUTES);
                  }

                  private void closedAfterTheTry() {
                    DeviceClient client = newClient();
                    try {
                      client.open();
                      client.sendEventAsync(new Message("reading"), (status, context) -> { }, null);
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                    closeQuietly(client);
                  }

                  private void catchLeaves() {
                    // FINDING: [IotHubClientReplacedWithoutClose] is not closed on every path
                    DeviceClient client = newClient();
                    try {
                      client.open();
                      client.sendEventAsync(new Message("reading"), (status, context) -> { }, null);
                    } catch (IOException e) {
                      System.err.println(e);
                      return;
                    }
                    closeQuietly(client);
                  }

                  private void returnBeforeTheClose() {
                    // FINDING: [IotHubClientReplacedWithoutClose] is not closed on every path
                    DeviceClient client = newClient();
                    try {
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                    if (paused) {
                      return;
                    }
                    closeQuietly(client);
                  }

                  private DeviceClient newClient() {
                    try {
                      return new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }

                  private static void closeQuietly(DeviceClient client) {
                    try {
                      client.closeNow();
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A new client that reaches the field through a parameter (blind suites Y and W): a setter or swap method called
   * from re-entry code with a client the caller created there stores a new client, as {@code field = new ...} would.
   * Not when the method closes the old client first, when only start-up code passes new clients, or when the
   * argument is a client that already exists.
   */
  @Test
  void aNewClientHandedToTheMethodThatStoresIt_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "TelemetrySender.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class TelemetrySender {
                  private DeviceClient client;

                  void setClient(DeviceClient client) {
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'this.client'
                    this.client = client;
                  }
                }
                """))
        .addSourceLines(
            "MetricsSender.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class MetricsSender {
                  private DeviceClient client;
                  private DeviceClient standby;
                  private DeviceClient initial;

                  synchronized void replaceClient(DeviceClient replacement) throws IOException {
                    if (client != null) {
                      client.closeNow();
                    }
                    client = replacement;
                  }

                  void useStandby(DeviceClient existing) {
                    standby = existing;
                  }

                  void setInitial(DeviceClient first) {
                    initial = first;
                  }
                }
                """))
        .addSourceLines(
            "Rotator.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Timer;
                import java.util.TimerTask;

                class Rotator extends TimerTask {
                  private final TelemetrySender telemetry = new TelemetrySender();
                  private final MetricsSender metrics = new MetricsSender();
                  private DeviceClient spare;

                  public static void main(String[] args) throws Exception {
                    Rotator rotator = new Rotator();
                    DeviceClient first = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                    first.open();
                    rotator.metrics.setInitial(first);
                    rotator.spare = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                    rotator.spare.open();
                    new Timer().scheduleAtFixedRate(rotator, 0, 3_600_000L);
                  }

                  @Override
                  public void run() {
                    try {
                      DeviceClient rotated = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                      rotated.open();
                      telemetry.setClient(rotated);
                      DeviceClient rotatedMetrics = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                      rotatedMetrics.open();
                      metrics.replaceClient(rotatedMetrics);
                      metrics.useStandby(spare);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Swap.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Swap {
                  private DeviceClient active;

                  void start(String cs) throws Exception {
                    active = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    active.open();
                    active.setMessageCallback(
                        (message, context) -> {
                          try {
                            swapTo(new DeviceClient(new String(message.getBytes()), IotHubClientProtocol.AMQPS));
                          } catch (java.net.URISyntaxException e) {
                            return IotHubMessageResult.REJECT;
                          }
                          return IotHubMessageResult.COMPLETE;
                        },
                        null);
                  }

                  private void swapTo(DeviceClient replacement) {
                    try {
                      replacement.open();
                    } catch (IOException e) {
                      return;
                    }
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'active'
                    active = replacement;
                  }
                }
                """))
        .doTest();
  }

  /** As {@link #aNewClientHandedToTheMethodThatStoresIt_v1}, on the second generation's API. */
  @Test
  void aNewClientHandedToTheMethodThatStoresIt_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "TelemetrySender.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class TelemetrySender {
                  private DeviceClient client;

                  void setClient(DeviceClient client) {
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'this.client'
                    this.client = client;
                  }
                }
                """))
        .addSourceLines(
            "MetricsSender.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class MetricsSender {
                  private DeviceClient client;
                  private DeviceClient standby;
                  private DeviceClient initial;

                  synchronized void replaceClient(DeviceClient replacement) {
                    if (client != null) {
                      client.close();
                    }
                    client = replacement;
                  }

                  void useStandby(DeviceClient existing) {
                    standby = existing;
                  }

                  void setInitial(DeviceClient first) {
                    initial = first;
                  }
                }
                """))
        .addSourceLines(
            "Rotator.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Rotator {
                  private final TelemetrySender telemetry = new TelemetrySender();
                  private final MetricsSender metrics = new MetricsSender();
                  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                  private DeviceClient spare;

                  public static void main(String[] args) throws Exception {
                    Rotator rotator = new Rotator();
                    DeviceClient first = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                    first.open(false);
                    rotator.metrics.setInitial(first);
                    rotator.spare = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                    rotator.spare.open(false);
                    rotator.timer.scheduleAtFixedRate(rotator::rotate, 0, 1, TimeUnit.HOURS);
                  }

                  void rotate() {
                    try {
                      DeviceClient rotated = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                      rotated.open(false);
                      telemetry.setClient(rotated);
                      DeviceClient rotatedMetrics = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                      rotatedMetrics.open(false);
                      metrics.replaceClient(rotatedMetrics);
                      metrics.useStandby(spare);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Swap.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Swap {
                  private DeviceClient active;

                  void start(String cs) throws Exception {
                    active = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    active.open(false);
                    active.setMessageCallback(
                        (message, context) -> {
                          swapTo(new DeviceClient(new String(message.getBytes()), IotHubClientProtocol.AMQPS));
                          return IotHubMessageResult.COMPLETE;
                        },
                        null);
                  }

                  private void swapTo(DeviceClient replacement) {
                    try {
                      replacement.open(false);
                    } catch (IotHubClientException e) {
                      return;
                    }
                    // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'active'
                    active = replacement;
                  }
                }
                """))
        .doTest();
  }

  /**
   * {@code compute}, {@code computeIfPresent} and {@code merge} replace the client a map holds as {@code put} does
   * (blind suite Q2): reported when the function stores a new client without closing the one it replaces.
   * {@code computeIfAbsent} never replaces one, and a {@code merge} that keeps the old client stores nothing new.
   */
  @Test
  void computeAndMergeReplaceLikePut_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "BuildingGateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class BuildingGateway {
                  private final Map<String, DeviceClient> sensors = new ConcurrentHashMap<>();
                  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

                  void start() {
                    timer.scheduleWithFixedDelay(() -> refreshAll("sensor-1"), 0, 60, TimeUnit.SECONDS);
                  }

                  void refreshAll(String id) {
                    // FINDING: [IotHubClientReplacedWithoutClose] compute() stores a new client over the one already in the map … Close the old client the function is given
                    sensors.compute(id, (key, old) -> new DeviceClient(System.getenv(key), IotHubClientProtocol.MQTT));
                    // FINDING: [IotHubClientReplacedWithoutClose] computeIfPresent() stores a new client over the one already in the map
                    sensors.computeIfPresent(id, (key, old) -> {
                      return new DeviceClient(System.getenv(key), IotHubClientProtocol.MQTT);
                    });
                    sensors.compute(id, (key, old) -> {
                      if (old != null) {
                        old.close();
                      }
                      return new DeviceClient(System.getenv(key), IotHubClientProtocol.MQTT);
                    });
                    sensors.computeIfAbsent(id, key -> new DeviceClient(System.getenv(key), IotHubClientProtocol.MQTT));
                    DeviceClient fresh = new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT);
                    // FINDING: [IotHubClientReplacedWithoutClose] merge() stores a new client over the one already in the map
                    sensors.merge(id, fresh, (oldClient, newClient) -> newClient);
                    DeviceClient second = new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT);
                    sensors.merge(id, second, (oldClient, newClient) -> {
                      oldClient.close();
                      return newClient;
                    });
                    DeviceClient third = new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT);
                    sensors.merge(id, third, (oldClient, newClient) -> oldClient);
                  }
                }
                """))
        .doTest();
  }

  /**
   * Java 21's SequencedMap puts ({@code putFirst}, {@code putLast}) store over the old value like {@code put} and
   * return it: reported unless that value is closed. Runs on the JDKs that have the API (the JDK 25 leg).
   */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void sequencedMapPutsReplaceLikePut_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "FleetGateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.LinkedHashMap;
                import java.util.SequencedMap;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class FleetGateway {
                  private final SequencedMap<String, DeviceClient> recent = new LinkedHashMap<>();
                  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

                  void start() {
                    timer.scheduleWithFixedDelay(() -> refresh("sensor-1"), 0, 60, TimeUnit.SECONDS);
                  }

                  void refresh(String id) {
                    // FINDING: [IotHubClientReplacedWithoutClose] putLast() stores a new client over the one already in the map … Close the value putLast() returns
                    recent.putLast(id, new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT));
                    // FINDING: [IotHubClientReplacedWithoutClose] putFirst() stores a new client over the one already in the map
                    recent.putFirst(id, new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT));
                    DeviceClient previous = recent.putLast(id, new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT));
                    if (previous != null) {
                      previous.close();
                    }
                  }
                }
                """))
        .doTest();
  }

  /** As {@link #sequencedMapPutsReplaceLikePut_v2}, on the first generation's API. */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void sequencedMapPutsReplaceLikePut_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "FleetGateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.LinkedHashMap;
                import java.util.SequencedMap;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class FleetGateway {
                  private final SequencedMap<String, DeviceClient> recent = new LinkedHashMap<>();
                  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

                  void start() {
                    timer.scheduleWithFixedDelay(() -> refresh("sensor-1"), 0, 60, TimeUnit.SECONDS);
                  }

                  void refresh(String id) {
                    try {
                      // FINDING: [IotHubClientReplacedWithoutClose] putLast() stores a new client over the one already in the map … Close the value putLast() returns
                      recent.putLast(id, new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT));
                      // FINDING: [IotHubClientReplacedWithoutClose] putFirst() stores a new client over the one already in the map
                      recent.putFirst(id, new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT));
                      DeviceClient previous = recent.putLast(id, new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT));
                      if (previous != null) {
                        previous.closeNow();
                      }
                    } catch (IOException | java.net.URISyntaxException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /** As {@link #computeAndMergeReplaceLikePut_v2}, on the first generation's API. */
  @Test
  void computeAndMergeReplaceLikePut_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "BuildingGateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import java.net.URISyntaxException;
                import java.util.Map;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.ConcurrentHashMap;

                class BuildingGateway {
                  private final Map<String, DeviceClient> sensors = new ConcurrentHashMap<>();

                  void start() {
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        refreshAll("sensor-1");
                      }
                    }, 0, 60_000);
                  }

                  private static DeviceClient create(String id) {
                    try {
                      return new DeviceClient(System.getenv(id), IotHubClientProtocol.MQTT);
                    } catch (URISyntaxException e) {
                      throw new IllegalArgumentException(e);
                    }
                  }

                  private static void closeQuietly(DeviceClient client) {
                    try {
                      client.closeNow();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }

                  void refreshAll(String id) {
                    // FINDING: [IotHubClientReplacedWithoutClose] compute() stores a new client over the one already in the map … Close the old client the function is given
                    sensors.compute(id, (key, old) -> create(key));
                    // FINDING: [IotHubClientReplacedWithoutClose] computeIfPresent() stores a new client over the one already in the map
                    sensors.computeIfPresent(id, (key, old) -> {
                      return create(key);
                    });
                    sensors.compute(id, (key, old) -> {
                      if (old != null) {
                        closeQuietly(old);
                      }
                      return create(key);
                    });
                    sensors.computeIfAbsent(id, key -> create(key));
                    DeviceClient fresh = create(id);
                    // FINDING: [IotHubClientReplacedWithoutClose] merge() stores a new client over the one already in the map
                    sensors.merge(id, fresh, (oldClient, newClient) -> newClient);
                    DeviceClient second = create(id);
                    sensors.merge(id, second, (oldClient, newClient) -> {
                      closeQuietly(oldClient);
                      return newClient;
                    });
                    DeviceClient third = create(id);
                    sensors.merge(id, third, (oldClient, newClient) -> oldClient);
                  }
                }
                """))
        .doTest();
  }
  /**
   * A remove/get-then-close before a put protects the put only for the key it looked up: the same variable, constant
   * or expression; the value under another key is not closed.
   */
  @Test
  void aLookupAndCloseProtectsOnlyThePutOfTheSameKey_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "PumpStation.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import java.util.concurrent.ExecutorService;

                class PumpStation {
                  private static final String MAIN = "pump-main";
                  private final Map<String, DeviceClient> pumps = new ConcurrentHashMap<>();
                  private final ExecutorService worker;

                  PumpStation(ExecutorService worker) {
                    this.worker = worker;
                  }

                  void rotate(String pumpId, String cs) {
                    worker.execute(() -> {
                      DeviceClient gone = pumps.remove(pumpId);
                      if (gone != null) {
                        gone.close();
                      }
                      pumps.put(pumpId, new DeviceClient(cs, IotHubClientProtocol.MQTT));
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      pumps.put(pumpId + "-spare", new DeviceClient(cs, IotHubClientProtocol.MQTT));
                      pumps.remove(pumpId + "-backup").close();
                      pumps.put(pumpId + "-backup", new DeviceClient(cs, IotHubClientProtocol.MQTT));
                      pumps.get(MAIN).close();
                      pumps.put("pump-main", new DeviceClient(cs, IotHubClientProtocol.MQTT));
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLookupAndCloseProtectsOnlyThePutOfTheSameKey_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "PumpStation.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class PumpStation {
                  private final Map<String, DeviceClient> pumps = new ConcurrentHashMap<>();

                  void register(DeviceClient hub, String cs) {
                    hub.setMessageCallback((message, context) -> {
                      String pumpId = new String(message.getBytes());
                      try {
                        DeviceClient gone = pumps.get(pumpId);
                        if (gone != null) {
                          gone.closeNow();
                        }
                        pumps.put(pumpId, new DeviceClient(cs, IotHubClientProtocol.MQTT));
                        // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                        pumps.put("spare", new DeviceClient(cs, IotHubClientProtocol.MQTT));
                      } catch (IOException | URISyntaxException e) {
                        return IotHubMessageResult.ABANDON;
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }
                }
                """))
        .doTest();
  }
  /**
   * A local declared outside a polling loop and replaced in it: without a close of the previous client the
   * replacement is reported (a); with the close the fix of (a) inserts, each round closes what the last one made,
   * and nothing is reported, (d) included.
   */
  /**
   * A new client that reaches a map through a parameter (blind suite AD): a registry method called from re-entry
   * code with a client the caller created there puts a new client, as {@code put(id, new ...)} would. Not when the
   * method removes and closes the old value first, or when only start-up code passes new clients.
   */
  @Test
  void aNewClientHandedToTheMethodThatPutsIt_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "DeviceRegistry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.HashMap;
                import java.util.Map;

                class DeviceRegistry {
                  private final Map<String, DeviceClient> byDeviceId = new HashMap<>();
                  private final Map<String, DeviceClient> initial = new HashMap<>();

                  synchronized void register(String deviceId, DeviceClient client) {
                    // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                    byDeviceId.put(deviceId, client);
                  }

                  synchronized void replace(String deviceId, DeviceClient client) throws java.io.IOException {
                    DeviceClient previous = byDeviceId.remove(deviceId);
                    if (previous != null) {
                      previous.closeNow();
                    }
                    byDeviceId.put(deviceId, client);
                  }

                  void seed(String deviceId, DeviceClient client) {
                    initial.put(deviceId, client);
                  }
                }
                """))
        .addSourceLines(
            "Provisioner.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;

                class Provisioner implements MessageCallback {
                  private final DeviceRegistry registry = new DeviceRegistry();

                  public static void main(String[] args) throws Exception {
                    Provisioner provisioner = new Provisioner();
                    DeviceClient first = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                    provisioner.registry.seed("first", first);
                    first.setMessageCallback(provisioner, null);
                    first.open();
                  }

                  @Override
                  public IotHubMessageResult execute(Message message, Object context) {
                    String id = new String(message.getBytes(), StandardCharsets.UTF_8);
                    try {
                      DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.MQTT);
                      client.open();
                      if (id.startsWith("new-")) {
                        registry.register(id, client);
                      } else {
                        registry.replace(id, client);
                      }
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aNewClientHandedToTheMethodThatPutsIt_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "DeviceRegistry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.HashMap;
                import java.util.Map;

                class DeviceRegistry {
                  private final Map<String, DeviceClient> byDeviceId = new HashMap<>();
                  private final Map<String, DeviceClient> initial = new HashMap<>();

                  synchronized void register(String deviceId, DeviceClient client) {
                    // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                    byDeviceId.put(deviceId, client);
                  }

                  synchronized void replace(String deviceId, DeviceClient client) {
                    DeviceClient previous = byDeviceId.remove(deviceId);
                    if (previous != null) {
                      previous.close();
                    }
                    byDeviceId.put(deviceId, client);
                  }

                  void seed(String deviceId, DeviceClient client) {
                    initial.put(deviceId, client);
                  }
                }
                """))
        .addSourceLines(
            "Provisioner.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;

                class Provisioner implements MessageCallback {
                  private final DeviceRegistry registry = new DeviceRegistry();

                  public static void main(String[] args) throws Exception {
                    Provisioner provisioner = new Provisioner();
                    DeviceClient first = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                    provisioner.registry.seed("first", first);
                    first.setMessageCallback(provisioner, null);
                    first.open(false);
                  }

                  @Override
                  public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
                    String id = new String(message.getBytes(), StandardCharsets.UTF_8);
                    try {
                      DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.MQTT);
                      client.open(false);
                      if (id.startsWith("new-")) {
                        registry.register(id, client);
                      } else {
                        registry.replace(id, client);
                      }
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }
                }
                """))
        .doTest();
  }

  /**
   * A method that stores the client it is given ({@code cache.add(id, client)}), called only where the map holds nothing
   * for the key ({@code if (cache.get(id) == null)}, through a method that returns the map's lookup), replaces no
   * client, as the same check before a put in the same method does; a caller with no such check still makes it a
   * replacement (found on a public gateway connector, realcode9).
   */
  @Test
  void aClientHandedToTheMethodThatPutsItWhereTheMapHoldsNothing_v2() {
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

                  DeviceClient get(String id) {
                    return clients.get(id);
                  }

                  void add(String id, DeviceClient client) {
                    clients.put(id, client);
                  }
                }
                """))
        .addSourceLines(
            "UncheckedCache.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class UncheckedCache {
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

                  int size() {
                    return clients.size();
                  }

                  void add(String id, DeviceClient client) {
                    // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                    clients.put(id, client);
                  }
                }
                """))
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;

                class Gateway implements MessageCallback {
                  private final ClientCache cache = new ClientCache();
                  private final UncheckedCache unchecked = new UncheckedCache();

                  @Override
                  public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
                    String id = new String(message.getBytes(), StandardCharsets.UTF_8);
                    try {
                      if (cache.get(id) == null) {
                        DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.MQTT);
                        client.open(false);
                        cache.add(id, client);
                      }
                      if (unchecked.size() < 100) {
                        DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.AMQPS);
                        client.open(false);
                        unchecked.add(id, client);
                      }
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aClientHandedToTheMethodThatPutsItWhereTheMapHoldsNothing_v1() {
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

                  DeviceClient get(String id) {
                    return clients.get(id);
                  }

                  void add(String id, DeviceClient client) {
                    clients.put(id, client);
                  }
                }
                """))
        .addSourceLines(
            "UncheckedCache.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class UncheckedCache {
                  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

                  int size() {
                    return clients.size();
                  }

                  void add(String id, DeviceClient client) {
                    // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                    clients.put(id, client);
                  }
                }
                """))
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;

                class Gateway implements MessageCallback {
                  private final ClientCache cache = new ClientCache();
                  private final UncheckedCache unchecked = new UncheckedCache();

                  @Override
                  public IotHubMessageResult execute(Message message, Object context) {
                    String id = new String(message.getBytes(), StandardCharsets.UTF_8);
                    try {
                      if (cache.get(id) == null) {
                        DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.MQTT);
                        client.open();
                        cache.add(id, client);
                      }
                      if (unchecked.size() < 100) {
                        DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.AMQPS);
                        client.open();
                        unchecked.add(id, client);
                      }
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }
                }
                """))
        .doTest();
  }

  /**
   * A same-class helper that removes (or gets) and closes the value under the key it is given protects a put of the
   * key the caller passed it, as the same statements before the put do (blind suite AJ); not a put of another key.
   */
  @Test
  void aHelperThatLooksUpAndClosesTheSameKeyBeforeThePut_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "ClientPool.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.nio.charset.StandardCharsets;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class ClientPool implements MessageCallback {
                  private final Map<String, DeviceClient> byUnit = new ConcurrentHashMap<>();

                  @Override
                  public IotHubMessageResult execute(Message message, Object context) {
                    String unit = new String(message.getBytes(), StandardCharsets.UTF_8);
                    String spare = unit + "-spare";
                    try {
                      closeUnit(unit);
                      byUnit.put(unit, create(unit));
                      closeUnit(spare);
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      byUnit.put(unit + "-standby", create(unit));
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }

                  private void closeUnit(String key) throws IOException {
                    DeviceClient old = byUnit.remove(key);
                    if (old != null) {
                      old.closeNow();
                    }
                  }

                  private DeviceClient create(String unit) throws Exception {
                    return new DeviceClient(System.getenv("CS_" + unit), IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aHelperThatLooksUpAndClosesTheSameKeyBeforeThePut_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "ClientPool.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class ClientPool implements MessageCallback {
                  private final Map<String, DeviceClient> byUnit = new ConcurrentHashMap<>();

                  @Override
                  public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
                    String unit = new String(message.getBytes(), StandardCharsets.UTF_8);
                    String spare = unit + "-spare";
                    try {
                      closeUnit(unit);
                      byUnit.put(unit, create(unit));
                      closeUnit(spare);
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      byUnit.put(unit + "-standby", create(unit));
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }

                  private void closeUnit(String key) {
                    DeviceClient old = byUnit.remove(key);
                    if (old != null) {
                      old.close();
                    }
                  }

                  private DeviceClient create(String unit) {
                    return new DeviceClient(System.getenv("CS_" + unit), IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  /**
   * {@code Optional.ofNullable(map.put(k, ...)).ifPresent(DeviceClient::close)} closes the value the put returns, and
   * the same over a {@code get} of the key before the put closes the old value (blind suite AJ); another key's, or a
   * function that does not close, protects nothing.
   */
  @Test
  void closesThroughAnOptionalOfTheOldValue_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "ClientPool.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;
                import java.util.Map;
                import java.util.Optional;
                import java.util.concurrent.ConcurrentHashMap;

                class ClientPool implements MessageCallback {
                  private final Map<String, DeviceClient> byUnit = new ConcurrentHashMap<>();

                  @Override
                  public IotHubMessageResult execute(Message message, Object context) {
                    String unit = new String(message.getBytes(), StandardCharsets.UTF_8);
                    try {
                      Optional.ofNullable(byUnit.put(unit, create(unit))).ifPresent(ClientPool::closeQuietly);
                      Optional.ofNullable(byUnit.get(unit + "-b")).ifPresent(c -> closeQuietly(c));
                      byUnit.put(unit + "-b", create(unit));
                      Optional.ofNullable(byUnit.get(unit + "-c")).ifPresent(ClientPool::closeQuietly);
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      byUnit.put(unit + "-d", create(unit));
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      Optional.ofNullable(byUnit.put(unit + "-e", create(unit))).ifPresent(System.out::println);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }

                  private DeviceClient create(String unit) throws Exception {
                    return new DeviceClient(System.getenv("CS_" + unit), IotHubClientProtocol.MQTT);
                  }

                  private static void closeQuietly(DeviceClient client) {
                    try {
                      client.closeNow();
                    } catch (java.io.IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closesThroughAnOptionalOfTheOldValue_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "ClientPool.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;
                import java.util.Map;
                import java.util.Optional;
                import java.util.concurrent.ConcurrentHashMap;

                class ClientPool implements MessageCallback {
                  private final Map<String, DeviceClient> byUnit = new ConcurrentHashMap<>();

                  @Override
                  public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
                    String unit = new String(message.getBytes(), StandardCharsets.UTF_8);
                    try {
                      Optional.ofNullable(byUnit.put(unit, create(unit))).ifPresent(DeviceClient::close);
                      Optional.ofNullable(byUnit.get(unit + "-b")).ifPresent(c -> c.close());
                      byUnit.put(unit + "-b", create(unit));
                      Optional.ofNullable(byUnit.get(unit + "-c")).ifPresent(DeviceClient::close);
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      byUnit.put(unit + "-d", create(unit));
                      // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                      Optional.ofNullable(byUnit.put(unit + "-e", create(unit))).ifPresent(System.out::println);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }

                  private DeviceClient create(String unit) throws Exception {
                    return new DeviceClient(System.getenv("CS_" + unit), IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  /**
   * The statements of an old-style {@code case} run in order as a block's do: a lookup and close before the put in
   * the same case protects it (blind suite AJ).
   */
  @Test
  void aLookupAndCloseBeforeThePutInTheSameOldStyleCase_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "ClientPool.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;
                import java.util.Map;
                import java.util.Optional;
                import java.util.concurrent.ConcurrentHashMap;

                class ClientPool implements MessageCallback {
                  private final Map<String, DeviceClient> byTruck = new ConcurrentHashMap<>();

                  @Override
                  public IotHubMessageResult execute(Message message, Object context) {
                    String[] command = new String(message.getBytes(), StandardCharsets.UTF_8).split(":");
                    String truck = command[1];
                    try {
                      switch (command[0]) {
                        case "swap":
                          // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                          byTruck.put(truck, create(truck));
                          break;
                        case "swap-clean":
                          try {
                            byTruck.remove(truck).closeNow();
                          } catch (java.io.IOException e) {
                            System.err.println(e);
                          }
                          byTruck.put(truck, create(truck));
                          break;
                        case "swap-optional":
                          Optional.ofNullable(byTruck.get(truck)).ifPresent(ClientPool::closeQuietly);
                          byTruck.put(truck, create(truck));
                          break;
                        default:
                          break;
                      }
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }

                  private DeviceClient create(String truck) throws Exception {
                    return new DeviceClient(System.getenv("CS_" + truck), IotHubClientProtocol.MQTT);
                  }

                  private static void closeQuietly(DeviceClient client) {
                    try {
                      client.closeNow();
                    } catch (java.io.IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLookupAndCloseBeforeThePutInTheSameOldStyleCase_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "ClientPool.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.nio.charset.StandardCharsets;
                import java.util.Map;
                import java.util.Optional;
                import java.util.concurrent.ConcurrentHashMap;

                class ClientPool implements MessageCallback {
                  private final Map<String, DeviceClient> byTruck = new ConcurrentHashMap<>();

                  @Override
                  public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
                    String[] command = new String(message.getBytes(), StandardCharsets.UTF_8).split(":");
                    String truck = command[1];
                    try {
                      switch (command[0]) {
                        case "swap":
                          // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already in the map
                          byTruck.put(truck, create(truck));
                          break;
                        case "swap-clean":
                          byTruck.remove(truck).close();
                          byTruck.put(truck, create(truck));
                          break;
                        case "swap-optional":
                          Optional.ofNullable(byTruck.get(truck)).ifPresent(DeviceClient::close);
                          byTruck.put(truck, create(truck));
                          break;
                        default:
                          break;
                      }
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                    return IotHubMessageResult.COMPLETE;
                  }

                  private DeviceClient create(String truck) throws Exception {
                    return new DeviceClient(System.getenv("CS_" + truck), IotHubClientProtocol.MQTT);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLoopLocalReplacedAfterAClose_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "ModemLoop.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.function.BooleanSupplier;

                class ModemLoop {
                  void replaceWithoutClose(BooleanSupplier changed, String cs) throws Exception {
                    DeviceClient current = null;
                    while (true) {
                      if (changed.getAsBoolean()) {
                        // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'current'
                        current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        current.open(false);
                      }
                      Thread.sleep(1000);
                    }
                  }

                  void replaceAfterClose(BooleanSupplier changed, String cs) throws Exception {
                    DeviceClient current = null;
                    while (true) {
                      if (changed.getAsBoolean()) {
                        if (current != null) {
                          current.close();
                        }
                        current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        current.open(false);
                      }
                      Thread.sleep(1000);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLoopLocalReplacedAfterAClose_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "ModemLoop.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.function.BooleanSupplier;

                class ModemLoop {
                  void replaceAfterClose(BooleanSupplier changed, String cs) throws Exception {
                    DeviceClient current = null;
                    while (true) {
                      if (changed.getAsBoolean()) {
                        if (current != null) {
                          current.closeNow();
                        }
                        current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        current.open();
                      }
                      Thread.sleep(1000);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A client registered on a MultiplexingClient cannot be closed with close() (the SDK throws
   * UnsupportedOperationException: "Must use multiplexingClient.unregisterDeviceClient(deviceClient)");
   * unregistering it closes its device session, and its status callback gets DISCONNECTED with CLIENT_CLOSE. So an
   * unregister of the value a put replaces is the close the rule asks for.
   */
  @Test
  void unregisteredFromTheMultiplexingClientBeforeThePut_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "MeterRegistry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;

                class MeterRegistry {
                  private final Map<String, DeviceClient> meters = new ConcurrentHashMap<>();
                  private final MultiplexingClient mux =
                      new MultiplexingClient("hub.azure-devices.net", IotHubClientProtocol.AMQPS);

                  void start(DeviceClient control) {
                    control.setMessageCallback((message, context) -> {
                      String[] parts = new String(message.getBytes()).split(":", 2);
                      try {
                        swap(parts[0], parts[1]);
                        swapWithTimeout(parts[0], parts[1]);
                        swapWithoutUnregistering(parts[0], parts[1]);
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }

                  private void swap(String meterId, String connectionString) throws Exception {
                    DeviceClient previous = meters.get(meterId);
                    if (previous != null) {
                      mux.unregisterDeviceClient(previous);
                    }
                    DeviceClient replacement = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                    mux.registerDeviceClient(replacement);
                    meters.put(meterId, replacement);
                  }

                  private void swapWithTimeout(String meterId, String connectionString) throws Exception {
                    mux.unregisterDeviceClient(meters.remove(meterId), 30_000);
                    DeviceClient replacement = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                    mux.registerDeviceClient(replacement);
                    meters.put(meterId, replacement);
                  }

                  private void swapWithoutUnregistering(String meterId, String connectionString) throws Exception {
                    DeviceClient replacement = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                    mux.registerDeviceClient(replacement);
                    // FINDING: [IotHubClientReplacedWithoutClose] is closed with unregisterDeviceClient(), as its own close() throws
                    meters.put(meterId, replacement);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void unregisteredFromTheMultiplexingClientBeforeThePut_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "MeterRegistry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.Map;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.ConcurrentHashMap;

                class MeterRegistry {
                  private final Map<String, DeviceClient> meters = new ConcurrentHashMap<>();
                  private final MultiplexingClient mux =
                      new MultiplexingClient("hub.azure-devices.net", IotHubClientProtocol.AMQPS);

                  void start() {
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          swap("meter-1", System.getenv("METER_1"));
                          swapWithoutUnregistering("meter-2", System.getenv("METER_2"));
                        } catch (Exception e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 3_600_000);
                  }

                  private void swap(String meterId, String connectionString) throws Exception {
                    DeviceClient replacement = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                    mux.registerDeviceClient(replacement);
                    DeviceClient previous = meters.put(meterId, replacement);
                    if (previous != null) {
                      mux.unregisterDeviceClient(previous);
                    }
                  }

                  private void swapWithoutUnregistering(String meterId, String connectionString) throws Exception {
                    DeviceClient replacement = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                    mux.registerDeviceClient(replacement);
                    // FINDING: [IotHubClientReplacedWithoutClose] put() stores a new client over the one already
                    DeviceClient previous = meters.put(meterId, replacement);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A catch after a failed send that recreates and reopens the client, then leaves the loop whatever the open() did
   * (a break, or a continue of the outer loop),
   * makes one attempt: no retry construct (whose assignments would be IotHubOpenRetryWithoutClose's), but a re-entry
   * site whose replacement of the client is this check's (blind suite BB).
   */
  @Test
  void aLoopLeftWhateverTheReopenAfterAFailedSendDoes_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Pump.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.Message;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.List;

                class Pump {
                  private final String cs;
                  private DeviceClient client;

                  Pump(String cs) throws RuntimeException {
                    this.cs = cs;
                    this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void pump(List<String> batch) throws RuntimeException, InterruptedException {
                    while (true) {
                      for (String reading : batch) {
                        try {
                          client.sendEvent(new Message(reading));
                        } catch (IotHubClientException | InterruptedException e) {
                          // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'client'
                          client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                          try {
                            client.open(false);
                          } catch (IotHubClientException ignored) {
                            // the next batch tries again
                          }
                          break;
                        }
                      }
                      Thread.sleep(10_000L);
                    }
                  }

                  void pumpLabelled(List<String> batch) throws RuntimeException, InterruptedException {
                    batches:
                    while (true) {
                      for (String reading : batch) {
                        try {
                          client.sendEvent(new Message(reading));
                        } catch (IotHubClientException | InterruptedException e) {
                          // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'client'
                          client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                          try {
                            client.open(false);
                          } catch (IotHubClientException ignored) {
                            Thread.sleep(5_000L);
                          }
                          continue batches;
                        }
                      }
                      Thread.sleep(10_000L);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLoopLeftWhateverTheReopenAfterAFailedSendDoes_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Pump.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.Message;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.List;

                class Pump {
                  private final String cs;
                  private DeviceClient client;

                  Pump(String cs) throws URISyntaxException {
                    this.cs = cs;
                    this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void pump(List<String> batch) throws URISyntaxException, InterruptedException {
                    while (true) {
                      for (String reading : batch) {
                        try {
                          client.sendEventAsync(new Message(reading), null, null);
                        } catch (IllegalStateException e) {
                          // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'client'
                          client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                          try {
                            client.open();
                          } catch (IOException ignored) {
                            // the next batch tries again
                          }
                          break;
                        }
                      }
                      Thread.sleep(10_000L);
                    }
                  }

                  void pumpLabelled(List<String> batch) throws URISyntaxException, InterruptedException {
                    batches:
                    while (true) {
                      for (String reading : batch) {
                        try {
                          client.sendEventAsync(new Message(reading), null, null);
                        } catch (IllegalStateException e) {
                          // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'client'
                          client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                          try {
                            client.open();
                          } catch (IOException ignored) {
                            Thread.sleep(5_000L);
                          }
                          continue batches;
                        }
                      }
                      Thread.sleep(10_000L);
                    }
                  }
                }
                """))
        .doTest();
  }
}
