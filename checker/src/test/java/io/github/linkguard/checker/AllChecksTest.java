package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The six checks together, as users run them: the SDK's own architectures, and one diagnostic per call. */
class AllChecksTest {
  /** A real-looking SharedAccessKey (valid Base64, long enough) that is no secret. */
  private static final String KEY =
      Base64.getEncoder().encodeToString("not a secret, only long enough".getBytes(StandardCharsets.US_ASCII));

  /** The six checks, shared by the tests that run them together. */
  static final ScannerSupplier ALL =
      ScannerSupplier.fromBugCheckerClasses(
          IotHubOpenWithoutStatusGuard.class,
          IotHubOpenRetryWithoutClose.class,
          IotHubReconnectOnCallbackThread.class,
          IotHubClientReplacedWithoutClose.class,
          IotHubReopenAfterClientClose.class,
          IotHubConnectionStringInCode.class);

  /** The current (2.x) reconnection sample's architecture gets no finding at all. */
  @Test
  void reconnectionManagerLikeTheSdkSampleIsClean_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "ConnectionKeeper.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                /** Keeps one client open: the callback only records and wakes, this thread reopens. */
                public class ConnectionKeeper implements MessageSentCallback {
                  private final DeviceClient client;
                  private final Object wakeUp = new Object();
                  private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

                  public ConnectionKeeper(String connectionString) {
                    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                  }

