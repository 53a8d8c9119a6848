package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

/**
 * Check 2 over retry libraries (contract v2, "retry construct"): the attempt a Failsafe, Resilience4j or Spring Retry
 * call runs is one round of a retry loop, compiled against the real library jars.
 */
class IotHubOpenRetryWithoutCloseLibrariesTest {

  // ------------------------------------------------------------------ negatives

  @Test
  void failsafe_closedOrNotRetried_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "FailsafeNegatives.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import dev.failsafe.Failsafe;
                import dev.failsafe.RetryPolicy;
                import dev.failsafe.Timeout;
                import java.time.Duration;

                class FailsafeNegatives {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final DeviceClient other = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final RetryPolicy<Object> closingPolicy =
                      RetryPolicy.builder().withMaxRetries(5).onRetry(e -> client.close()).build();
                  private final RetryPolicy<Object> plainPolicy = RetryPolicy.builder().withMaxRetries(5).build();
                  private final RetryPolicy<Object> referencePolicy =
                      RetryPolicy.builder().onRetry(this::closeOther).build();

                  void closesFirst() {
                    Failsafe.with(plainPolicy).run(() -> {
                      client.close();
                      client.open(true);
                    });
                  }

                  void listenerCloses() {
                    Failsafe.with(closingPolicy).run(() -> client.open(true));
                  }

                  void inlineListenerCloses() {
                    Failsafe.with(RetryPolicy.builder().onFailedAttempt(e -> other.close()).build())
                        .run(() -> other.open(true));
                  }

                  void listenerClosesThroughAMethodReference() {
                    Failsafe.with(referencePolicy).run(() -> other.open(true));
                  }

                  private void closeOther(Object event) {
                    other.close();
                  }

                  void closesInTheCatchAndRethrows() {
                    Failsafe.with(plainPolicy).run(() -> {
                      try {
                        client.open(true);
                      } catch (IotHubClientException e) {
                        client.close();
                        throw e;
                      }
                    });
                  }

                  void asyncClosesFirst() {
                    Failsafe.with(plainPolicy).runAsync(() -> {
                      client.close();
                      client.open(true);
                    });
                  }

                  // a policy that never retries: one attempt, like a single open()
                  void noRetries() {
                    Failsafe.with(RetryPolicy.builder().withMaxRetries(0).build()).run(() -> client.open(true));
                  }

