package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The six checks together, as users run them: the SDK's own architectures, and one diagnostic per call. */
class AllChecksTest {
  /** The five checks, shared by the tests that run them together. */
  static final ScannerSupplier ALL =
      ScannerSupplier.fromBugCheckerClasses(
          IotHubOpenWithoutStatusGuard.class,
          IotHubOpenRetryWithoutClose.class,
          IotHubReconnectOnCallbackThread.class,
          IotHubClientReplacedWithoutClose.class,
          IotHubReopenAfterClientClose.class,
          IotHubConnectionStringInCode.class);

  private CompilationTestHelper all(Sdk sdk, String... extraArgs) {
    List<String> args = new ArrayList<>(sdk.classPathArgs());
    args.addAll(List.of(extraArgs));
    return CompilationTestHelper.newInstance(ALL, getClass()).setArgs(args);
  }

  /** The current (2.x) reconnection sample's architecture gets no finding at all. */
  @Test
  void reconnectionManagerLikeTheSdkSampleIsClean_v2() {
    all(Sdk.V2)
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
    all(Sdk.V1)
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
                          // BUG: Diagnostic contains: IotHubOpenRetryWithoutClose
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

  /** Check 1 comes first, then check 2, then check 3; checks 4 and 5 report elsewhere. */
  @Test
  void oneCallOneDiagnostic_v2() {
    all(Sdk.V2)
        .addSourceLines(
            "Precedence.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Precedence {
                  private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // an unguarded retry on the callback thread: check 1 only
                      while (true) {
                        try {
                          // BUG: Diagnostic contains: IotHubOpenWithoutStatusGuard
                          client.open(false);
                          break;
                        } catch (IotHubClientException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // BUG: Diagnostic contains: IotHubReopenAfterClientClose
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        // guarded, a retry without close, on the callback thread: check 2 only
                        while (true) {
                          try {
                            // BUG: Diagnostic contains: IotHubOpenRetryWithoutClose
                            client.open(false);
                            break;
                          } catch (IotHubClientException e) {
                            System.err.println(e);
                          }
                        }
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                          && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        try {
                          // BUG: Diagnostic contains: IotHubReconnectOnCallbackThread
                          client.close();
                          // BUG: Diagnostic contains: IotHubReconnectOnCallbackThread
                          client.open(false);
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

  /**
   * Check 6 reports at the connection-string argument, check 4 at the assignment: two trees, two findings (javac puts
   * both on one line when the argument is on the assignment's line).
   */
  @Test
  void aHardCodedKeyAndAReplacedClientAreTwoFindings_v2() {
    String key =
        Base64.getEncoder().encodeToString("not a secret, only long enough".getBytes(StandardCharsets.US_ASCII));
    all(Sdk.V2)
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
                      // BUG: Diagnostic contains: [IotHubClientReplacedWithoutClose]
                      this.client = new DeviceClient(
                          // BUG: Diagnostic contains: [IotHubConnectionStringInCode] The connection string of device 'kiosk-4'
                          CS, IotHubClientProtocol.AMQPS);
                    }
                  }
                }
                """
                    .replace("KEY", key)))
        .doTest();
  }

  /** With the first check switched off, the next one that matches reports the call instead of nobody. */
  @Test
  void theNextCheckReportsWhenTheFirstIsOff_v2() {
    all(Sdk.V2, "-Xep:IotHubOpenWithoutStatusGuard:OFF")
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
                        // BUG: Diagnostic contains: IotHubReconnectOnCallbackThread
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
  void suppressionByName_v2() {
    all(Sdk.V2)
        .addSourceLines(
            "Suppressed.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Suppressed {
                  private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  @SuppressWarnings("IotHubOpenRetryWithoutClose")
                  void connect() throws InterruptedException {
                    while (true) {
                      try {
                        client.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
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
    all(Sdk.V2).addSourceLines("Plain.java", source).doTest();
    CompilationTestHelper.newInstance(ALL, getClass()).addSourceLines("Plain.java", source).doTest();
  }

  /** A configured wrapper type's open/close mean the SDK's. */
  @Test
  void configuredClientTypes_v2() {
    all(Sdk.V2, "-XepOpt:IotHub:ClientTypes=com.acme.Connection")
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
                        // BUG: Diagnostic contains: IotHubOpenRetryWithoutClose
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
}