                  public void runForever() {
                    client.setConnectionStatusChangeCallback(this::onStatus, null);
                    try {
                      while (true) {
                        if (!reopenWithBackoff()) {
                          return;
                        }
                        new Thread(this::sendTelemetryForever, "telemetry").start();
                        synchronized (wakeUp) {
                          wakeUp.wait();
                        }
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } finally {
                      client.close();
                    }
                  }

                  private void onStatus(ConnectionStatusChangeContext change) {
                    status = change.getNewStatus();
                    if (change.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && change.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                      synchronized (wakeUp) {
                        wakeUp.notifyAll();
                      }
                    }
                  }

                  private boolean reopenWithBackoff() throws InterruptedException {
                    long delay = 1000;
                    while (true) {
                      try {
                        client.close();
                        client.open(false);
                        return true;
                      } catch (IotHubClientException e) {
                        if (!e.isRetryable()) {
                          return false;
                        }
                      }
                      Thread.sleep(delay);
                      delay = Math.min(delay * 2, 60_000);
                    }
                  }

                  private void sendTelemetryForever() {
                    while (status == IotHubConnectionStatus.CONNECTED) {
                      client.sendEventAsync(new Message("{\\"t\\":21}"), this, null);
                      try {
                        Thread.sleep(10_000);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  }

                  @Override
                  public void onMessageSent(Message sent, IotHubClientException failure, Object context) {
                    if (failure != null) {
                      System.err.println("not sent: " + failure);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * The legacy (1.x) sample's architecture retries open() without closing in between: exactly one finding, from
   * IotHubOpenRetryWithoutClose.
   */
  @Test
  void legacyReconnectionManagerGetsExactlyOneFinding_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "LegacyKeeper.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                public class LegacyKeeper implements IotHubConnectionStatusChangeCallback {
                  private enum Phase { IDLE, OPENING, OPEN }

                  private static final Object GATE = new Object();
                  private final DeviceClient client;
                  private Phase phase = Phase.IDLE;

                  LegacyKeeper(DeviceClient client) {
                    this.client = client;
                    this.client.registerConnectionStatusChangeCallback(this, null);
                  }

                  public void open() throws IOException {
                    synchronized (GATE) {
                      if (phase == Phase.IDLE) {
                        phase = Phase.OPENING;
                      } else {
                        return;
                      }
                    }
                    openUntilConnected();
                  }

                  private void openUntilConnected() throws IOException {
                    while (phase == Phase.OPENING) {
                      synchronized (GATE) {
                        try {
                          // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                          client.open();
                          phase = Phase.OPEN;
                          break;
                        } catch (IOException e) {
                          System.err.println("open failed, retrying: " + e);
                        }
                      }
                      try {
                        Thread.sleep(10_000);
                      } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                    }
                  }

                  @Override
                  public void execute(
                      IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
                      Object context) {
                    if (expired(status, reason)) {
                      recoverInBackground();
                    }
                  }

                  private static boolean expired(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
                    return status == IotHubConnectionStatus.DISCONNECTED
                        && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED;
                  }

                  private void recoverInBackground() {
                    synchronized (GATE) {
                      if (phase != Phase.OPEN) {
                        phase = Phase.IDLE;
                        return;
                      }
                    }
                    new Thread(new Runnable() {
                      @Override
                      public void run() {
                        synchronized (GATE) {
                          if (phase != Phase.OPEN) {
                            return;
                          }
                          try {
                            client.closeNow();
                          } catch (IOException e) {
                            System.err.println(e);
                          } finally {
                            phase = Phase.OPENING;
                          }
                        }
                        try {
                          openUntilConnected();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    }).start();
                  }
                }
                """))
        .doTest();
  }

  /**
   * One call, one diagnostic: where checks 1, 2 and 3 match one open(), only the first reports it. Every open()
   * here matches more than one of them; the markers name the winner, and the exact comparison fails on a loser
   * reporting beside it.
   */
  @Test
  void oneCallOneDiagnostic_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Precedence.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Precedence {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // an unguarded retry without close on the callback thread: 1, 2 and 3 match
                      while (true) {
                        try {
                          // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                          client.open(false);
                          break;
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // an unguarded open on the callback thread: 1 and 3 match
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        // guarded, a retry without close on the callback thread: 2 and 3 match
                        while (true) {
                          try {
                            // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                            client.open(false);
                            break;
                          } catch (IotHubClientException e) {
                            System.err.println(e);
                          }
                        }
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // guarded and excluding CLIENT_CLOSE, on the callback thread: 3 only, at both calls
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                          && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        try {
                          // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread that delivers
                          client.close();
                          // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                          client.open(false);
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                  }

                  void retryInTheBackground() {
                    executor.execute(() -> {
                      // an unguarded retry without close on another thread: 1 and 2 match
                      while (true) {
                        try {
                          // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                          client.open(false);
                          break;
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  /** As {@link #oneCallOneDiagnostic_v2}, on the first generation's API. */
  @Test
  void oneCallOneDiagnostic_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Precedence.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Precedence {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void register() throws IOException {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      // an unguarded retry without close on the callback thread: 1, 2 and 3 match
                      while (true) {
                        try {
                          // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                          client.open();
                          break;
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      // an unguarded open on the callback thread: 1 and 3 match
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }, null);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        // guarded, a retry without close on the callback thread: 2 and 3 match
                        while (true) {
                          try {
                            // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                            client.open();
                            break;
                          } catch (IOException e) {
                            System.err.println(e);
                          }
                        }
                      }
                    }, null);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      // guarded and excluding CLIENT_CLOSE, on the callback thread: 3 only, at each call
                      if (status == IotHubConnectionStatus.DISCONNECTED
                          && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        try {
                          // FINDING: [IotHubReconnectOnCallbackThread] closeNow() runs on the thread that delivers
                          client.closeNow();
                          // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                          client.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                  }

                  void retryInTheBackground() {
                    executor.execute(() -> {
                      // an unguarded retry without close on another thread: 1 and 2 match
                      while (true) {
                        try {
                          // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                          client.open();
                          break;
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  /**
   * Checks 4, 5 and 6 report at other trees than the open(): on one line, the guard (5), the assignment (4), the
   * connection-string argument (6) and the open() (1 or 3) are each reported, once.
   */
  @Test
  void findingsOnDifferentTreesOfOneLineAllStand_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "OneLiners.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class OneLiners {
                  private static final String CS = "HostName=h;DeviceId=kiosk-4;SharedAccessKey=KEY";
                  private DeviceClient client;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'client'
                      // FINDING: [IotHubConnectionStringInCode] The connection string of device 'kiosk-4'
                      // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) { client = new DeviceClient(CS, IotHubClientProtocol.MQTT); try { client.open(false); } catch (IotHubClientException e) { System.err.println(e); } }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // unguarded: check 1 takes the open() from check 3; a fresh client exempts nothing here
                      // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'client'
                      // FINDING: [IotHubConnectionStringInCode] The connection string of device 'kiosk-4'
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client = new DeviceClient(CS, IotHubClientProtocol.MQTT); try { client.open(false); } catch (IotHubClientException e) { System.err.println(e); }
                    }, null);
                  }
                }
                """
                    .replace("KEY", KEY)))
        .doTest();
  }

  /** As {@link #findingsOnDifferentTreesOfOneLineAllStand_v2}, on the first generation's API. */
  @Test
  void findingsOnDifferentTreesOfOneLineAllStand_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "OneLiners.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class OneLiners {
                  private static final String CS = "HostName=h;DeviceId=kiosk-4;SharedAccessKey=KEY";
                  private DeviceClient client;

                  void register() throws IOException {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'client'
                      // FINDING: [IotHubConnectionStringInCode] The connection string of device 'kiosk-4'
                      // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
                      if (status == IotHubConnectionStatus.DISCONNECTED) { try { client = new DeviceClient(CS, IotHubClientProtocol.MQTT); client.open(); } catch (IOException | URISyntaxException e) { System.err.println(e); } }
                    }, null);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      // unguarded: check 1 takes the open() from check 3; a fresh client exempts nothing here
                      // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'client'
                      // FINDING: [IotHubConnectionStringInCode] The connection string of device 'kiosk-4'
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      try { client = new DeviceClient(CS, IotHubClientProtocol.MQTT); client.open(); } catch (IOException | URISyntaxException e) { System.err.println(e); }
                    }, null);
                  }
                }
                """
                    .replace("KEY", KEY)))
        .doTest();
  }

  /**
   * Check 6 reports at the connection-string argument, check 4 at the assignment: two trees, two findings (javac puts
   * both on one line when the argument is on the assignment's line).
   */
  @Test
  void aHardCodedKeyAndAReplacedClientAreTwoFindings_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Kiosk.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Kiosk {
                  private static final String CS = "HostName=h;DeviceId=kiosk-4;SharedAccessKey=KEY";
                  private DeviceClient client;

                  void start() throws IotHubClientException {
                    client = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.AMQPS);
                    client.open(false);
                  }

                  void replaceAfterFailedSend() throws InterruptedException {
                    try {
                      client.sendEvent(new Message("x"));
                    } catch (IotHubClientException e) {
                      // FINDING: [IotHubClientReplacedWithoutClose] A new client replaces 'this.client' while the old one may still be open
                      this.client = new DeviceClient(
                          // FINDING: [IotHubConnectionStringInCode] The connection string of device 'kiosk-4'
                          CS, IotHubClientProtocol.AMQPS);
                    }
                  }
                }
                """
                    .replace("KEY", KEY)))
        .doTest();
  }

  /** With the first check switched off, the next one that matches reports the call instead of nobody. */
  @Test
  void theNextCheckReportsWhenTheFirstIsOff_v2() {
    ExactFindings.compile(Sdk.V2, "-Xep:IotHubOpenWithoutStatusGuard:OFF")
        .addSourceLines(
            "Fallback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Fallback {
                  private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      try {
                        // FINDING: [IotHubReconnectOnCallbackThread] open() runs on the thread that delivers
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

  /** The same retry, reported without the annotation and silent with it: the suppression is what silences it. */
  @Test
  void suppressionByName_v2() {
    String retry =
        """
        import com.microsoft.azure.sdk.iot.device.*;
        import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

        class CLASS {
          private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

          ANNOTATION
          void connect() throws InterruptedException {
            while (true) {
              try {
                MARKER
                client.open(false);
                break;
              } catch (IotHubClientException e) {
                Thread.sleep(1000);
              }
            }
          }
        }
        """;
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Reported.java",
            lines(
                retry
                    .replace("CLASS", "Reported")
                    .replace("ANNOTATION", "// not suppressed")
                    .replace("MARKER", "// FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing")))
        .addSourceLines(
            "Suppressed.java",
            lines(
                retry
                    .replace("CLASS", "Suppressed")
                    .replace("ANNOTATION", "@SuppressWarnings(\"IotHubOpenRetryWithoutClose\")")
                    .replace("MARKER", "// suppressed")))
        .doTest();
  }

  /** Code that never touches the SDK compiles as without the plugin, with the SDK on the class path or not. */
  @Test
  void codeWithoutTheSdkIsUntouched() {
    String[] source =
        lines(
            """
            import java.io.Closeable;
            import java.io.IOException;
            import java.util.concurrent.Executors;

            class Plain {
              interface Connection extends Closeable {
                void open() throws IOException;
              }

              private Connection connection;

              void reconnect() {
                Executors.newSingleThreadExecutor().execute(() -> {
                  while (true) {
                    try {
                      connection.open();
                      break;
                    } catch (IOException e) {
                      connection = null;
                    }
                  }
                });
              }
            }
            """);
    ExactFindings.compile(Sdk.V2).addSourceLines("Plain.java", source).doTest();
    CompilationTestHelper.newInstance(ALL, getClass()).addSourceLines("Plain.java", source).doTest();
  }

  /** A configured wrapper type's open/close mean the SDK's. */
  @Test
  void configuredClientTypes_v2() {
    ExactFindings.compile(Sdk.V2, "-XepOpt:IotHub:ClientTypes=com.acme.Connection")
        .addSourceLines(
            "com/acme/Connection.java",
            lines(
                """
                package com.acme;

                public interface Connection {
                  void open() throws java.io.IOException;

                  void close();
                }
                """))
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.acme.Connection;
                import java.io.IOException;

                class Gateway {
                  private Connection upstream;

                  void connect() throws InterruptedException {
                    while (true) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        upstream.open();
                        break;
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
   * A watchdog loop leaves only when its sleep is interrupted: that exit follows another statement's failure, not the
   * open()'s success, so the loop keeps running after the open() succeeds. It is a re-entry site (check 1 judges its
   * guard), not a retry construct.
   */
  @Test
  void watchdogLoopLeavingOnlyOnInterruptIsNoRetry_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Watchdog.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Watchdog implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;
                  private volatile IotHubConnectionStatus status = IotHubConnectionStatus.CONNECTED;

                  Watchdog(DeviceClient client) {
                    this.client = client;
                    client.setConnectionStatusChangeCallback(this, null);
                    new Thread(this::watchGuarded).start();
                    new Thread(this::watchUnguarded).start();
                  }

                  private void watchGuarded() {
                    while (true) {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        try {
                          client.open(false);
                        } catch (Exception e) {
                          System.err.println(e);
                        }
                      }
                      try {
                        Thread.sleep(5000);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  }

                  private void watchUnguarded() {
                    while (true) {
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open(false);
                      } catch (Exception e) {
                        System.err.println(e);
                      }
                      try {
                        Thread.sleep(5000);
                      } catch (InterruptedException e) {
                        break;
                      }
                    }
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext context) {
                    status = context.getNewStatus();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void watchdogLoopLeavingOnlyOnInterruptIsNoRetry_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Watchdog.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Watchdog implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;
                  private volatile boolean connected = true;

                  Watchdog(DeviceClient client) {
                    this.client = client;
                    client.registerConnectionStatusChangeCallback(this, null);
                    new Thread(this::watchGuarded).start();
                    new Thread(this::watchUnguarded).start();
                  }

                  private void watchGuarded() {
                    while (true) {
                      if (!connected) {
                        try {
                          client.open();
                        } catch (java.io.IOException e) {
                          System.err.println(e);
                        }
                      }
                      try {
                        Thread.sleep(5000);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  }

                  private void watchUnguarded() {
                    while (true) {
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open();
                      } catch (java.io.IOException e) {
                        System.err.println(e);
                      }
                      try {
                        Thread.sleep(5000);
                      } catch (InterruptedException e) {
                        break;
                      }
                    }
                  }

                  @Override
                  public void execute(
                      IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                    connected = status == IotHubConnectionStatus.CONNECTED;
                  }
                }
                """))
        .doTest();
  }

  /**
   * A catch that schedules the method holding the open() again is a retry construct (the contract's "by scheduling
   * it"): the scheduled task is the retry's next round, not a root of its own, so check 2 judges the open() and a
   * close in the catch settles it (found in a blind suite). A method that reschedules itself after every round is a
   * timer: a re-entry site.
   */
  @Test
  void catchThatSchedulesTheMethodAgainIsARetry_v2() {
    ExactFindings.compile(Sdk.V2)
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
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private final DeviceClient client;
                  private final DeviceClient backup;

                  Uplink(DeviceClient client, DeviceClient backup) {
                    this.client = client;
                    this.backup = backup;
                    connect();
                    connectCleanly();
                    connectThroughALambda();
                    connectClosingInTheLambda();
                    scheduler.schedule(this::poll, 1, TimeUnit.MINUTES);
                  }

                  void connect() {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open(false);
                    } catch (IotHubClientException e) {
                      scheduler.schedule(this::connect, 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectCleanly() {
                    try {
                      backup.open(false);
                    } catch (IotHubClientException e) {
                      backup.close();
                      scheduler.schedule(this::connectCleanly, 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectThroughALambda() {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open(false);
                    } catch (IotHubClientException e) {
                      scheduler.schedule(() -> connectThroughALambda(), 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectClosingInTheLambda() {
                    try {
                      backup.open(false);
                    } catch (IotHubClientException e) {
                      scheduler.schedule(() -> {
                        backup.close();
                        connectClosingInTheLambda();
                      }, 5, TimeUnit.SECONDS);
                    }
                  }

                  void poll() {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                    scheduler.schedule(this::poll, 1, TimeUnit.MINUTES);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void catchThatSchedulesTheMethodAgainIsARetry_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Uplink {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private final DeviceClient client;
                  private final DeviceClient backup;

                  Uplink(DeviceClient client, DeviceClient backup) {
                    this.client = client;
                    this.backup = backup;
                    connect();
                    connectCleanly();
                    connectThroughALambda();
                    connectClosingInTheLambda();
                    scheduler.schedule(this::poll, 1, TimeUnit.MINUTES);
                  }

                  void connect() {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open();
                    } catch (java.io.IOException e) {
                      scheduler.schedule(this::connect, 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectCleanly() {
                    try {
                      backup.open();
                    } catch (java.io.IOException e) {
                      try {
                        backup.closeNow();
                      } catch (java.io.IOException closing) {
                        System.err.println(closing);
                      }
                      scheduler.schedule(this::connectCleanly, 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectThroughALambda() {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open();
                    } catch (java.io.IOException e) {
                      scheduler.schedule(() -> connectThroughALambda(), 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectClosingInTheLambda() {
                    try {
                      backup.open();
                    } catch (java.io.IOException e) {
                      scheduler.schedule(() -> {
                        try {
                          backup.closeNow();
                        } catch (java.io.IOException closing) {
                          System.err.println(closing);
                        }
                        connectClosingInTheLambda();
                      }, 5, TimeUnit.SECONDS);
                    }
                  }

                  void poll() {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open();
                    } catch (java.io.IOException e) {
                      System.err.println(e);
                    }
                    scheduler.schedule(this::poll, 1, TimeUnit.MINUTES);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A loop whose body sets the flag its condition tests, unconditionally, ends after one round whether the open()
   * succeeds or fails: it neither keeps running after the open() (a re-entry site) nor attempts it again (a retry),
   * so its open() is start-up code (found in a blind suite). A continue that can skip the flag makes it a retry.
   */
  @Test
  void loopThatEndsAfterOneRoundWhateverHappensIsNoLoop_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Starter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                
                class Starter {
                  private final DeviceClient client;

                  Starter(DeviceClient client) {
                    this.client = client;
                  }

                  void flagSetBeforeTheOpen() throws InterruptedException {
                    boolean connected = false;
                    while (!connected) {
                      connected = true;
                      try {
                        client.open(false);
                      } catch (IotHubClientException e) {
                        Thread.sleep(2000);
                      }
                    }
                  }

                  void flagSetAfterTheTry() throws InterruptedException {
                    boolean done = false;
                    do {
                      try {
                        client.open(false);
                      } catch (IotHubClientException e) {
                        Thread.sleep(2000);
                      }
                      done = true;
                    } while (!done);
                  }

                  void statusSetBeforeTheOpenInTheTry() throws InterruptedException {
                    IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
                    do {
                      try {
                        status = IotHubConnectionStatus.CONNECTED;
                        client.open(false);
                      } catch (IotHubClientException e) {
                        Thread.sleep(2000);
                      }
                    } while (status != IotHubConnectionStatus.CONNECTED);
                  }

                  void flagSetFirstInTheTry() throws InterruptedException {
                    boolean done = false;
                    do {
                      try {
                        done = true;
                        client.open(false);
                      } catch (IotHubClientException e) {
                        Thread.sleep(2000);
                      }
                    } while (!done);
                  }

                  void flagSkippedByContinue() throws InterruptedException {
                    boolean connected = false;
                    while (connected == false) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open(false);
                      } catch (IotHubClientException e) {
                        Thread.sleep(2000);
                        continue;
                      }
                      connected = true;
                    }
                  }

                  void flagResetWhenTheAttemptFails() throws InterruptedException {
                    boolean connected = false;
                    while (!connected) {
                      connected = true;
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open(false);
                      } catch (IotHubClientException e) {
                        connected = false;
                        Thread.sleep(2000);
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void loopThatEndsAfterOneRoundWhateverHappensIsNoLoop_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Starter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                
                class Starter {
                  private final DeviceClient client;

                  Starter(DeviceClient client) {
                    this.client = client;
                  }

                  void flagSetBeforeTheOpen() throws InterruptedException {
                    boolean connected = false;
                    while (!connected) {
                      connected = true;
                      try {
                        client.open();
                      } catch (java.io.IOException e) {
                        Thread.sleep(2000);
                      }
                    }
                  }

                  void flagSetAfterTheTry() throws InterruptedException {
                    boolean done = false;
                    do {
                      try {
                        client.open();
                      } catch (java.io.IOException e) {
                        Thread.sleep(2000);
                      }
                      done = true;
                    } while (!done);
                  }

                  void statusSetBeforeTheOpenInTheTry() throws InterruptedException {
                    IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
                    do {
                      try {
                        status = IotHubConnectionStatus.CONNECTED;
                        client.open();
                      } catch (java.io.IOException e) {
                        Thread.sleep(2000);
                      }
                    } while (status != IotHubConnectionStatus.CONNECTED);
                  }

                  void flagSetFirstInTheTry() throws InterruptedException {
                    boolean done = false;
                    do {
                      try {
                        done = true;
                        client.open();
                      } catch (java.io.IOException e) {
                        Thread.sleep(2000);
                      }
                    } while (!done);
                  }

                  void flagSkippedByContinue() throws InterruptedException {
                    boolean connected = false;
                    while (connected == false) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open();
                      } catch (java.io.IOException e) {
                        Thread.sleep(2000);
                        continue;
                      }
                      connected = true;
                    }
                  }

                  void flagResetWhenTheAttemptFails() throws InterruptedException {
                    boolean connected = false;
                    while (!connected) {
                      connected = true;
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open();
                      } catch (java.io.IOException e) {
                        connected = false;
                        Thread.sleep(2000);
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * {@code continue outer} after the open() leaves the inner loop as a {@code break} would: the inner loop is a retry
   * construct, not a loop that keeps running after its open() (blind suite V). The outer loop is judged by itself: an
   * enhanced {@code for} over the clients is no re-entry site, a {@code while} that keeps running is one.
   */
  @Test
  void continueOfAnOuterLoopLeavesTheInnerOne_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "RelayBoot.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.io.IOException;

                class RelayBoot {
                  static volatile boolean running = true;

                  static void bootAll(DeviceClient[] relays) throws InterruptedException {
                    relays:
                    for (DeviceClient relay : relays) {
                      for (int attempt = 1; attempt <= 5; attempt++) {
                        try {
                          relay.open();
                          continue relays;
                        } catch (IOException e) {
                          try {
                            relay.closeNow();
                          } catch (IOException ignored) {
                            // best effort
                          }
                          Thread.sleep(500L * attempt);
                        }
                      }
                    }
                  }

                  static void bootAllWithoutClosing(DeviceClient[] relays) throws InterruptedException {
                    relays:
                    for (DeviceClient relay : relays) {
                      for (int attempt = 1; attempt <= 5; attempt++) {
                        try {
                          // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                          relay.open();
                          continue relays;
                        } catch (IOException e) {
                          Thread.sleep(500L * attempt);
                        }
                      }
                    }
                  }

                  static void keepWatching(DeviceClient relay) throws InterruptedException {
                    watch:
                    while (running) {
                      for (int attempt = 1; attempt <= 5; attempt++) {
                        try {
                          // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                          relay.open();
                          continue watch;
                        } catch (IOException e) {
                          try {
                            relay.closeNow();
                          } catch (IOException ignored) {
                            // best effort
                          }
                          Thread.sleep(500L * attempt);
                        }
                      }
                    }
                  }

                  public static void main(String[] args) throws InterruptedException {
                    bootAll(new DeviceClient[0]);
                    bootAllWithoutClosing(new DeviceClient[0]);
                    keepWatching(null);
                  }
                }
                """))
        .doTest();
  }

  /** As {@link #continueOfAnOuterLoopLeavesTheInnerOne_v1}, on the second generation's API. */
  @Test
  void continueOfAnOuterLoopLeavesTheInnerOne_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "RelayBoot.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.List;

                class RelayBoot {
                  static volatile boolean running = true;

                  static void bootAll(List<DeviceClient> relays) throws InterruptedException {
                    relays:
                    for (DeviceClient relay : relays) {
                      int attempt = 0;
                      do {
                        try {
                          relay.open(false);
                          continue relays;
                        } catch (IotHubClientException e) {
                          relay.close();
                          Thread.sleep(500L * ++attempt);
                        }
                      } while (attempt < 5);
                    }
                  }

                  static void bootAllWithoutClosing(List<DeviceClient> relays) throws InterruptedException {
                    relays:
                    for (DeviceClient relay : relays) {
                      int attempt = 0;
                      do {
                        try {
                          // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                          relay.open(false);
                          continue relays;
                        } catch (IotHubClientException e) {
                          Thread.sleep(500L * ++attempt);
                        }
                      } while (attempt < 5);
                    }
                  }

                  static void keepWatching(DeviceClient relay) throws InterruptedException {
                    watch:
                    while (running) {
                      while (true) {
                        try {
                          // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                          relay.open(false);
                          continue watch;
                        } catch (IotHubClientException e) {
                          relay.close();
                          Thread.sleep(500L);
                        }
                      }
                    }
                  }

                  public static void main(String[] args) throws InterruptedException {
                    bootAll(List.of());
                    bootAllWithoutClosing(List.of());
                    keepWatching(null);
                  }
                }
                """))
        .doTest();
  }
}