                  // no RetryPolicy among the policies: nothing attempts again
                  void timeoutOnly() {
                    Failsafe.with(Timeout.of(Duration.ofSeconds(5))).run(() -> client.open(true));
                    Failsafe.none().run(() -> client.open(true));
                  }
                }
                """))
        .doTest();
  }

  @Test
  void failsafe2_listenerOnTheMutablePolicy_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "Failsafe2Negatives.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import net.jodah.failsafe.Failsafe;
                import net.jodah.failsafe.RetryPolicy;

                class Failsafe2Negatives {
                  private final DeviceClient client;
                  private final RetryPolicy<Object> policy = new RetryPolicy<>().withMaxRetries(3);

                  Failsafe2Negatives(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    policy.onFailedAttempt(e -> client.closeNow());
                  }

                  void connect() {
                    Failsafe.with(policy).run(() -> client.open());
                  }

                  void closesFirst() {
                    Failsafe.with(new RetryPolicy<>()).run(() -> {
                      client.closeNow();
                      client.open();
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void resilience4j_closedOrNotRun_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "Resilience4jNegatives.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.core.functions.CheckedRunnable;
                import io.github.resilience4j.retry.Retry;
                import io.github.resilience4j.retry.RetryConfig;

                class Resilience4jNegatives {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final Retry retry = Retry.ofDefaults("iothub");
                  private final Retry closing = Retry.ofDefaults("closing");

                  Resilience4jNegatives() {
                    closing.getEventPublisher().onRetry(event -> client.close());
                  }

                  void listenerCloses() throws Throwable {
                    closing.executeCheckedSupplier(() -> {
                      client.open(true);
                      return true;
                    });
                  }

                  void closesFirst() throws Throwable {
                    Retry.decorateCheckedRunnable(retry, () -> {
                      client.close();
                      client.open(true);
                    }).run();
                  }

                  // decorated, but never run here
                  CheckedRunnable decoratedOnly() {
                    return Retry.decorateCheckedRunnable(retry, () -> client.open(true));
                  }

                  void singleAttempt() throws Throwable {
                    Retry once = Retry.of("once", RetryConfig.custom().maxAttempts(1).build());
                    once.executeCheckedSupplier(() -> {
                      client.open(true);
                      return true;
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void spring_closedOrSelfCalled_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "SpringNegatives.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import org.springframework.retry.RetryCallback;
                import org.springframework.retry.RetryContext;
                import org.springframework.retry.RetryListener;
                import org.springframework.retry.annotation.Retryable;
                import org.springframework.retry.support.RetryTemplate;

                class SpringNegatives {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final RetryTemplate template = RetryTemplate.builder().maxAttempts(5).build();
                  private final RetryTemplate closingTemplate = new RetryTemplate();

                  SpringNegatives() {
                    closingTemplate.registerListener(new RetryListener() {
                      @Override
                      public <T, E extends Throwable> void onError(
                          RetryContext context, RetryCallback<T, E> callback, Throwable throwable) {
                        client.close();
                      }
                    });
                  }

                  void closesFirst() throws IotHubClientException {
                    template.execute(context -> {
                      client.close();
                      client.open(true);
                      return null;
                    });
                  }

                  void listenerCloses() throws IotHubClientException {
                    closingTemplate.execute(context -> {
                      client.open(true);
                      return null;
                    });
                  }

                  @Retryable(maxAttempts = 5)
                  public void connect() throws IotHubClientException {
                    client.open(true);
                  }

                  // Spring's proxy does not see self-calls: connect() runs once here
                  void start() throws IotHubClientException {
                    connect();
                    this.connect();
                  }

                  static class Starter {
                    private final SpringNegatives link = new SpringNegatives();

                    void start() throws IotHubClientException {
                      link.connectOnce();
                    }
                  }

                  @Retryable(maxAttempts = 1)
                  public void connectOnce() throws IotHubClientException {
                    client.open(true);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A Spring {@code RetryListener} written as a named class of the compilation, given to the template, closes between
   * attempts as an anonymous one does (blind suite AL); one that only logs does not.
   */
  @Test
  void spring_namedListenerClassCloses_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "TwinSync.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import org.springframework.retry.RetryCallback;
                import org.springframework.retry.RetryContext;
                import org.springframework.retry.RetryListener;
                import org.springframework.retry.support.RetryTemplate;

                class TwinSync {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final RetryTemplate closing = RetryTemplate.builder().withListener(new ClosingListener()).build();
                  private final RetryTemplate registered = new RetryTemplate();
                  private final RetryTemplate logging = RetryTemplate.builder().withListener(new LoggingListener()).build();

                  class ClosingListener implements RetryListener {
                    @Override
                    public <T, E extends Throwable> void onError(
                        RetryContext context, RetryCallback<T, E> callback, Throwable throwable) {
                      client.close();
                    }
                  }

                  class LoggingListener implements RetryListener {
                    @Override
                    public <T, E extends Throwable> void onError(
                        RetryContext context, RetryCallback<T, E> callback, Throwable throwable) {
                      System.err.println(throwable);
                    }
                  }

                  TwinSync() {
                    registered.registerListener(new ClosingListener());
                  }

                  void start() throws IotHubClientException {
                    closing.execute(context -> {
                      client.open(true);
                      return null;
                    });
                    registered.execute(context -> {
                      client.open(true);
                      return null;
                    });
                    logging.execute(context -> {
                      // BUG: Diagnostic contains: open() is retried
                      client.open(true);
                      return null;
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void spring_namedListenerClassCloses_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "TwinSync.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import org.springframework.retry.RetryCallback;
                import org.springframework.retry.RetryContext;
                import org.springframework.retry.RetryListener;
                import org.springframework.retry.support.RetryTemplate;

                class TwinSync {
                  private DeviceClient client;
                  private final RetryTemplate closing = RetryTemplate.builder().withListener(new ClosingListener()).build();
                  private final RetryTemplate registered = new RetryTemplate();
                  private final RetryTemplate logging = RetryTemplate.builder().withListener(new LoggingListener()).build();

                  class ClosingListener implements RetryListener {
                    @Override
                    public <T, E extends Throwable> void onError(
                        RetryContext context, RetryCallback<T, E> callback, Throwable throwable) {
                      try {
                          client.closeNow();
                        } catch (java.io.IOException e) {
                          System.err.println(e);
                        }
                    }
                  }

                  class LoggingListener implements RetryListener {
                    @Override
                    public <T, E extends Throwable> void onError(
                        RetryContext context, RetryCallback<T, E> callback, Throwable throwable) {
                      System.err.println(throwable);
                    }
                  }

                  TwinSync() {
                    registered.registerListener(new ClosingListener());
                  }

                  void start() throws java.io.IOException {
                    closing.execute(context -> {
                      client.open();
                      return null;
                    });
                    registered.execute(context -> {
                      client.open();
                      return null;
                    });
                    logging.execute(context -> {
                      // BUG: Diagnostic contains: open() is retried
                      client.open();
                      return null;
                    });
                  }
                }
                """))
        .doTest();
  }

  // ------------------------------------------------------------------ positives

  @Test
  void failsafe_everyForm_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "FailsafeForms.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import dev.failsafe.Failsafe;
                import dev.failsafe.FailsafeExecutor;
                import dev.failsafe.RetryPolicy;
                import dev.failsafe.Timeout;
                import java.time.Duration;

                class FailsafeForms {
                  private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final RetryPolicy<Object> policy =
                      RetryPolicy.builder().withDelay(Duration.ofSeconds(2)).withMaxRetries(-1).build();
                  private final RetryPolicy<Object> otherPolicy =
                      RetryPolicy.builder().onRetry(e -> System.out.println("retrying")).build();
                  private final FailsafeExecutor<Object> executor = Failsafe.with(policy);

                  void run() {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    Failsafe.with(policy).run(() -> client.open(true));
                  }

                  boolean get() {
                    return Failsafe.with(policy).get(() -> {
                      // BUG: Diagnostic contains: 409002
                      client.open(true);
                      return true;
                    });
                  }

                  void runAsync() {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    Failsafe.with(policy).runAsync(() -> client.open(true));
                  }

                  void getAsync() {
                    Failsafe.with(policy).getAsync(() -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                      return client;
                    });
                  }

                  void throughTheExecutorField() {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    executor.run(() -> client.open(true));
                  }

                  // reported at the open() in openClient()
                  void composedWithATimeout() {
                    Failsafe.with(Timeout.of(Duration.ofSeconds(5))).compose(policy).run(this::openClient);
                  }

                  void listenerDoesNotClose() {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    Failsafe.with(otherPolicy).run(() -> client.open(true));
                  }

                  void freshClientEachAttempt() {
                    Failsafe.with(policy).run(() -> {
                      client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                    });
                  }

                  void freshLocalEachAttempt() {
                    Failsafe.with(policy).run(() -> {
                      DeviceClient fresh = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      fresh.open(true);
                    });
                  }

                  private void openClient() throws IotHubClientException {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    client.open(true);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void failsafe2_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "Failsafe2Forms.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.time.Duration;
                import net.jodah.failsafe.Failsafe;
                import net.jodah.failsafe.RetryPolicy;

                class Failsafe2Forms {
                  private final DeviceClient client;

                  Failsafe2Forms(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void connect() {
                    RetryPolicy<Object> policy = new RetryPolicy<>().withDelay(Duration.ofSeconds(1)).withMaxRetries(10);
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    Failsafe.with(policy).run(() -> client.open());
                  }

                  void connectAsync() {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    Failsafe.with(new RetryPolicy<>()).runAsync(() -> client.open());
                  }
                }
                """))
        .doTest();
  }

  @Test
  void resilience4j_everyForm_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "Resilience4jForms.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import io.github.resilience4j.core.functions.CheckedRunnable;
                import io.github.resilience4j.core.functions.CheckedSupplier;
                import io.github.resilience4j.retry.Retry;
                import java.util.concurrent.Callable;
                import java.util.concurrent.ExecutorService;
                import java.util.function.Supplier;

                class Resilience4jForms {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final Retry retry = Retry.ofDefaults("iothub");
                  private final Retry logging = Retry.ofDefaults("logging");

                  Resilience4jForms() {
                    logging.getEventPublisher().onRetry(event -> System.out.println(event));
                  }

                  void executeCheckedSupplier() throws Throwable {
                    retry.executeCheckedSupplier(() -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                      return true;
                    });
                  }

                  void executeCallable() throws Exception {
                    retry.executeCallable(() -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                      return true;
                    });
                  }

                  void executeRunnable() {
                    retry.executeRunnable(() -> {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(true);
                      } catch (IotHubClientException e) {
                        throw new IllegalStateException(e);
                      }
                    });
                  }

                  void executeSupplier() {
                    logging.executeSupplier(this::openOrThrow);
                  }

                  void decorateCheckedRunnable() throws Throwable {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    CheckedRunnable connect = Retry.decorateCheckedRunnable(retry, () -> client.open(true));
                    connect.run();
                  }

                  void decorateCheckedSupplier() throws Throwable {
                    CheckedSupplier<Boolean> connect = Retry.decorateCheckedSupplier(retry, () -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                      return true;
                    });
                    connect.get();
                  }

                  void decorateCallableHandedOff(ExecutorService executor) {
                    Callable<Boolean> connect = Retry.decorateCallable(retry, () -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                      return true;
                    });
                    executor.submit(connect);
                  }

                  void decoratedChoiceRun(boolean verbose) {
                    Runnable connect =
                        verbose
                            ? Retry.decorateRunnable(logging, () -> System.out.println("connecting"))
                            : Retry.decorateRunnable(retry, this::openOrThrowInChoice);
                    connect.run();
                  }

                  // a choice of decorated functions that this code never runs: no retry here
                  Runnable decoratedChoiceOnly(boolean verbose) {
                    return verbose ? Retry.decorateRunnable(retry, this::openNeverRun) : null;
                  }

                  void decoratedChoiceHandedOff(boolean verbose, ExecutorService executor) {
                    executor.execute(
                        (Runnable) (verbose ? null : Retry.decorateRunnable(retry, this::openOrThrowHandedOff)));
                  }

                  private void openOrThrowInChoice() {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                    } catch (IotHubClientException e) {
                      throw new IllegalStateException(e);
                    }
                  }

                  private void openOrThrowHandedOff() {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                    } catch (IotHubClientException e) {
                      throw new IllegalStateException(e);
                    }
                  }

                  private void openNeverRun() {
                    try {
                      client.open(true);
                    } catch (IotHubClientException e) {
                      throw new IllegalStateException(e);
                    }
                  }

                  void decorateSupplierRunInPlace() {
                    Retry.decorateSupplier(retry, () -> {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(true);
                        return true;
                      } catch (IotHubClientException e) {
                        throw new IllegalStateException(e);
                      }
                    }).get();
                  }

                  private boolean openOrThrow() {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                      return true;
                    } catch (IotHubClientException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A registry hands back one Retry per name: a close in a listener of registry.retry("iothub") runs between the
   * attempts that registry.retry("iothub") runs, not between those of registry.retry("telemetry").
   */
  @Test
  void resilience4j_registryListenerByName_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "SolarInverter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.retry.RetryRegistry;

                class SolarInverter {
                  private final RetryRegistry registry = RetryRegistry.ofDefaults();
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final DeviceClient telemetry = new DeviceClient("cs2", IotHubClientProtocol.MQTT);

                  SolarInverter() {
                    registry.retry("iothub").getEventPublisher().onRetry(event -> client.close());
                    registry.retry("iothub").getEventPublisher().onRetry(event -> telemetry.close());
                  }

                  void connect() throws Throwable {
                    registry.retry("iothub").executeCheckedSupplier(() -> {
                      client.open(false);
                      return true;
                    });
                  }

                  void connectTelemetry() throws Throwable {
                    registry.retry("telemetry").executeCheckedSupplier(() -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      telemetry.open(false);
                      return true;
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void resilience4j1_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, RetryJars.RESILIENCE4J_1, getClass())
        .addSourceLines(
            "Resilience4j1Forms.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.retry.Retry;
                import io.vavr.CheckedRunnable;
                import java.io.IOException;

                class Resilience4j1Forms {
                  private final DeviceClient client;
                  private final Retry retry = Retry.ofDefaults("iothub");
                  private final Retry closing = Retry.ofDefaults("closing");

                  Resilience4j1Forms(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                    closing.getEventPublisher().onRetry(event -> closeQuietly());
                  }

                  private void closeQuietly() {
                    try {
                      client.closeNow();
                    } catch (IOException e) {
                      // the next attempt reports its own failure
                    }
                  }

                  void connect() throws Throwable {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    CheckedRunnable connect = Retry.decorateCheckedRunnable(retry, () -> client.open());
                    connect.run();
                  }

                  void connectUnlessOffline(boolean offline) throws Throwable {
                    CheckedRunnable connect =
                        offline
                            ? () -> System.out.println("offline")
                            // BUG: Diagnostic contains: open() is retried without closing the client
                            : Retry.decorateCheckedRunnable(retry, () -> client.open());
                    connect.run();
                  }

                  void connectClosing() throws Throwable {
                    closing.executeCheckedSupplier(() -> {
                      client.open();
                      return true;
                    });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void spring_everyForm_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "SpringForms.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import org.springframework.retry.RetryCallback;
                import org.springframework.retry.RetryContext;
                import org.springframework.retry.annotation.Backoff;
                import org.springframework.retry.annotation.Retryable;
                import org.springframework.retry.support.RetryTemplate;

                class SpringForms {
                  private final DeviceClient client;
                  private final RetryTemplate template = RetryTemplate.builder().maxAttempts(5).fixedBackoff(1000).build();

                  SpringForms(DeviceClient client) {
                    this.client = client;
                  }

                  void lambda() throws IOException {
                    template.execute(context -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open();
                      return null;
                    });
                  }

                  void callbackClass() throws IOException {
                    template.execute(new RetryCallback<Void, IOException>() {
                      @Override
                      public Void doWithRetry(RetryContext context) throws IOException {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open();
                        return null;
                      }
                    });
                  }

                  @Retryable(retryFor = IOException.class, maxAttempts = 5, backoff = @Backoff(delay = 2000),
                      listeners = "closingListener")
                  public void connect() throws IOException {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    client.open();
                  }

                  static class Starter {
                    private final SpringForms link;

                    Starter(SpringForms link) {
                      this.link = link;
                    }

                    void start() throws IOException {
                      link.connect();
                    }
                  }
                }
                """))
        .doTest();
  }

  // ------------------------------------------------------------------ replacement

  @Test
  void replacement_closesFirstInTheBlockAttempt_v2() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addInputLines(
            "Connect.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import dev.failsafe.Failsafe;
                import dev.failsafe.RetryPolicy;
                import io.github.resilience4j.retry.Retry;

                class Connect {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final Retry retry = Retry.ofDefaults("iothub");

                  void failsafe() {
                    Failsafe.with(RetryPolicy.ofDefaults()).run(() -> {
                      client.open(true);
                    });
                  }

                  void resilience4j() throws Throwable {
                    retry.executeCheckedSupplier(() -> {
                      client.open(true);
                      return true;
                    });
                  }
                }
                """))
        .addOutputLines(
            "Connect.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import dev.failsafe.Failsafe;
                import dev.failsafe.RetryPolicy;
                import io.github.resilience4j.retry.Retry;

                class Connect {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final Retry retry = Retry.ofDefaults("iothub");

                  void failsafe() {
                    Failsafe.with(RetryPolicy.ofDefaults()).run(() -> {
                      client.close();
                      client.open(true);
                    });
                  }

                  void resilience4j() throws Throwable {
                    retry.executeCheckedSupplier(() -> {
                      client.close();
                      client.open(true);
                      return true;
                    });
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_wrapsTheCheckedCloseWhereTheAttemptCannotThrow_v1() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V1, RetryJars.CURRENT, getClass())
        .addInputLines(
            "Connect.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.retry.Retry;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import net.jodah.failsafe.Failsafe;
                import net.jodah.failsafe.RetryPolicy;
                import org.springframework.retry.annotation.Retryable;

                class Connect {
                  private final DeviceClient client;
                  private final Retry retry = Retry.ofDefaults("iothub");

                  Connect(DeviceClient client) {
                    this.client = client;
                  }

                  void failsafe() {
                    Failsafe.with(new RetryPolicy<>()).run(() -> {
                      client.open();
                    });
                  }

                  void resilience4j() {
                    retry.executeRunnable(() -> {
                      try {
                        client.open();
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
                  }

                  @Retryable
                  public void connect() throws IOException {
                    client.open();
                  }

                  static class Starter {
                    void start(Connect link) throws IOException {
                      link.connect();
                    }
                  }
                }
                """))
        .addOutputLines(
            "Connect.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.retry.Retry;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import net.jodah.failsafe.Failsafe;
                import net.jodah.failsafe.RetryPolicy;
                import org.springframework.retry.annotation.Retryable;

                class Connect {
                  private final DeviceClient client;
                  private final Retry retry = Retry.ofDefaults("iothub");

                  Connect(DeviceClient client) {
                    this.client = client;
                  }

                  void failsafe() {
                    Failsafe.with(new RetryPolicy<>()).run(() -> {
                      client.close();
                      client.open();
                    });
                  }

                  void resilience4j() {
                    retry.executeRunnable(() -> {
                      try {
                        client.close();
                        client.open();
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
                  }

                  @Retryable
                  public void connect() throws IOException {
                    client.close();
                    client.open();
                  }

                  static class Starter {
                    void start(Connect link) throws IOException {
                      link.connect();
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * A Resilience4j decorate* result handed to {@code new Thread(...)} runs (on that thread), as one handed to an
   * executor does: its attempts are retried there (found by probing real shapes).
   */
  @Test
  void resilience4j_decoratedRunnableHandedToANewThread_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "Starter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import io.github.resilience4j.retry.Retry;

                class Starter {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final Retry retry = Retry.ofDefaults("connect");

                  void inline() {
                    new Thread(Retry.decorateRunnable(retry, () -> {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(true);
                      } catch (IotHubClientException e) {
                        throw new IllegalStateException(e);
                      }
                    })).start();
                  }

                  void throughALocal() {
                    Runnable connect = Retry.decorateRunnable(retry, () -> {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(false);
                      } catch (IotHubClientException e) {
                        throw new IllegalStateException(e);
                      }
                    });
                    new Thread(connect).start();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void resilience4j_decoratedRunnableHandedToANewThread_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "Starter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import io.github.resilience4j.retry.Retry;
                import java.io.IOException;

                class Starter {
                  private DeviceClient client;
                  private final Retry retry = Retry.ofDefaults("connect");

                  void throughALocal() {
                    Runnable connect = Retry.decorateRunnable(retry, () -> {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open();
                      } catch (IOException e) {
                        throw new IllegalStateException(e);
                      }
                    });
                    new Thread(connect, "connect").start();
                  }
                }
                """))
        .doTest();
  }

  /**
   * The attempt kept in a local before the library runs it is the same attempt as one written inline (blind suite
   * Z): the local is read where it is run, with the run's policy. An attempt that closes first, one never run and
   * one given to a policy that never retries stay quiet.
   */
  @Test
  void attemptKeptInALocal_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "AttemptInLocal.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import dev.failsafe.Failsafe;
                import dev.failsafe.RetryPolicy;
                import dev.failsafe.function.CheckedRunnable;
                import io.github.resilience4j.retry.Retry;
                import java.util.concurrent.Callable;
                import org.springframework.retry.RetryCallback;
                import org.springframework.retry.support.RetryTemplate;

                class AttemptInLocal {
                  private final DeviceClient telemetry = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final DeviceClient inventory = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final DeviceClient alarms = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final DeviceClient spare = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final RetryPolicy<Object> forever = RetryPolicy.builder().withMaxRetries(-1).build();

                  void failsafe() {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    CheckedRunnable attempt = () -> telemetry.open(false);
                    Failsafe.with(forever).run(attempt);
                  }

                  void resilience4j() throws Exception {
                    Callable<Boolean> attempt = () -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      inventory.open(false);
                      return true;
                    };
                    Retry.ofDefaults("inventory").executeCallable(attempt);
                  }

                  void spring() throws IotHubClientException {
                    RetryCallback<Boolean, IotHubClientException> attempt = context -> {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      alarms.open(false);
                      return true;
                    };
                    RetryTemplate.defaultInstance().execute(attempt);
                  }

                  void closesFirst() {
                    CheckedRunnable attempt = () -> {
                      spare.close();
                      spare.open(false);
                    };
                    Failsafe.with(forever).run(attempt);
                  }

                  void neverRun() {
                    CheckedRunnable attempt = () -> spare.open(false);
                    System.out.println(attempt);
                  }

                  void noRetries() {
                    CheckedRunnable attempt = () -> spare.open(false);
                    Failsafe.with(RetryPolicy.builder().withMaxRetries(0).build()).run(attempt);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void attemptKeptInALocal_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, RetryJars.CURRENT, getClass())
        .addSourceLines(
            "AttemptInLocal.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import dev.failsafe.Failsafe;
                import dev.failsafe.RetryPolicy;
                import dev.failsafe.function.CheckedRunnable;
                import io.github.resilience4j.retry.Retry;
                import java.io.IOException;
                import java.util.concurrent.Callable;

                class AttemptInLocal {
                  private DeviceClient client;

                  void failsafe() {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    CheckedRunnable attempt = () -> client.open();
                    Failsafe.with(RetryPolicy.ofDefaults()).run(attempt);
                  }

                  void resilience4jClosesFirst() throws Exception {
                    Callable<Boolean> attempt = () -> {
                      client.closeNow();
                      client.open();
                      return true;
                    };
                    Retry.ofDefaults("connect").executeCallable(attempt);
                  }
                }
                """))
        .doTest();
  }
}
