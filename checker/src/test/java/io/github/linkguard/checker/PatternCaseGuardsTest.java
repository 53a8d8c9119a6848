package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The {@code when} guard of a pattern case (Java 21) is a condition like an {@code if}'s: {@code case
 * IotHubConnectionStatus s when s == DISCONNECTED ->} is a DISCONNECTED guard of the case's code (check 1 is quiet
 * there, and check 5 asks for its CLIENT_CLOSE exclusion at the condition), and {@code when s != CONNECTED} admits the
 * SDK's own statuses. Runs on the JDKs that have the syntax (the JDK 25 leg of the build).
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class PatternCaseGuardsTest {

  @Test
  void aWhenGuardIsADisconnectedGuard_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "ClimateUnit.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class ClimateUnit {
                  private final DeviceClient client = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        case IotHubConnectionStatus s when s == IotHubConnectionStatus.DISCONNECTED -> pool.execute(this::reconnect);
                        case null, default -> {}
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        case IotHubConnectionStatus s
                            when s == IotHubConnectionStatus.DISCONNECTED
                                && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE ->
                            pool.execute(this::reconnect);
                        default -> {}
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.close();
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
  void aWhenGuardThatAdmitsTheSdksStatusesIsNoGuard_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "ClimateUnit.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class ClimateUnit {
                  private final DeviceClient client = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);
                  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        // FINDING: [IotHubReopenAfterClientClose] also admits DISCONNECTED_RETRYING or CONNECTED
                        case IotHubConnectionStatus s when s != IotHubConnectionStatus.CONNECTED -> pool.execute(this::reconnect);
                        default -> {}
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.close();
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /** A record pattern on the app's own event, outside any callback: the guard holds for the open() in its case. */
  @Test
  void aWhenGuardOnARecordComponentGuardsAnEventLoop_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "LinkLoop.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.BlockingQueue;
                import java.util.concurrent.LinkedBlockingQueue;

                class LinkLoop {
                  record LinkChanged(IotHubConnectionStatus status) {}

                  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
                  private DeviceClient client;

                  void start() {
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, context) -> events.add(new LinkChanged(status)), null);
                    Thread.ofVirtual().start(this::run);
                  }

                  private void run() {
                    while (true) {
                      try {
                        switch (events.take()) {
                          case LinkChanged(var status) when status == IotHubConnectionStatus.DISCONNECTED -> {
                            client.open();
                          }
                          case LinkChanged(var status) -> {
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            client.open();
                          }
                          default -> {}
                        }
                      } catch (InterruptedException | IOException e) {
                        return;
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_excludesTheReasonInTheWhenGuard_v1() {
    Sources.refactor(IotHubReopenAfterClientClose.class, Sdk.V1, getClass())
        .addInputLines(
            "Legacy.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Legacy {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      switch (status) {
                        case IotHubConnectionStatus s when s == IotHubConnectionStatus.DISCONNECTED -> new Thread(this::reconnect).start();
                        default -> {}
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addOutputLines(
            "Legacy.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Legacy {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      switch (status) {
                        case IotHubConnectionStatus s when s == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE -> new Thread(this::reconnect).start();
                        default -> {}
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
                      client.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest(TestMode.AST_MATCH);
  }
}
