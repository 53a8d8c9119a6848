package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * Unnamed variables ({@code _}, Java 22): a status callback that leaves its reason (or its context) unnamed gives a
 * fix nothing to test the reason with. Such a finding is reported without a fix, never with a fix naming an empty
 * parameter. Runs on the JDKs that accept the syntax (the JDK 25 leg of the build); the no-fix tests compare trees,
 * since the formatter behind a text comparison does not read unnamed variables.
 */
@EnabledForJreRange(min = JRE.JAVA_22)
class UnnamedVariablesTest {

  @Test
  void aGuardInACallbackWithAnUnnamedReasonIsReportedWithoutAFix_v1() {
    FindingWithoutFix.of(IotHubReopenAfterClientClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Unnamed.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Unnamed {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, _, _, _) -> {
                      // BUG: Diagnostic contains: CLIENT_CLOSE
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
                      client.open();
                    } catch (Exception _) {
                    }
                  }
                }
                """))
        .doTest(TestMode.AST_MATCH);
  }

  @Test
  void aNamedReasonBesideUnnamedParametersIsUsed_v1() {
    Sources.refactor(IotHubReopenAfterClientClose.class, Sdk.V1, getClass())
        .addInputLines(
            "Unnamed.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Unnamed {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, _, _) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
                      client.open();
                    } catch (Exception _) {
                    }
                  }
                }
                """))
        .addOutputLines(
            "Unnamed.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Unnamed {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, _, _) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED
                          && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
                      client.open();
                    } catch (Exception _) {
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void anOpenInACallbackWithAnUnnamedReasonIsReportedWithoutAFix_v1() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "Unnamed.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.ExecutorService;

                class Unnamed {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, _, _, _) -> {
                      executor.execute(() -> {
                        try {
                          // BUG: Diagnostic contains: DISCONNECTED
                          client.open();
                        } catch (Exception _) {
                        }
                      });
                    }, null);
                  }
                }
                """))
        .doTest(TestMode.AST_MATCH);
  }

  @Test
  void anOpenInACallbackWithAnUnnamedContextIsReportedWithoutAFix_v2() {
    FindingWithoutFix.of(IotHubOpenWithoutStatusGuard.class, Sdk.V2, getClass())
        .addSourceLines(
            "Unnamed.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.ExecutorService;

                class Unnamed {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(_ -> {
                      executor.execute(() -> {
                        try {
                          // BUG: Diagnostic contains: DISCONNECTED
                          client.open(false);
                        } catch (Exception _) {
                        }
                      });
                    }, null);
                  }
                }
                """))
        .doTest(TestMode.AST_MATCH);
  }
}
