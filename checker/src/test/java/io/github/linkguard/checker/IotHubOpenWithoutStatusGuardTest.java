package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

class IotHubOpenWithoutStatusGuardTest {

  // ================================================================== negatives: no re-entry site

  @Test
  void startUpOpensAreNeverReported_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Device.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.List;

                class Device {
                  private final DeviceClient client;

                  Device(String cs) throws IotHubClientException {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                  }

                  public static void main(String[] args) throws IotHubClientException {
                    DeviceClient client = new DeviceClient(args[0], IotHubClientProtocol.MQTT);
                    client.open(true);
                  }

                  void openAll(List<DeviceClient> clients) throws IotHubClientException {
                    for (DeviceClient each : clients) {
                      each.open(false);
                    }
                  }

                  void start() {
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.exit(1);
                    }
                  }
                }
                """))
        .doTest();
  }

  // ================================================================== negatives: every guard form

  @Test
  void everyGuardFormInTheStatusCallback_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Guards.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import static com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus.DISCONNECTED;
                import java.util.Objects;

                class Guards {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        reopen();
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() != DISCONNECTED) {
                        return;
                      }
                      reopen();
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus())) {
                        reopen();
                      }
                      if (ctx.getNewStatus().equals(DISCONNECTED)) {
                        reopen();
                      }
                      if (Objects.equals(ctx.getNewStatus(), DISCONNECTED)) {
                        reopen();
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        case CONNECTED:
                          break;
                        case DISCONNECTED:
                          reopen();
                          break;
                        default:
                          break;
                      }
                      switch (ctx.getNewStatus()) {
                        case DISCONNECTED -> reopen();
                        case CONNECTED, DISCONNECTED_RETRYING -> {}
                      }
                      boolean reopened = switch (ctx.getNewStatus()) {
                        case DISCONNECTED -> reopen();
                        default -> false;
                      };
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      IotHubConnectionStatus status = ctx.getNewStatus();
                      if (status == DISCONNECTED
                          && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        reopen();
                      }
                      if (status != DISCONNECTED
                          || ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        return;
                      }
                      reopen();
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      boolean disconnected = ctx.getNewStatus() == DISCONNECTED;
                      if (disconnected) {
                        reopen();
                      }
                      if (isTerminal(ctx)) {
                        reopen();
                      }
                    }, null);
                  }

                  private static boolean isTerminal(ConnectionStatusChangeContext ctx) {
                    return ctx.getNewStatus() == DISCONNECTED;
                  }

                  // Every same-class call is dominated by a guard, so this method is guarded itself.
                  private boolean reopen() {
                    try {
                      client.open(false);
                      return true;
                    } catch (IotHubClientException e) {
                      return false;
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void trackedStateAndStatusFieldsGuardHandOffs_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Tracked.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;
                import java.util.concurrent.atomic.AtomicBoolean;

                class Tracked {
                  enum LinkState { UP, CONNECTING, DOWN }

                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
                  private volatile boolean connected;
                  private final AtomicBoolean online = new AtomicBoolean();
                  private volatile LinkState state = LinkState.DOWN;
                  private ExecutorService executor;
                  private ScheduledExecutorService scheduler;
                  private final Timer timer = new Timer();

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      lastStatus = ctx.getNewStatus();
                      connected = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
                      online.set(ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED);
                      if (ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED) {
                        state = LinkState.UP;
                      } else {
                        state = LinkState.DOWN;
                      }
                    }, null);
                  }

                  void watchdogs() {
                    executor.submit(() -> {
                      if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                        client.open(false);
                      }
                      return null;
                    });
                    scheduler.scheduleAtFixedRate(() -> {
                      if (!connected) {
                        openQuietly();
                      }
                    }, 1, 1, TimeUnit.MINUTES);
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        if (!online.get()) {
                          openQuietly();
                        }
                      }
                    }, 1000);
                    new Thread(() -> {
                      while (state == LinkState.DOWN) {
                        openQuietly();
                      }
                    }).start();
                    new Thread(() -> {
                      if (getLastStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        openQuietly();
                      }
                    }).start();
                    if (isDown()) {
                      executor.execute(this::openQuietly);
                    }
                  }

                  private IotHubConnectionStatus getLastStatus() {
                    return lastStatus;
                  }

                  private boolean isDown() {
                    return state != LinkState.UP;
                  }

                  private void openQuietly() {
                    try {
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
  void waitLoopsGuardMethodsAndWhatTrackedValuesMean_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Meanings.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Meanings {
                  enum Link { ONLINE, OFFLINE }

                  enum Phase { ONLINE, RECONNECTING, OFFLINE }

                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
                  private volatile boolean callbackSeen;
                  private volatile Link link = Link.OFFLINE;
                  private volatile Phase phase = Phase.OFFLINE;
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      status = ctx.getNewStatus();
                      callbackSeen = true;
                      switch (ctx.getNewStatus()) {
                        case CONNECTED -> {
                          link = Link.ONLINE;
                          phase = Phase.ONLINE;
                        }
                        case DISCONNECTED_RETRYING -> phase = Phase.RECONNECTING;
                        case DISCONNECTED -> {
                          link = Link.OFFLINE;
                          phase = Phase.OFFLINE;
                        }
                      }
                    }, null);
                  }

                  void workers() {
                    executor.execute(() -> {
                      while (status != IotHubConnectionStatus.DISCONNECTED) {
                        pause();
                      }
                      openQuietly();
                    });
                    executor.execute(() -> {
                      if (linkLost()) {
                        openQuietly();
                      }
                    });
                    executor.execute(() -> {
                      if (callbackSeen) {
                        try {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          client.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    });
                    executor.execute(() -> {
                      if (link != Link.ONLINE) {
                        openQuietly();
                      }
                    });
                    executor.execute(() -> {
                      if (phase != Phase.ONLINE) {
                        try {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          client.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    });
                  }

                  /** More than a getter: still a guard, since the value it returns is one. */
                  private boolean linkLost() {
                    IotHubConnectionStatus seen = status;
                    System.out.println("link is " + seen);
                    if (seen == null) {
                      return false;
                    }
                    return seen == IotHubConnectionStatus.DISCONNECTED;
                  }

                  private static void pause() {
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }

                  private void openQuietly() {
                    try {
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
  void closeThenReopenAndFreshClientsAreExemptOutsideCallbacks_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Manager.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Manager {
                  private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final Object lock = new Object();
                  private ExecutorService executor;

                  void run() throws InterruptedException {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                          && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        synchronized (lock) {
                          lock.notify();
                        }
                      }
                    }, null);
                    while (true) {
                      reopenWithRetry();
                      synchronized (lock) {
                        lock.wait();
                      }
                    }
                  }

                  private void reopenWithRetry() throws InterruptedException {
                    while (true) {
                      try {
                        client.close();
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void onSendFailure() {
                    executor.execute(() -> {
                      if (client != null) {
                        client.close();
                      }
                      try {
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                    executor.execute(() -> {
                      try {
                        DeviceClient fresh = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                        fresh.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void configuredGuardMethod_v2() {
    Sources.compile(
            IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass(),
            "-XepOpt:IotHub:GuardMethods=com.acme.Link#isDisconnected")
        .addSourceLines(
            "com/acme/Link.java",
            lines(
                """
                package com.acme;

                public interface Link {
                  boolean isDisconnected();
                }
                """))
        .addSourceLines(
            "Watchdog.java",
            lines(
                """
                import com.acme.Link;
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;

                class Watchdog {
                  private DeviceClient client;
                  private Link link;
                  private ExecutorService executor;

                  void watch() {
                    executor.execute(() -> {
                      try {
                        if (link.isDisconnected()) {
                          client.open(false);
                        }
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  // ================================================================== positives: every re-entry form

  @Test
  void everyReentryFormWithoutAGuard_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "android/os/Handler.java",
            lines(
                """
                package android.os;

                public class Handler {
                  public final boolean post(Runnable r) {
                    return true;
                  }
                }
                """))
        .addSourceLines(
            "Reentry.java",
            lines(
                """
                import android.os.Handler;
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Reentry {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;
                  private ScheduledExecutorService scheduler;
                  private Handler handler;
                  private volatile boolean running = true;

                  void lambdaCallback() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, null);
                  }

                  void anonymousCallback() {
                    client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
                      @Override
                      public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                        try {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          client.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                  }

                  void methodReferenceCallback() {
                    client.setConnectionStatusChangeCallback(this::onStatus, null);
                  }

                  // != CONNECTED admits DISCONNECTED_RETRYING: not a guard
                  private void onStatus(ConnectionStatusChangeContext ctx) {
                    if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                      reconnect();
                    }
                  }

                  private void reconnect() {
                    try {
                      client.close();
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  void otherSdkCallback() {
                    client.setMessageCallback((message, context) -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        return IotHubMessageResult.ABANDON;
                      }
                      return IotHubMessageResult.COMPLETE;
                    }, null);
                  }

                  void catchAfterAFailedSend(Message message) throws IotHubClientException, InterruptedException {
                    try {
                      client.sendEvent(message);
                    } catch (IllegalStateException e) {
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open(false);
                    }
                  }

                  void loopThatKeepsRunning() throws IotHubClientException, InterruptedException {
                    while (running) {
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open(false);
                      client.sendEvent(new Message("telemetry"));
                      Thread.sleep(10_000);
                    }
                  }

                  void handOffs() {
                    executor.submit(() -> {
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open(false);
                      return null;
                    });
                    scheduler.schedule(this::scheduledReopen, 5, TimeUnit.SECONDS);
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          client.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, 1000);
                    new Thread(() -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }).start();
                    CompletableFuture.runAsync(() -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                    handler.post(() -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }

                  private void scheduledReopen() {
                    try {
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  // a guard on another branch only does not dominate the open()
                  void guardOnAnotherBranch() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        System.out.println("lost the link");
                      } else {
                        try {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          client.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                  }

                  // a case that also admits DISCONNECTED_RETRYING is not a guard
                  void retryingCase() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        case DISCONNECTED_RETRYING, DISCONNECTED -> {
                          try {
                            // BUG: Diagnostic contains: open() here can run while the SDK still owns
                            client.open(false);
                          } catch (IotHubClientException e) {
                            System.err.println(e);
                          }
                        }
                        default -> {}
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  // ================================================================== 1.x

  @Test
  void identification_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Legacy.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Legacy implements IotHubConnectionStatusChangeCallback {
                  private DeviceClient client;

                  void start() throws IOException {
                    client.registerConnectionStatusChangeCallback(this, null);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        reopen();
                      }
                    }, null);
                    client.registerConnectionStatusChangeCallback(new Watcher(), null);
                    client.open();
                  }

                  @Override
                  public void execute(
                      IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
                      Object context) {
                    if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  private void reopen() {
                    try {
                      client.closeNow();
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }

                  class Watcher implements IotHubConnectionStatusChangeCallback {
                    @Override
                    public void execute(
                        IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
                        Object context) {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(true);
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  // a try-with-resources resource is a fresh client, created before the open() on every path
                  void diagnosticsTask(String cs, java.util.Timer timer) {
                    timer.schedule(new java.util.TimerTask() {
                      @Override
                      public void run() {
                        try (DeviceClient diagnostics = new DeviceClient(cs, IotHubClientProtocol.HTTPS)) {
                          diagnostics.open();
                        } catch (IOException | java.net.URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 1000);
                  }

                  void sendFailed(Message message) {
                    client.sendEventAsync(message, (responseStatus, callbackContext) -> {
                      if (responseStatus != IotHubStatusCode.OK_EMPTY) {
                        try {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          client.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  // ================================================================== replacement

  @Test
  void guardsByEliminationAndOpensOfAnInstanceOpenedBefore_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Elimination.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Elimination {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void register() {
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, context) -> {
                          if (status != IotHubConnectionStatus.CONNECTED
                              && status != IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                            executor.submit(this::openAfterElimination);
                          }
                          if (status == IotHubConnectionStatus.CONNECTED) {
                            return;
                          }
                          if (IotHubConnectionStatus.DISCONNECTED_RETRYING.equals(status)) {
                            return;
                          }
                          executor.submit(this::openAfterEarlyExits);
                        },
                        null);
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, context) -> {
                          if (status != IotHubConnectionStatus.CONNECTED) {
                            executor.submit(this::openAgain);
                          }
                        },
                        null);
                  }

                  private void openAfterElimination() {
                    try {
                      client.open();
                    } catch (IOException e) {
                      // the next status change decides
                    }
                  }

                  private void openAfterEarlyExits() {
                    try {
                      client.open();
                    } catch (IOException e) {
                      // the next status change decides
                    }
                  }

                  private void openAgain() {
                    try {
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open();
                    } catch (IOException e) {
                      // logged elsewhere
                    }
                  }

                  void publishForever(String cs) throws Exception {
                    DeviceClient publisher = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    publisher.open();
                    while (true) {
                      try {
                        publisher.sendEventAsync(new Message("x"), null, null);
                      } catch (IllegalStateException e) {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        publisher.open();
                      }
                      Thread.sleep(2000);
                    }
                  }

                  void publishWithAFreshClientPerRound(String cs, boolean webSockets) throws Exception {
                    while (true) {
                      DeviceClient publisher =
                          webSockets
                              ? new DeviceClient(cs, IotHubClientProtocol.MQTT_WS)
                              : new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      publisher.open();
                      publisher.sendEventAsync(new Message("x"), null, null);
                      publisher.closeNow();
                      Thread.sleep(2000);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void switchesThatLeaveOnTheOtherStatusesAndMappedTrackedState_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Switches.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Switches {
                  enum Link { UP, RECOVERING, DOWN }

                  private DeviceClient client;
                  private volatile IotHubConnectionStatus current;
                  private volatile Link link = Link.DOWN;
                  private final Timer timer = new Timer(true);

                  void register() {
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, context) -> {
                          current = status;
                          link = toLink(status);
                        },
                        null);
                    client.setMessageCallback(
                        (message, context) -> {
                          switch (current) {
                            case CONNECTED:
                              return IotHubMessageResult.COMPLETE;
                            case DISCONNECTED_RETRYING:
                              return IotHubMessageResult.ABANDON;
                            case DISCONNECTED:
                              break;
                          }
                          openQuietly();
                          return IotHubMessageResult.COMPLETE;
                        },
                        null);
                    timer.schedule(
                        new TimerTask() {
                          @Override
                          public void run() {
                            if (link != Link.UP) {
                              try {
                                // BUG: Diagnostic contains: open() here can run while the SDK still owns
                                client.open();
                              } catch (IOException e) {
                                System.err.println(e);
                              }
                            }
                            if (link == Link.DOWN) {
                              openQuietly();
                            }
                          }
                        },
                        60_000,
                        60_000);
                  }

                  private static Link toLink(IotHubConnectionStatus status) {
                    switch (status) {
                      case CONNECTED:
                        return Link.UP;
                      case DISCONNECTED_RETRYING:
                        return Link.RECOVERING;
                      default:
                        return Link.DOWN;
                    }
                  }

                  private void openQuietly() {
                    try {
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }

                  void dutyCycle(String cs) throws Exception {
                    DeviceClient sensor = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    while (true) {
                      sensor.open();
                      try {
                        sensor.sendEventAsync(new Message("reading"), null, null);
                      } finally {
                        sensor.closeNow();
                      }
                      Thread.sleep(60_000);
                    }
                  }

                  void createOrCycle(String cs) throws Exception {
                    while (true) {
                      if (client == null) {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      } else {
                        client.closeNow();
                      }
                      client.open();
                      Thread.sleep(60_000);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aBooleanFromASwitchExpressionOnTheStatus_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Dispatcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Dispatcher {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus status;
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> status = ctx.getNewStatus(), null);
                    executor.submit(this::reconnectIfDown);
                    executor.submit(this::reconnectUnlessUp);
                  }

                  private void reconnectIfDown() {
                    boolean linkDown =
                        switch (status) {
                          case DISCONNECTED -> true;
                          case CONNECTED, DISCONNECTED_RETRYING -> false;
                        };
                    if (linkDown) {
                      openQuietly();
                    }
                  }

                  private void reconnectUnlessUp() {
                    boolean linkDown =
                        switch (status) {
                          case CONNECTED -> false;
                          default -> true;
                        };
                    if (linkDown) {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  private void openQuietly() {
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Tracked state assigned from a switch expression whose arms are blocks that {@code yield}: the value a block
   * yields means what its case label says ({@code DEGRADED} only while the SDK retries: no guard; {@code LOST} only
   * on DISCONNECTED: a guard), as for an arm that is an expression (blind suite AG).
   */
  /**
   * A tracked boolean the status callback sets through a setter ({@code setLinkUp(status == CONNECTED)} with {@code
   * linkUp = up}) means what the callback passes: {@code !linkUp} is a DISCONNECTED guard, whatever the field's name
   * (found by a blind suite on status tracking). A flag passed {@code status == DISCONNECTED_RETRYING} is no guard.
   */
  @Test
  void aBooleanTheCallbackSetsThroughASetter_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.Timer;
                import java.util.TimerTask;

                class Uplink {
                  private final Timer timer = new Timer(true);
                  private DeviceClient client;
                  private volatile boolean linkUp;
                  private volatile boolean busy;

                  void start() {
                    client.setConnectionStatusChangeCallback(
                        context -> {
                          setLinkUp(context.getNewStatus() == IotHubConnectionStatus.CONNECTED);
                          setBusy(context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING);
                        },
                        null);
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          if (!linkUp) {
                            client.open(false);
                          }
                          if (!busy) {
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            client.open(false);
                          }
                        } catch (IotHubClientException e) {
                          System.err.println(e.getMessage());
                        }
                      }
                    }, 0, 30_000);
                  }

                  private void setLinkUp(boolean up) {
                    this.linkUp = up;
                  }

                  private void setBusy(boolean value) {
                    this.busy = value;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aBooleanTheCallbackSetsThroughASetter_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.Timer;
                import java.util.TimerTask;

                class Uplink {
                  private final Timer timer = new Timer(true);
                  private DeviceClient client;
                  private volatile boolean linkUp;
                  private volatile boolean busy;

                  void start() {
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, context) -> {
                          setLinkUp(status == IotHubConnectionStatus.CONNECTED);
                          setBusy(status == IotHubConnectionStatus.DISCONNECTED_RETRYING);
                        },
                        null);
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          if (!linkUp) {
                            client.open();
                          }
                          if (!busy) {
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            client.open();
                          }
                        } catch (java.io.IOException e) {
                          System.err.println(e.getMessage());
                        }
                      }
                    }, 0, 30_000);
                  }

                  private void setLinkUp(boolean up) {
                    this.linkUp = up;
                  }

                  private void setBusy(boolean value) {
                    this.busy = value;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void trackedStateYieldedByASwitchBlock_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Monitor.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Monitor {
                  enum LinkHealth { HEALTHY, DEGRADED, LOST }

                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final DeviceClient spare = new DeviceClient("cs2", IotHubClientProtocol.MQTT);
                  private volatile LinkHealth health = LinkHealth.LOST;
                  private volatile LinkHealth spareHealth = LinkHealth.LOST;
                  private ScheduledExecutorService watchdog;

                  void start() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      health = switch (ctx.getNewStatus()) {
                        case CONNECTED -> LinkHealth.HEALTHY;
                        case DISCONNECTED_RETRYING -> {
                          System.out.println("retrying");
                          yield LinkHealth.DEGRADED;
                        }
                        case DISCONNECTED -> LinkHealth.LOST;
                      };
                    }, null);
                    spare.setConnectionStatusChangeCallback(ctx -> {
                      spareHealth = switch (ctx.getNewStatus()) {
                        case CONNECTED -> LinkHealth.HEALTHY;
                        case DISCONNECTED_RETRYING -> LinkHealth.DEGRADED;
                        case DISCONNECTED -> {
                          System.out.println("lost");
                          yield LinkHealth.LOST;
                        }
                      };
                    }, null);
                    watchdog.scheduleAtFixedRate(() -> {
                      if (health == LinkHealth.DEGRADED) {
                        kick();
                      }
                      if (spareHealth == LinkHealth.LOST) {
                        kickSpare();
                      }
                    }, 1, 1, TimeUnit.MINUTES);
                  }

                  private void kick() {
                    try {
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void kickSpare() {
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

  @Test
  void trackedStateYieldedByASwitchBlock_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Monitor.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Monitor {
                  enum LinkHealth { HEALTHY, DEGRADED, LOST }

                  private final DeviceClient client = newClient("cs");
                  private final DeviceClient spare = newClient("cs2");
                  private volatile LinkHealth health = LinkHealth.LOST;
                  private volatile LinkHealth spareHealth = LinkHealth.LOST;
                  private ScheduledExecutorService watchdog;

                  private static DeviceClient newClient(String cs) {
                    try {
                      return new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    } catch (java.net.URISyntaxException e) {
                      throw new IllegalArgumentException(e);
                    }
                  }

                  void start() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                      health = switch (status) {
                        case CONNECTED -> LinkHealth.HEALTHY;
                        case DISCONNECTED_RETRYING -> {
                          System.out.println("retrying");
                          yield LinkHealth.DEGRADED;
                        }
                        case DISCONNECTED -> LinkHealth.LOST;
                      };
                    }, null);
                    spare.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                      spareHealth = switch (status) {
                        case CONNECTED -> LinkHealth.HEALTHY;
                        case DISCONNECTED_RETRYING -> LinkHealth.DEGRADED;
                        case DISCONNECTED -> {
                          System.out.println("lost");
                          yield LinkHealth.LOST;
                        }
                      };
                    }, null);
                    watchdog.scheduleAtFixedRate(() -> {
                      if (health == LinkHealth.DEGRADED) {
                        kick();
                      }
                      if (spareHealth == LinkHealth.LOST) {
                        kickSpare();
                      }
                    }, 1, 1, TimeUnit.MINUTES);
                  }

                  private void kick() {
                    try {
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }

                  private void kickSpare() {
                    try {
                      spare.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void waitLoopsInATryAndClientsHeldByAnEnumSingleton_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Waiter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.locks.Condition;
                import java.util.concurrent.locks.ReentrantLock;

                class Waiter {
                  enum Hub {
                    INSTANCE;
                    volatile DeviceClient client;
                  }

                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final ReentrantLock lock = new ReentrantLock();
                  private final Condition changed = lock.newCondition();
                  private volatile IotHubConnectionStatus lastStatus;
                  private ExecutorService executor;

                  void start() {
                    executor.submit(this::manage);
                    executor.submit(this::manageCarelessly);
                    executor.submit(this::bounceHub);
                  }

                  private void manage() {
                    lock.lock();
                    try {
                      while (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                        changed.await();
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    } finally {
                      lock.unlock();
                    }
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void manageCarelessly() {
                    lock.lock();
                    try {
                      while (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                        changed.await();
                      }
                    } catch (InterruptedException e) {
                      System.err.println("interrupted, reconnecting anyway");
                    } finally {
                      lock.unlock();
                    }
                    try {
                      // BUG: Diagnostic contains: open() here can run while the SDK still owns
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void bounceHub() {
                    try {
                      Hub.INSTANCE.client.close();
                      Hub.INSTANCE.client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aReturnedTaskRunsWhereTheCallerHandsItOff_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Tasks.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;
                import java.util.function.Supplier;

                class Tasks {
                  private final DeviceClient client;
                  private final ScheduledExecutorService ses;

                  Tasks(DeviceClient client, ScheduledExecutorService ses) {
                    this.client = client;
                    this.ses = ses;
                    ses.scheduleWithFixedDelay(naiveFactory().get(), 30, 30, TimeUnit.SECONDS);
                  }

                  private Supplier<Runnable> naiveFactory() {
                    return () -> () -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                  }

                  private Runnable unusedFactory() {
                    return () -> {
                      try {
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                  }
                }
                """))
        .doTest();
  }

  /**
   * A local that hides the status field the fix reads ({@code String status = "sending";}) makes the fix qualify the
   * field; unqualified, the guard compared a String with the enum and did not compile (found by a blind suite on
   * fixes).
   */
  @Test
  void replacement_qualifiesTheStatusFieldWhereALocalHidesIt_v2() {
    Sources.refactor(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addInputLines(
            "Telemetry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Telemetry {
                  private DeviceClient client;
                  private volatile IotHubConnectionStatus status;

                  void start() {
                    client.setConnectionStatusChangeCallback(context -> status = context.getNewStatus(), null);
                  }

                  void send(String payload) {
                    String status = "sending";
                    try {
                      client.sendEvent(new Message(payload));
                    } catch (IotHubClientException | InterruptedException e) {
                      status = "reopening";
                      System.out.println(status);
                      try {
                        client.open(false);
                      } catch (IotHubClientException again) {
                        System.err.println(again);
                      }
                    }
                  }
                }
                """))
        .addOutputLines(
            "Telemetry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Telemetry {
                  private DeviceClient client;
                  private volatile IotHubConnectionStatus status;

                  void start() {
                    client.setConnectionStatusChangeCallback(context -> status = context.getNewStatus(), null);
                  }

                  void send(String payload) {
                    String status = "sending";
                    try {
                      client.sendEvent(new Message(payload));
                    } catch (IotHubClientException | InterruptedException e) {
                      status = "reopening";
                      System.out.println(status);
                      try {
                        if (Telemetry.this.status == IotHubConnectionStatus.DISCONNECTED) {
                          client.open(false);
                        }
                      } catch (IotHubClientException again) {
                        System.err.println(again);
                      }
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_qualifiesTheStatusFieldWhereALocalHidesIt_v1() {
    Sources.refactor(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addInputLines(
            "Telemetry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Telemetry {
                  private DeviceClient client;
                  private volatile IotHubConnectionStatus status;

                  void start() {
                    client.registerConnectionStatusChangeCallback((s, reason, cause, context) -> status = s, null);
                  }

                  void send(String payload) {
                    String status = "sending";
                    try {
                      client.sendEventAsync(new Message(payload), null, null);
                    } catch (IllegalStateException e) {
                      status = "reopening";
                      System.out.println(status);
                      try {
                        client.open();
                      } catch (java.io.IOException again) {
                        System.err.println(again);
                      }
                    }
                  }
                }
                """))
        .addOutputLines(
            "Telemetry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Telemetry {
                  private DeviceClient client;
                  private volatile IotHubConnectionStatus status;

                  void start() {
                    client.registerConnectionStatusChangeCallback((s, reason, cause, context) -> status = s, null);
                  }

                  void send(String payload) {
                    String status = "sending";
                    try {
                      client.sendEventAsync(new Message(payload), null, null);
                    } catch (IllegalStateException e) {
                      status = "reopening";
                      System.out.println(status);
                      try {
                        if (Telemetry.this.status == IotHubConnectionStatus.DISCONNECTED) {
                          client.open();
                        }
                      } catch (java.io.IOException again) {
                        System.err.println(again);
                      }
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * A callback that reassigns its status parameter cannot lend it to a task it hands off (a lambda captures only
   * effectively final variables): the open() there is reported without a fix (found by a blind suite on fixes).
   */
  @Test
  void noFixWhereTheCallbackReassignsTheParameterATaskWouldCapture_v1() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Reassigning.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Reassigning implements IotHubConnectionStatusChangeCallback {
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();
                  private DeviceClient client;

                  @Override
                  public void execute(
                      IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object o) {
                    if (status == null) {
                      status = IotHubConnectionStatus.DISCONNECTED;
                    }
                    pool.execute(() -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open();
                      } catch (java.io.IOException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void noFixWhereTheCallbackReassignsTheParameterATaskWouldCapture_v2() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Reassigning.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Reassigning implements IotHubConnectionStatusChangeCallback {
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();
                  private DeviceClient client;
                  private ConnectionStatusChangeContext last;

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext context) {
                    if (context == null) {
                      context = last;
                    }
                    pool.execute(() -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_wrapsWithTheCallbacksOwnStatusAndReason_v2() {
    Sources.refactor(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addInputLines(
            "Callback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Callback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register(boolean eager) {
                    client.setConnectionStatusChangeCallback(context -> {
                      new Thread(() -> {
                        try {
                          client.open(false);
                          if (eager) client.open(true);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }).start();
                    }, null);
                  }
                }
                """))
        .addOutputLines(
            "Callback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Callback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register(boolean eager) {
                    client.setConnectionStatusChangeCallback(context -> {
                      new Thread(() -> {
                        try {
                          if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                              && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            client.open(false);
                          }
                          if (eager) {
                            if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                                && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                              client.open(true);
                            }
                          }
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }).start();
                    }, null);
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_wrapsWithTheStatusParameter_v1() {
    Sources.refactor(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addInputLines(
            "Callback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Callback {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      executor.execute(() -> {
                        try {
                          client.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      });
                    }, null);
                  }
                }
                """))
        .addOutputLines(
            "Callback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Callback {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      executor.execute(() -> {
                        try {
                          if (status == IotHubConnectionStatus.DISCONNECTED
                              && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            client.open();
                          }
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      });
                    }, null);
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * The close of the same client right before the open() goes inside the guard with it: wrapping only the open()
   * would leave a task that closes the client on DISCONNECTED_RETRYING and never reopens it (blind suite AH).
   */
  @Test
  void replacement_wrapsTheCloseBeforeTheOpenToo_v1() {
    Sources.refactor(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addInputLines(
            "Conveyor.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Conveyor {
                  private DeviceClient client;
                  private ExecutorService worker;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      worker.execute(() -> {
                        try {
                          client.closeNow();
                          client.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      });
                    }, null);
                  }
                }
                """))
        .addOutputLines(
            "Conveyor.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Conveyor {
                  private DeviceClient client;
                  private ExecutorService worker;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      worker.execute(() -> {
                        try {
                          if (status == IotHubConnectionStatus.DISCONNECTED
                              && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            client.closeNow();
                            client.open();
                          }
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      });
                    }, null);
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_wrapsTheCloseBeforeTheOpenToo_v2() {
    Sources.refactor(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addInputLines(
            "Conveyor.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;

                class Conveyor {
                  private DeviceClient client;
                  private DeviceClient spare;
                  private ExecutorService worker;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      worker.execute(() -> {
                        client.close();
                        try {
                          client.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      });
                    }, null);
                    spare.setConnectionStatusChangeCallback(ctx -> {
                      worker.execute(() -> {
                        client.close();
                        try {
                          spare.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      });
                    }, null);
                  }
                }
                """))
        .addOutputLines(
            "Conveyor.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Conveyor {
                  private DeviceClient client;
                  private DeviceClient spare;
                  private ExecutorService worker;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      worker.execute(() -> {
                        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                            && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                          client.close();
                          try {
                            client.open(false);
                          } catch (IotHubClientException e) {
                            System.err.println(e);
                          }
                        }
                      });
                    }, null);
                    spare.setConnectionStatusChangeCallback(ctx -> {
                      worker.execute(() -> {
                        client.close();
                        try {
                          if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                              && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            spare.open(false);
                          }
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      });
                    }, null);
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_wrapsWithTheTrackedStatusField_v2() {
    Sources.refactor(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addInputLines(
            "Tracker.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Tracker {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus lastStatus;
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> lastStatus = ctx.getNewStatus(), null);
                  }

                  void onTelemetryFailure() {
                    executor.execute(() -> {
                      try {
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .addOutputLines(
            "Tracker.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Tracker {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus lastStatus;
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> lastStatus = ctx.getNewStatus(), null);
                  }

                  void onTelemetryFailure() {
                    executor.execute(() -> {
                      try {
                        if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                          client.open(false);
                        }
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * A {@code for} statement's init and update clauses hold expression statements only: a guard block there does not
   * compile, so the finding comes without a fix (and says how to guard it).
   */
  @Test
  void forClauses_reportedWithoutAFix_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Poller.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Poller {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus lastStatus;
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> lastStatus = ctx.getNewStatus(), null);
                  }

                  void poll() {
                    executor.execute(() -> {
                      try {
                        // BUG: Diagnostic contains: record the status in the connection status callback
                        for (client.open(false); lastStatus != null; ) {
                          Thread.sleep(1000);
                        }
                      } catch (IotHubClientException | InterruptedException e) {
                        System.err.println(e);
                      }
                    });
                  }

                  void refresh() {
                    executor.execute(() -> {
                      try {
                        // BUG: Diagnostic contains: record the status in the connection status callback
                        for (int i = 0; i < 3; i++, client.open(false)) {
                          Thread.sleep(1000);
                        }
                      } catch (IotHubClientException | InterruptedException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_noFixInAForStatementsInitOrUpdate_v2() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Poller.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Poller {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus lastStatus;
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> lastStatus = ctx.getNewStatus(), null);
                  }

                  void poll() {
                    executor.execute(() -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        for (client.open(false); lastStatus != null; ) {
                          Thread.sleep(1000);
                        }
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        for (int i = 0; i < 3; i++, client.open(false)) {
                          Thread.sleep(1000);
                        }
                      } catch (IotHubClientException | InterruptedException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_noFixWithoutAStatusInReach_v1() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Retrier.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Retrier {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void onFailure() {
                    executor.execute(() -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  /** A guard would not repair a retry that never closes: that call is left for the user. */
  @Test
  void replacement_noFixWhenTheTrackedStatusBelongsToAnotherObject_v2() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Holders.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Holders {
                  static final class Holder {
                    final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                    volatile IotHubConnectionStatus status;

                    void register() {
                      client.setConnectionStatusChangeCallback(ctx -> status = ctx.getNewStatus(), null);
                    }
                  }

                  private final Holder holder = new Holder();
                  private ExecutorService executor;

                  void onFailure() {
                    executor.execute(() -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        holder.client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_noFixOnAnUnclosedRetry_v2() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Callback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Callback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      while (true) {
                        try {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          client.open(false);
                          break;
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  /** With one status field per client, the fix reads the field that this client's callback keeps. */
  @Test
  void replacement_usesTheStatusFieldOfTheSameClient_v2() {
    Sources.refactor(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addInputLines(
            "Pair.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Pair {
                  private final DeviceClient primary = new DeviceClient("a", IotHubClientProtocol.MQTT);
                  private final DeviceClient backup = new DeviceClient("b", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus primaryStatus;
                  private volatile IotHubConnectionStatus backupStatus;
                  private ExecutorService executor;

                  void register() {
                    primary.setConnectionStatusChangeCallback(ctx -> primaryStatus = ctx.getNewStatus(), null);
                    backup.setConnectionStatusChangeCallback(ctx -> backupStatus = ctx.getNewStatus(), null);
                  }

                  void reopenBackup() {
                    executor.execute(() -> {
                      try {
                        backup.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .addOutputLines(
            "Pair.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Pair {
                  private final DeviceClient primary = new DeviceClient("a", IotHubClientProtocol.MQTT);
                  private final DeviceClient backup = new DeviceClient("b", IotHubClientProtocol.MQTT);
                  private volatile IotHubConnectionStatus primaryStatus;
                  private volatile IotHubConnectionStatus backupStatus;
                  private ExecutorService executor;

                  void register() {
                    primary.setConnectionStatusChangeCallback(ctx -> primaryStatus = ctx.getNewStatus(), null);
                    backup.setConnectionStatusChangeCallback(ctx -> backupStatus = ctx.getNewStatus(), null);
                  }

                  void reopenBackup() {
                    executor.execute(() -> {
                      try {
                        if (backupStatus == IotHubConnectionStatus.DISCONNECTED) {
                          backup.open(false);
                        }
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  /** An early exit of every kind establishes the guard for what follows it. */
  @Test
  void earlyExitsByContinueBreakAndThrow_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Exits.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.BlockingQueue;
                import java.util.concurrent.ExecutorService;

                class Exits {
                  private DeviceClient client;
                  private ExecutorService executor;
                  private BlockingQueue<IotHubConnectionStatus> changes;

                  void watch() {
                    executor.execute(() -> {
                      while (true) {
                        IotHubConnectionStatus status;
                        try {
                          status = changes.take();
                        } catch (InterruptedException e) {
                          return;
                        }
                        if (status != IotHubConnectionStatus.DISCONNECTED) {
                          continue;
                        }
                        try {
                          client.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    });
                    executor.execute(() -> {
                      for (IotHubConnectionStatus status : changes) {
                        if (!IotHubConnectionStatus.DISCONNECTED.equals(status)) {
                          break;
                        }
                        try {
                          client.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    });
                  }

                  void onChange(IotHubConnectionStatus status) throws IOException {
                    executor.execute(() -> {
                      try {
                        reopen(status);
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    });
                  }

                  private void reopen(IotHubConnectionStatus status) throws IOException {
                    if (status != IotHubConnectionStatus.DISCONNECTED) {
                      throw new IllegalStateException("the SDK still owns the connection: " + status);
                    }
                    client.open();
                  }
                }
                """))
        .doTest();
  }

  /** A local class implementing the status callback is a status callback too. */
  @Test
  void localClassCallback_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Local.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Local {
                  void register(DeviceClient client) {
                    class Reopener implements IotHubConnectionStatusChangeCallback {
                      @Override
                      public void onStatusChanged(ConnectionStatusChangeContext context) {
                        try {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          client.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }
                    client.setConnectionStatusChangeCallback(new Reopener(), null);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A tracked enum constant means what the status callback assigns it for: RECONNECTING written on
   * DISCONNECTED_RETRYING is no guard, the same name written on DISCONNECTED is one.
   */
  @Test
  void trackedEnumConstantsMeanWhatTheCallbackAssignsThemFor_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Machines.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Machines {
                  enum State { ONLINE, RECONNECTING, OFFLINE }

                  private final DeviceClient mirror = new DeviceClient("a", IotHubClientProtocol.MQTT);
                  private final DeviceClient decider = new DeviceClient("b", IotHubClientProtocol.MQTT);
                  private volatile State mirrored = State.OFFLINE;
                  private volatile State decided = State.OFFLINE;
                  private ExecutorService executor;

                  void register() {
                    mirror.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        case CONNECTED -> mirrored = State.ONLINE;
                        case DISCONNECTED_RETRYING -> mirrored = State.RECONNECTING;
                        case DISCONNECTED -> mirrored = State.OFFLINE;
                      }
                    }, null);
                    decider.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        decided = State.RECONNECTING;
                      } else if (ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED) {
                        decided = State.ONLINE;
                      }
                    }, null);
                  }

                  void watchdog() {
                    executor.execute(() -> {
                      try {
                        if (mirrored == State.RECONNECTING) {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          mirror.open(false);
                        }
                        if (mirrored == State.OFFLINE) {
                          mirror.open(false);
                        }
                        if (decided == State.RECONNECTING) {
                          decider.open(false);
                        }
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  /**
   * A tracked enum constant named for the app's own reconnect in progress (CONNECTING, OPENING) says nothing about the
   * link unless the status callback writes it on DISCONNECTED: written on every status but CONNECTED, or only by the
   * app's own code, it is no guard (found in a blind suite: the legacy manager's CONNECTING state after a grouped case).
   */
  @Test
  void trackedEnumConstantForAReconnectInProgressIsNoGuard_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Links.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Links {
                  enum State { CONNECTED, CONNECTING, OPENING, DISCONNECTED }

                  private final DeviceClient eager = new DeviceClient("a", IotHubClientProtocol.MQTT);
                  private final DeviceClient careful = new DeviceClient("b", IotHubClientProtocol.MQTT);
                  private volatile State eagerState = State.DISCONNECTED;
                  private volatile State carefulState = State.DISCONNECTED;
                  private ExecutorService executor;

                  void register() {
                    eager.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED) {
                        eagerState = State.CONNECTED;
                        return;
                      }
                      eagerState = State.CONNECTING;
                    }, null);
                    executor.execute(() -> eagerState = State.OPENING);
                    careful.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        carefulState = State.CONNECTING;
                      } else if (ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED) {
                        carefulState = State.CONNECTED;
                      }
                    }, null);
                  }

                  void watchdog() {
                    executor.execute(() -> {
                      try {
                        if (eagerState == State.CONNECTING) {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          eager.open(false);
                        }
                        if (eagerState == State.OPENING) {
                          // BUG: Diagnostic contains: open() here can run while the SDK still owns
                          eager.open(false);
                        }
                        if (eagerState == State.DISCONNECTED) {
                          eager.open(false);
                        }
                        if (carefulState == State.CONNECTING) {
                          careful.open(false);
                        }
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void trackedEnumConstantForAReconnectInProgressIsNoGuard_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Links.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Links implements IotHubConnectionStatusChangeCallback {
                  enum State { CONNECTED, CONNECTING, DISCONNECTED }

                  private final DeviceClient client;
                  private volatile State state = State.DISCONNECTED;

                  Links(DeviceClient client) {
                    this.client = client;
                    client.registerConnectionStatusChangeCallback(this, null);
                    new Thread(this::reconnect).start();
                    new Thread(this::reconnectWhenDown).start();
                  }

                  @Override
                  public void execute(
                      IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                    if (status == IotHubConnectionStatus.CONNECTED) {
                      state = State.CONNECTED;
                    } else {
                      state = State.CONNECTING;
                    }
                  }

                  private void reconnect() {
                    if (state == State.CONNECTING) {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  private void reconnectWhenDown() {
                    if (state == State.DISCONNECTED) {
                      try {
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Tracked state copied from other tracked state means what its source means: an AtomicBoolean set to the tracked
   * {@code connected}, or a boolean set to {@code !connected}, is a guard (found in a blind suite); a flag that says
   * only that the callback ran is none.
   */
  @Test
  void trackedBooleanCopiedFromTrackedStateMeansTheSame_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Copies.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;
                import java.util.concurrent.atomic.AtomicBoolean;

                class Copies {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private volatile boolean connected;
                  private volatile boolean lost;
                  private final AtomicBoolean up = new AtomicBoolean();
                  private final AtomicBoolean seen = new AtomicBoolean();
                  private ScheduledExecutorService scheduler;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      connected = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
                      up.set(connected);
                      lost = !connected;
                      seen.set(true);
                    }, null);
                    scheduler.scheduleAtFixedRate(this::poll, 1, 1, TimeUnit.MINUTES);
                  }

                  void poll() {
                    try {
                      if (!up.get()) {
                        client.open(false);
                      }
                      if (lost) {
                        client.open(false);
                      }
                      if (seen.get()) {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      }
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void trackedBooleanCopiedFromTrackedStateMeansTheSame_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Copies.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.atomic.AtomicBoolean;

                class Copies implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;
                  private volatile boolean online;
                  private final AtomicBoolean linkOk = new AtomicBoolean();
                  private final AtomicBoolean seen = new AtomicBoolean();

                  Copies(DeviceClient client) {
                    this.client = client;
                    client.registerConnectionStatusChangeCallback(this, null);
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        poll();
                      }
                    }, 60_000L, 60_000L);
                  }

                  @Override
                  public void execute(
                      IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                    online = status == IotHubConnectionStatus.CONNECTED;
                    linkOk.set(online);
                    seen.set(true);
                  }

                  void poll() {
                    try {
                      if (!linkOk.get()) {
                        client.open();
                      }
                      if (seen.get()) {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open();
                      }
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Exemption (b) through a factory whose returned local is assigned its new client inside a try: every return of
   * the method is a new client, so the call creates one (found on real code: an Android IoT Central sample). A method
   * that can return what the local held before is no factory.
   */
  @Test
  void factoryWhoseLocalIsAssignedInATryCreates_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
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
                      try {
                        client = connect(cs);
                        client.open(true);
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                    }).start();
                  }

                  void onOtherClicked(String cs) {
                    new Thread(() -> {
                      try {
                        client = maybeConnect(cs);
                        // BUG: Diagnostic contains: Reopen only when the status is DISCONNECTED
                        client.open(true);
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                    }).start();
                  }

                  private static DeviceClient connect(String cs) {
                    DeviceClient fresh = null;
                    try {
                      fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      return fresh;
                    } catch (IllegalArgumentException e) {
                      System.err.println(e);
                    }
                    throw new IllegalStateException("cannot connect");
                  }

                  private static DeviceClient maybeConnect(String cs) {
                    DeviceClient fresh = null;
                    for (int attempt = 0; attempt < 3; attempt++) {
                      if (cs.isEmpty()) {
                        return fresh;
                      }
                      fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }
                    return fresh;
                  }
                }
                """))
        .doTest();
  }

  @Test
  void factoryWhoseLocalIsAssignedInATryCreates_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Screen.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.net.URISyntaxException;

                class Screen {
                  private DeviceClient client;

                  void onConnectClicked(String cs) {
                    new Thread(() -> {
                      try {
                        client = connect(cs);
                        client.open();
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                    }).start();
                  }

                  private static DeviceClient connect(String cs) throws URISyntaxException {
                    DeviceClient fresh;
                    if (cs.contains("ModuleId=")) {
                      throw new IllegalArgumentException("a module connection string");
                    } else {
                      fresh = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    }
                    return fresh;
                  }
                }
                """))
        .doTest();
  }

  /**
   * Exemption (b) looks into earlier calls (found by a blind suite: an AutoCloseable wrapper opened in a timer task): a
   * helper that assigns the field a new client on every path (closing the old one first, or through another helper),
   * a constructor or field initializer that creates the new object's client before the caller opens it, also as a
   * try-with-resources resource. A helper that creates only when the field is empty leaves the old instance on the
   * other path, and a session made once at start-up and connected again by a timer opens a client opened before.
   */
  @Test
  void creationsInEarlierCallsAndConstructors_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Uplink {
                  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
                  private DeviceClient client;
                  private KeptSession kept;

                  private void recreate(String cs) {
                    if (client != null) {
                      client.close();
                    }
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  private void recreateThroughAHelper(String cs) {
                    recreate(cs);
                  }

                  private void createIfMissing(String cs) {
                    if (client == null) {
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }
                  }

                  void recreated(String cs) {
                    timers.scheduleAtFixedRate(() -> {
                      try {
                        recreate(cs);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, 1, 1, TimeUnit.HOURS);
                  }

                  void recreatedTwoCallsDown(String cs) {
                    timers.scheduleAtFixedRate(() -> {
                      try {
                        recreateThroughAHelper(cs);
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, 1, 1, TimeUnit.HOURS);
                  }

                  void createdOnlyWhenMissing(String cs) {
                    timers.scheduleAtFixedRate(() -> {
                      try {
                        createIfMissing(cs);
                        // BUG: Diagnostic contains: Reopen only when the status is DISCONNECTED
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, 1, 1, TimeUnit.HOURS);
                  }

                  void sessions(String cs) {
                    timers.scheduleAtFixedRate(() -> {
                      Session session = new Session(cs);
                      try {
                        session.connect();
                      } catch (IotHubClientException e) {
                        session.close();
                      }
                    }, 1, 1, TimeUnit.HOURS);
                    timers.scheduleAtFixedRate(() -> {
                      try (Session session = new Session(cs)) {
                        session.connect();
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, 1, 1, TimeUnit.HOURS);
                    timers.scheduleAtFixedRate(() -> {
                      EdgeSession session = new EdgeSession();
                      session.connect();
                    }, 1, 1, TimeUnit.HOURS);
                  }

                  void keptSession(String cs) {
                    kept = new KeptSession(cs);
                    timers.scheduleAtFixedRate(() -> {
                      try {
                        kept.connect();
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, 1, 1, TimeUnit.HOURS);
                  }
                }
                """))
        .addSourceLines(
            "Session.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Session implements AutoCloseable {
                  private final DeviceClient client;

                  Session(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void connect() throws IotHubClientException {
                    client.open(false);
                  }

                  @Override
                  public void close() {
                    client.close();
                  }
                }

                class EdgeSession {
                  private final DeviceClient client = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);

                  void connect() {
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      client.close();
                    }
                  }
                }

                class KeptSession {
                  private final DeviceClient client;

                  KeptSession(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  void connect() throws IotHubClientException {
                    // BUG: Diagnostic contains: Reopen only when the status is DISCONNECTED
                    client.open(false);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void creationsInEarlierCallsAndConstructors_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Uplink {
                  private final Timer timer = new Timer();
                  private DeviceClient client;

                  private void recreate(String cs) throws IOException, URISyntaxException {
                    if (client != null) {
                      client.closeNow();
                    }
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  private void createIfMissing(String cs) throws URISyntaxException {
                    if (client == null) {
                      client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    }
                  }

                  void start(String cs) {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          recreate(cs);
                          client.open();
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          createIfMissing(cs);
                          // BUG: Diagnostic contains: Reopen only when the status is DISCONNECTED
                          client.open();
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try (Session session = new Session(cs)) {
                          session.connect();
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                  }
                }

                class Session implements AutoCloseable {
                  private final DeviceClient client;

                  Session(String cs) throws URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  void connect() throws IOException {
                    client.open();
                  }

                  @Override
                  public void close() throws IOException {
                    client.closeNow();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A factory of the compilation whose every {@code return} is a new object, whose construction creates a client, is
   * a creation as that construction would be: (b) exempts the open() of the object it returned, whether the factory
   * is an instance or a static method.
   */
  @Test
  void creationsInObjectsAFactoryReturns_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Uplink {
                  private final Timer timer = new Timer();
                  private Session kept;

                  private Session freshSession(String cs) throws URISyntaxException {
                    return new Session(cs);
                  }

                  void start(String cs) {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try (Session session = freshSession(cs)) {
                          session.connect();
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          Session session = Session.create(cs);
                          session.connect();
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                  }
                }

                class Session implements AutoCloseable {
                  private final DeviceClient client;

                  Session(String cs) throws URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  static Session create(String cs) throws URISyntaxException {
                    return (new Session(cs));
                  }

                  void connect() throws IOException {
                    client.open();
                  }

                  @Override
                  public void close() throws IOException {
                    client.closeNow();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void creationsInObjectsAFactoryReturns_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Uplink {
                  private final Timer timer = new Timer();
                  private Session kept;

                  private Session freshSession(String cs) throws RuntimeException {
                    return new Session(cs);
                  }

                  void start(String cs) {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try (Session session = freshSession(cs)) {
                          session.connect();
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          Session session = Session.create(cs);
                          session.connect();
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                  }
                }

                class Session implements AutoCloseable {
                  private final DeviceClient client;

                  Session(String cs) throws RuntimeException {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  static Session create(String cs) throws RuntimeException {
                    return (new Session(cs));
                  }

                  void connect() throws IotHubClientException {
                    client.open(false);
                  }

                  @Override
                  public void close() throws RuntimeException {
                    client.close();
                  }
                }
                """))
        .doTest();
  }

  /** A factory that can also return an object it keeps creates nothing on every path: no exemption. */
  @Test
  void aFactoryThatMayReturnAKeptObject_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Uplink {
                  private final Timer timer = new Timer();
                  private Session kept;

                  private Session sessionFor(String cs) throws URISyntaxException {
                    if (kept != null) {
                      return kept;
                    }
                    return new Session(cs);
                  }

                  void start(String cs) {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          Session session = sessionFor(cs);
                          session.connect();
                        } catch (IOException | URISyntaxException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                  }
                }

                class Session implements AutoCloseable {
                  private final DeviceClient client;

                  Session(String cs) throws URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  static Session create(String cs) throws URISyntaxException {
                    return (new Session(cs));
                  }

                  void connect() throws IOException {
                    // BUG: Diagnostic contains: Reopen only when the status is DISCONNECTED
                    client.open();
                  }

                  @Override
                  public void close() throws IOException {
                    client.closeNow();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFactoryThatMayReturnAKeptObject_v2() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Uplink {
                  private final Timer timer = new Timer();
                  private Session kept;

                  private Session sessionFor(String cs) throws RuntimeException {
                    if (kept != null) {
                      return kept;
                    }
                    return new Session(cs);
                  }

                  void start(String cs) {
                    timer.schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          Session session = sessionFor(cs);
                          session.connect();
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, 0, 60_000);
                  }
                }

                class Session implements AutoCloseable {
                  private final DeviceClient client;

                  Session(String cs) throws RuntimeException {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  static Session create(String cs) throws RuntimeException {
                    return (new Session(cs));
                  }

                  void connect() throws IotHubClientException {
                    // BUG: Diagnostic contains: Reopen only when the status is DISCONNECTED
                    client.open(false);
                  }

                  @Override
                  public void close() throws RuntimeException {
                    client.close();
                  }
                }
                """))
        .doTest();
  }

  /**
   * An open() that runs on the callback's own thread gets no fix: wrapped in the guard it would be
   * IotHubReconnectOnCallbackThread's, and a fix must not create another check's finding.
   */
  @Test
  void noFixForAnOpenOnTheCallbacksThread_v2() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Callback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Callback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    client.setConnectionStatusChangeCallback(context -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void noFixForAnOpenOnTheCallbacksThread_v1() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Callback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Callback {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      try {
                        // BUG: Diagnostic contains: open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }
  /**
   * A guard helper whose {@code return}s sit under the status test instead of containing it: a {@code switch} on the
   * status returning a reason test under {@code case DISCONNECTED} and {@code false} elsewhere (blind-x x14), or an
   * early {@code return false} before {@code return reason != CLIENT_CLOSE}. Each return that can yield true runs only
   * when the status is DISCONNECTED, so the call is a DISCONNECTED guard (and its reason test the CLIENT_CLOSE
   * exclusion). A helper that can return true for CONNECTED is none.
   */
  @Test
  void guardHelperWhoseReturnsSitUnderTheStatusTest_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Policy.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                final class Policy {
                    static boolean bySwitch(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
                        switch (status) {
                            case DISCONNECTED:
                                return reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                            default:
                                return false;
                        }
                    }

                    static boolean byEarlyExit(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
                        if (status != IotHubConnectionStatus.DISCONNECTED) {
                            return false;
                        }
                        return reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                    }

                    static boolean tooWide(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
                        switch (status) {
                            case DISCONNECTED:
                                return reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                            case CONNECTED:
                                return true;
                            default:
                                return false;
                        }
                    }
                }
                """))
        .addSourceLines(
            "Device.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Device {
                    private final DeviceClient a;
                    private final DeviceClient b;
                    private final DeviceClient c;
                    private final ExecutorService pool = Executors.newSingleThreadExecutor();

                    Device(String cs) throws Exception {
                        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        a.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (Policy.bySwitch(status, reason)) {
                                pool.submit(() -> reopen(a));
                            }
                        }, null);
                        b.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (Policy.byEarlyExit(status, reason)) {
                                pool.submit(() -> reopen(b));
                            }
                        }, null);
                        c.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (Policy.tooWide(status, reason)) {
                                pool.submit(() -> reopenUnclosed(c));
                            }
                        }, null);
                    }

                    static void reopen(DeviceClient x) {
                        try {
                            x.closeNow();
                            x.open();
                        } catch (IOException e) {
                            System.err.println(e);
                        }
                    }

                    static void reopenUnclosed(DeviceClient x) {
                        try {
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            x.open();
                        } catch (IOException e) {
                            System.err.println(e);
                        }
                    }
                }
                """))
        .doTest();
  }

  /**
   * A guard helper that rules the other statuses out one early exit at a time ({@code if (s == CONNECTED) return
   * false; if (s == DISCONNECTED_RETRYING) return false; return true;}) returns true only on DISCONNECTED: a
   * DISCONNECTED guard, as the same exits written inline are. One that rules out CONNECTED only is none.
   */
  @Test
  void guardHelperThatRulesOutTheOtherStatusesOneByOne_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Policy.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                final class Policy {
                    static boolean linkDown(IotHubConnectionStatus status) {
                        if (status == IotHubConnectionStatus.CONNECTED) {
                            return false;
                        }
                        if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                            return false;
                        }
                        return true;
                    }

                    static boolean notConnected(IotHubConnectionStatus status) {
                        if (status == IotHubConnectionStatus.CONNECTED) {
                            return false;
                        }
                        return true;
                    }
                }
                """))
        .addSourceLines(
            "Device.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Device {
                    private final DeviceClient a;
                    private final DeviceClient b;
                    private final ExecutorService pool = Executors.newSingleThreadExecutor();

                    Device(String cs) throws Exception {
                        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        a.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (Policy.linkDown(status) && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.submit(() -> reopenA());
                            }
                        }, null);
                        b.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (Policy.notConnected(status) && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.submit(() -> reopenB());
                            }
                        }, null);
                    }

                    void reopenA() {
                        try {
                            a.open();
                        } catch (IOException e) {
                            System.err.println(e);
                        }
                    }

                    void reopenB() {
                        try {
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            b.open();
                        } catch (IOException e) {
                            System.err.println(e);
                        }
                    }
                }
                """))
        .doTest();
  }

  @Test
  void guardHelperThatRulesOutTheOtherStatusesOneByOne_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Policy.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                final class Policy {
                    static boolean linkDown(ConnectionStatusChangeContext change) {
                        IotHubConnectionStatus status = change.getNewStatus();
                        if (status == IotHubConnectionStatus.CONNECTED) {
                            return false;
                        } else if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                            return false;
                        }
                        return true;
                    }

                    static boolean notRetrying(ConnectionStatusChangeContext change) {
                        if (change.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                            return false;
                        }
                        return true;
                    }
                }
                """))
        .addSourceLines(
            "Device.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Device {
                    private final DeviceClient a;
                    private final DeviceClient b;
                    private final ExecutorService pool = Executors.newSingleThreadExecutor();

                    Device(String cs) {
                        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        a.setConnectionStatusChangeCallback(change -> {
                            if (Policy.linkDown(change)
                                    && change.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.submit(this::reopenA);
                            }
                        }, null);
                        b.setConnectionStatusChangeCallback(change -> {
                            if (Policy.notRetrying(change)
                                    && change.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.submit(this::reopenB);
                            }
                        }, null);
                    }

                    void reopenA() {
                        try {
                            a.open(false);
                        } catch (IotHubClientException e) {
                            System.err.println(e);
                        }
                    }

                    void reopenB() {
                        try {
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            b.open(false);
                        } catch (IotHubClientException e) {
                            System.err.println(e);
                        }
                    }
                }
                """))
        .doTest();
  }
}
