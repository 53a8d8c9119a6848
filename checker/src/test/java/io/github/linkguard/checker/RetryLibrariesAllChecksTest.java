package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import org.junit.jupiter.api.Test;

/**
 * Checks 1, 3 and 4 treat a retry library's attempt as the retry construct of contract v2: one call, one diagnostic;
 * asynchronous attempts are hand-offs for the callback-thread rules; a new client per attempt is check 2's.
 */
class RetryLibrariesAllChecksTest {
  @Test
  void startUpRetryIsCheck2sAndAGuardedAsyncReconnectIsClean_v2() {
    ExactFindings.compile(Sdk.V2, RetryJars.CURRENT)
        .addSourceLines(
            "Gateway.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import dev.failsafe.Failsafe;
                import dev.failsafe.RetryPolicy;
                import java.time.Duration;

                class Gateway {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final RetryPolicy<Object> policy =
                      RetryPolicy.builder().withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1)).build();

                  void start() {
                    client.setConnectionStatusChangeCallback(this::onStatus, null);
                    // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                    Failsafe.with(policy).run(() -> client.open(true));
                  }

                  // the callback hands the reconnect to Failsafe's pool, which closes before each attempt
                  private void onStatus(ConnectionStatusChangeContext context) {
                    if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                      Failsafe.with(policy).runAsync(() -> {
                        client.close();
                        client.open(true);
                      });
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void unguardedReconnectsFromTheCallback_v2() {
    ExactFindings.compile(Sdk.V2, RetryJars.CURRENT)
        .addSourceLines(
            "Unguarded.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import dev.failsafe.Failsafe;
                import dev.failsafe.RetryPolicy;

                class Unguarded {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final DeviceClient other = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final RetryPolicy<Object> policy = RetryPolicy.ofDefaults();

                  void start() {
                    client.setConnectionStatusChangeCallback(context -> {
                      // on every status, DISCONNECTED_RETRYING included; handed to Failsafe's pool
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      Failsafe.with(policy).runAsync(() -> client.open(true));
                    }, null);
                    other.setConnectionStatusChangeCallback(context -> {
                      Failsafe.with(policy).run(() -> {
                        // FINDING: [IotHubReconnectOnCallbackThread] close() runs on the thread that delivers
                        other.close();
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        other.open(true);
                      });
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void attemptsAtReentrySites_v2() {
    ExactFindings.compile(Sdk.V2, RetryJars.CURRENT)
        .addSourceLines(
            "Watchdog.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.retry.Retry;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Watchdog {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private final Retry retry = Retry.ofDefaults("iothub");
                  private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private DeviceClient backup = new DeviceClient("cs", IotHubClientProtocol.AMQPS);

                  void watch() {
                    scheduler.scheduleWithFixedDelay(() -> {
                      // closed before the retry starts (exemption a, the attempt belongs to this task), but not
                      // between the attempts
                      client.close();
                      try {
                        retry.executeCheckedSupplier(() -> {
                          // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                          client.open(true);
                          return true;
                        });
                      } catch (Throwable t) {
                        // next round
                      }
                    }, 1, 1, TimeUnit.MINUTES);
                    scheduler.scheduleWithFixedDelay(() -> {
                      try {
                        retry.executeCheckedSupplier(() -> {
                          // a new client per attempt is check 2's, not IotHubClientReplacedWithoutClose; check 1
                          // exempts the fresh instance (b)
                          backup = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                          // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                          backup.open(true);
                          return true;
                        });
                      } catch (Throwable t) {
                        // next round
                      }
                    }, 1, 1, TimeUnit.MINUTES);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A Resilience4j decorate* result runs its attempt where it is called: called inside an executor task, the attempt
   * is re-entry code, and check 1 reports its unguarded open() before check 2 does (found by a blind suite); called
   * in start-up code it is check 2's retry.
   */
  @Test
  void decoratedAttemptRunInAnExecutorTaskIsReentryCode_v2() {
    ExactFindings.compile(Sdk.V2, RetryJars.CURRENT)
        .addSourceLines(
            "Uploader.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.retry.Retry;
                import io.github.resilience4j.core.functions.CheckedRunnable;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Uploader {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private final Retry retry = Retry.ofDefaults("upload");
                  private DeviceClient client;
                  private DeviceClient startUpClient;

                  void scheduleReconnect() {
                    CheckedRunnable reconnect = Retry.decorateCheckedRunnable(retry, () -> {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open(false);
                    });
                    executor.submit(() -> {
                      try {
                        reconnect.run();
                      } catch (Throwable t) {
                        System.err.println(t);
                      }
                    });
                  }

                  void start() throws Throwable {
                    CheckedRunnable connect = Retry.decorateCheckedRunnable(retry, () -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      startUpClient.open(false);
                    });
                    connect.run();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void decoratedAttemptRunInAnExecutorTaskIsReentryCode_v1() {
    ExactFindings.compile(Sdk.V1, RetryJars.CURRENT)
        .addSourceLines(
            "Uploader.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.retry.Retry;
                import io.github.resilience4j.core.functions.CheckedRunnable;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Uploader {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private final Retry retry = Retry.ofDefaults("upload");
                  private DeviceClient client;
                  private DeviceClient startUpClient;

                  void scheduleReconnect() {
                    CheckedRunnable reconnect = Retry.decorateCheckedRunnable(retry, () -> {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open();
                    });
                    executor.submit(() -> {
                      try {
                        reconnect.run();
                      } catch (Throwable t) {
                        System.err.println(t);
                      }
                    });
                  }

                  void start() throws Throwable {
                    CheckedRunnable connect = Retry.decorateCheckedRunnable(retry, () -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      startUpClient.open();
                    });
                    connect.run();
                  }
                }
                """))
        .doTest();
  }
}
