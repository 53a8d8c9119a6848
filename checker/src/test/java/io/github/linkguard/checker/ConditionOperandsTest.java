package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import org.junit.jupiter.api.Test;

/**
 * Conditions whose operands say different things: an operand about something else beside the ones about the status
 * ({@code enabled && status != CONNECTED}). It neither makes nor unmakes a guard, whichever side it is on.
 */
class ConditionOperandsTest {

  @Test
  void anOperandOnSomethingElseKeepsAGuardByElimination_v1() {
    Sources.compile(IotHubOpenWithoutStatusGuard.class, Sdk.V1, getClass())
        .addSourceLines(
            "FlaggedElimination.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class FlaggedElimination {
                  private DeviceClient client;
                  private ExecutorService executor;
                  private boolean enabled;

                  void register() {
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, context) -> {
                          if (enabled
                              && status != IotHubConnectionStatus.CONNECTED
                              && status != IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                            executor.submit(this::openWhenOnlyDisconnectedIsLeft);
                          }
                          if (enabled && status != IotHubConnectionStatus.CONNECTED) {
                            executor.submit(this::openWhileRetryingToo);
                          }
                        },
                        null);
                  }

                  private void openWhenOnlyDisconnectedIsLeft() {
                    try {
                      client.open();
                    } catch (IOException e) {
                      // the next status change decides
                    }
                  }

                  private void openWhileRetryingToo() {
                    try {
                      // BUG: Diagnostic contains: IotHubOpenWithoutStatusGuard
                      client.open();
                    } catch (IOException e) {
                      // the next status change decides
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void anOperandOnSomethingElseKeepsAConditionThatAdmitsOtherStatuses_v2() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "FlaggedReopen.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class FlaggedReopen {
                  private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;
                  private boolean enabled;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // BUG: Diagnostic contains: IotHubReopenAfterClientClose
                      if (enabled && ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                        executor.execute(this::reconnect);
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
}
