package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

class IotHubOpenRetryWithoutCloseTest {

  // ------------------------------------------------------------------ negatives, 2.x

  /**
   * {@code while (!isOnline()) { try { client.open(); markOnline(); } catch (...) { sleep(); } }}: a same-class method
   * that sets the loop's flag after the open() ends the loop like the assignment itself, so the loop is a retry (check
   * 2 when the failed attempt is not closed), not a loop that keeps running after its open() (blind suite AL).
   */
  @Test
  void aFlagSetThroughASameClassMethodAfterTheOpenEndsTheRetryLoop_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "PosTerminal.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class PosTerminal {
                  private final DeviceClient terminal;
                  private final DeviceClient spare;
                  private boolean online;
                  private boolean spareOnline;

                  PosTerminal(DeviceClient terminal, DeviceClient spare) {
                    this.terminal = terminal;
                    this.spare = spare;
                  }

                  private boolean isOnline() {
                    return online;
                  }

                  private void markOnline() {
                    online = true;
                  }

                  private void markSpareOnline() {
                    spareOnline = true;
                  }

                  void goOnline() throws InterruptedException {
                    while (!isOnline()) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried
                        terminal.open();
                        markOnline();
                      } catch (IOException e) {
                        Thread.sleep(4000);
                      }
                    }
                    while (!spareOnline) {
                      try {
                        spare.open();
                        markSpareOnline();
                      } catch (IOException e) {
                        try {
                          spare.closeNow();
                        } catch (IOException closeFailure) {
                          System.err.println(closeFailure);
                        }
                        Thread.sleep(4000);
                      }
                    }
                  }

                  public static void main(String[] args) throws Exception {
                    new PosTerminal(null, null).goOnline();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFlagSetThroughASameClassMethodAfterTheOpenEndsTheRetryLoop_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "PosTerminal.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class PosTerminal {
                  private final DeviceClient terminal;
                  private final DeviceClient spare;
                  private boolean online;
                  private boolean spareOnline;

                  PosTerminal(DeviceClient terminal, DeviceClient spare) {
                    this.terminal = terminal;
                    this.spare = spare;
                  }

                  private boolean isOnline() {
                    return online;
                  }

                  private void markOnline() {
                    online = true;
                  }

                  private void markSpareOnline() {
                    spareOnline = true;
                  }

                  void goOnline() throws InterruptedException {
                    while (!isOnline()) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried
                        terminal.open(false);
                        markOnline();
                      } catch (IotHubClientException e) {
                        Thread.sleep(4000);
                      }
                    }
                    while (!spareOnline) {
                      try {
                        spare.open(false);
                        markSpareOnline();
                      } catch (IotHubClientException e) {
                        spare.close();
                        Thread.sleep(4000);
                      }
                    }
                  }

                  public static void main(String[] args) throws Exception {
                    new PosTerminal(null, null).goOnline();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void identification_negatives_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Negatives.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Negatives {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private DeviceClient replaceable;

                  // a single start-up open
                  void start() throws IotHubClientException {
                    client.open(false);
                  }

                  // the SDK reconnection sample's shape: close() before every attempt
                  boolean openWithRetry() throws InterruptedException {
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
                      Thread.sleep(1000);
                    }
                  }

                  void closeInCatch() throws InterruptedException {
                    for (int attempt = 0; attempt < 5; attempt++) {
                      try {
                        client.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        client.close();
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void closeInFinallyOfFailure() throws InterruptedException {
                    boolean connected = false;
                    while (!connected) {
                      try {
                        client.open(false);
                        connected = true;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      } finally {
                        if (!connected) {
                          client.close();
                        }
                      }
                    }
                  }

                  void closeAfterTheTry() throws InterruptedException {
                    do {
                      try {
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        // logged
                      }
                      client.close();
                      Thread.sleep(1000);
                    } while (true);
                  }

                  void closeThroughHelper() throws InterruptedException {
                    while (true) {
                      try {
                        client.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        closeQuietly(client);
                      }
                    }
                  }

                  private static void closeQuietly(DeviceClient toClose) {
                    toClose.close();
                  }

                  void catchRetryWithClose() throws IotHubClientException {
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      client.close();
                      client.open(false);
                    }
                  }

                  void recursiveRetryClosingFirst(int attempt) {
                    client.close();
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      if (attempt < 3) {
                        recursiveRetryClosingFirst(attempt + 1);
                      }
                    }
                  }

                  void newClientPerAttemptClosingTheFailedOne() throws InterruptedException {
                    while (true) {
                      replaceable = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                      try {
                        replaceable.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        replaceable.close();
                        Thread.sleep(1000);
                      }
                    }
                  }

                  // not a retry: the catch gives up
                  void noRetry() {
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println("giving up: " + e);
                    }
                  }

                  // one client per device: a different client each round, none retried
                  void oneClientPerDevice(java.util.List<DeviceClient> clients) throws IotHubClientException {
                    for (DeviceClient each : clients) {
                      each.open(false);
                    }
                  }
                }
                """))
        .doTest();
  }

  // ------------------------------------------------------------------ positives, 2.x

  @Test
  void identification_positives_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Positives.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Positives {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private DeviceClient replaceable;
                  private ScheduledExecutorService scheduler;
                  private volatile boolean connected;

                  void whileTrueBreak() throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: 409002
                        client.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void forWithReturn() throws InterruptedException {
                    for (int attempt = 1; attempt <= 5; attempt++) {
                      try {
                        // BUG: Diagnostic contains: Close the failed attempt's client before trying again
                        client.open(true);
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(attempt * 1000L);
                      }
                    }
                  }

                  void doWhileFlag() {
                    boolean opened = false;
                    do {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(false);
                        opened = true;
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    } while (!opened);
                  }

                  void fieldFlagSetInCallee() {
                    while (!connected) {
                      try {
                        connect();
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  private void connect() throws IotHubClientException {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    client.open(false);
                    connected = true;
                  }

                  void catchReopens() throws IotHubClientException {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(false);
                    } catch (IotHubClientException e) {
                      client.open(false);
                    }
                  }

                  void recursiveRetry(int attempt) {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(false);
                    } catch (IotHubClientException e) {
                      if (attempt < 3) {
                        recursiveRetry(attempt + 1);
                      }
                    }
                  }

                  void scheduledRetry() {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(false);
                    } catch (IotHubClientException e) {
                      scheduler.schedule(this::scheduledRetry, 5, TimeUnit.SECONDS);
                    }
                  }

                  void retryThroughAnotherMethod() {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(false);
                    } catch (IotHubClientException e) {
                      retryLater();
                    }
                  }

                  private void retryLater() {
                    retryThroughAnotherMethod();
                  }

                  void newClientPerAttemptWithoutClosingTheFailedOne() throws InterruptedException {
                    while (true) {
                      replaceable = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                      replaceable.close();
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        replaceable.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void localClientPerAttempt() throws InterruptedException {
                    while (true) {
                      DeviceClient attempt = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        attempt.open(false);
                        replaceable = attempt;
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void moduleAndMultiplexing(MultiplexingClient multiplexing) throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        multiplexing.open(false);
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

  // ------------------------------------------------------------------ 1.x

  @Test
  void identification_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "LegacyRetries.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class LegacyRetries {
                  private DeviceClient client;

                  void start() throws IOException {
                    client.open();
                  }

                  void closeNowBeforeEachAttempt() throws InterruptedException {
                    while (true) {
                      try {
                        client.closeNow();
                        client.open();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void tryWithResourcesClosesTheFailedClient(String cs) throws Exception {
                    while (true) {
                      try (DeviceClient attempt = new DeviceClient(cs, IotHubClientProtocol.MQTT)) {
                        attempt.open();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void retriesWithoutClose() throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void catchReopens() throws IOException {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(true);
                    } catch (IOException e) {
                      client.open(true);
                    }
                  }

                  void recursiveRetry(int attempt) {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open();
                    } catch (IOException e) {
                      if (attempt < 3) {
                        recursiveRetry(attempt + 1);
                      }
                    }
                  }

                  void newClientPerAttempt(String cs) throws InterruptedException, URISyntaxException {
                    while (true) {
                      client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open();
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

  // ------------------------------------------------------------------ closes that must be on every failure path

  @Test
  void closeCountsOnlyOnThePathsThatTryAgain_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "FailurePaths.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class FailurePaths {
                  private DeviceClient client;

                  void closesOnlyBeforeGivingUp() throws IotHubClientException, InterruptedException {
                    for (int attempt = 1; ; attempt++) {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        if (!e.isRetryable()) {
                          client.close();
                          throw e;
                        }
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void givesUpFirstThenCloses() throws IotHubClientException, InterruptedException {
                    for (int attempt = 1; ; attempt++) {
                      try {
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        if (!e.isRetryable()) {
                          throw e;
                        }
                        client.close();
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void finallyClosesOnlyAfterTheLastAttempt(int max) throws InterruptedException {
                    for (int attempt = 1; attempt <= max; attempt++) {
                      boolean opened = false;
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(false);
                        opened = true;
                        return;
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      } finally {
                        if (!opened && attempt == max) {
                          client.close();
                        }
                      }
                      Thread.sleep(1000);
                    }
                  }

                  void finallyClosesEveryFailedAttempt() throws InterruptedException {
                    for (int attempt = 1; attempt <= 5; attempt++) {
                      boolean opened = false;
                      try {
                        client.open(false);
                        opened = true;
                        return;
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      } finally {
                        if (opened == false || attempt > 5) {
                          client.close();
                        }
                      }
                      Thread.sleep(1000);
                    }
                  }

                  void closesAfterTheTryWhenItFailed() throws InterruptedException {
                    while (true) {
                      boolean ok = false;
                      try {
                        client.open(false);
                        ok = true;
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                      if (ok) {
                        break;
                      } else {
                        client.close();
                      }
                      Thread.sleep(1000);
                    }
                  }

                  void closesAfterTheTryOnlySometimes(boolean verbose) throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                      if (verbose) {
                        client.close();
                      }
                      Thread.sleep(1000);
                    }
                  }

                  void helperTearsItsAttemptDown() throws InterruptedException {
                    while (!tryConnect()) {
                      Thread.sleep(1000);
                    }
                  }

                  private boolean tryConnect() {
                    try {
                      client.open(false);
                      return true;
                    } catch (IotHubClientException e) {
                      client.close();
                      return false;
                    }
                  }

                  void helperLeavesItsAttempt() throws InterruptedException {
                    while (!tryConnectKeepingState()) {
                      Thread.sleep(1000);
                    }
                  }

                  private boolean tryConnectKeepingState() {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(false);
                      return true;
                    } catch (IotHubClientException e) {
                      return false;
                    }
                  }

                  void catchRetryClosingOnOneBranchOnly(boolean quick) throws IotHubClientException {
                    try {
                      // BUG: Diagnostic contains: open() is retried without closing the client
                      client.open(false);
                    } catch (IotHubClientException e) {
                      if (quick) {
                        client.close();
                      }
                      client.open(false);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closeInEveryCatchThatCarriesOn_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Catches.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Catches {
                  private DeviceClient client;

                  void badConfigurationGivesUp(String cs) throws InterruptedException {
                    for (int attempt = 1; attempt <= 5; attempt++) {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open();
                        return;
                      } catch (URISyntaxException e) {
                        return;
                      } catch (IOException e) {
                        try {
                          client.closeNow();
                        } catch (IOException ignored) {
                          // best effort
                        }
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void secondCatchForgetsTheClose() throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open();
                        break;
                      } catch (IllegalStateException e) {
                        Thread.sleep(1000);
                      } catch (IOException e) {
                        try {
                          client.closeNow();
                        } catch (IOException ignored) {
                          // best effort
                        }
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closesThatSomeRetriesSkipAndRetriesThroughHelpers_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Paths.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Paths {
                  interface Step {
                    void run() throws IotHubClientException;
                  }

                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void retryableFailuresContinuePastTheClose() throws InterruptedException, IotHubClientException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open(true);
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                        if (e.isRetryable()) {
                          continue;
                        }
                        client.close();
                        throw e;
                      }
                    }
                  }

                  void closesOnEveryRoundAfterTheFirst() throws InterruptedException {
                    int attempt = 0;
                    while (true) {
                      try {
                        if (attempt > 0) {
                          client.close();
                        }
                        client.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        attempt++;
                        Thread.sleep(500L * attempt);
                      }
                    }
                  }

                  private DeviceClient buildAndOpen() throws IotHubClientException {
                    DeviceClient fresh = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    fresh.open(true);
                    return fresh;
                  }

                  DeviceClient connectNew() throws InterruptedException {
                    for (int i = 1; i <= 5; i++) {
                      try {
                        return buildAndOpen();
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000L * i);
                      }
                    }
                    throw new IllegalStateException("no connection");
                  }

                  private static void withRetry(int attempts, Step step) throws InterruptedException {
                    for (int i = 1; i <= attempts; i++) {
                      try {
                        step.run();
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000L * i);
                      }
                    }
                  }

                  void connectThroughTheRetryHelper() throws InterruptedException {
                    // BUG: Diagnostic contains: open() is retried without closing the client
                    withRetry(5, () -> client.open(true));
                  }

                  void reconnectThroughTheRetryHelper() throws InterruptedException {
                    withRetry(
                        5,
                        () -> {
                          client.close();
                          client.open(true);
                        });
                  }
                }
                """))
        .doTest();
  }

  @Test
  void continuePastTheCloseInTheCatch_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "LastChance.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class LastChance {
                  private final DeviceClient client;

                  LastChance(DeviceClient client) {
                    this.client = client;
                  }

                  void connect() throws InterruptedException {
                    int attempt = 0;
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        client.open();
                        return;
                      } catch (IOException e) {
                        attempt++;
                        if (attempt < 3) {
                          Thread.sleep(1000);
                          continue;
                        }
                        try {
                          client.closeNow();
                        } catch (IOException ignored) {
                          // best effort
                        }
                        attempt = 0;
                      }
                    }
                  }

                  void closeFirstThenDecide() throws InterruptedException {
                    int attempt = 0;
                    while (true) {
                      try {
                        client.open();
                        return;
                      } catch (IOException e) {
                        try {
                          client.closeNow();
                        } catch (IOException ignored) {
                          // best effort
                        }
                        if (++attempt < 3) {
                          continue;
                        }
                        Thread.sleep(30_000);
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void switchBreaksLabelsAndClosesOnTheRetryingPathsOnly_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Shapes.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.BlockingQueue;

                class Shapes {
                  private DeviceClient client;
                  private BlockingQueue<IotHubConnectionStatus> statuses;

                  // a monitor loop: the break leaves the switch, the loop keeps running -- no retry
                  void monitor() throws InterruptedException {
                    while (!Thread.currentThread().isInterrupted()) {
                      switch (statuses.take()) {
                        case DISCONNECTED:
                          reopen();
                          break;
                        default:
                          break;
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

                  void nestedRetryLeftByLabel() {
                    outer:
                    for (int round = 0; round < 3; round++) {
                      for (int i = 0; i < 3; i++) {
                        try {
                          // BUG: Diagnostic contains: open() is retried without closing the client
                          client.open();
                          break outer;
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    }
                  }

                  void closesOnlyWhereItTriesAgain() throws InterruptedException {
                    while (true) {
                      try {
                        client.open();
                        return;
                      } catch (IOException e) {
                        if (e.getMessage() != null) {
                          try {
                            client.closeNow();
                          } catch (IOException ignored) {
                            // best effort
                          }
                          Thread.sleep(1000);
                          continue;
                        }
                        return;
                      }
                    }
                  }

                  void connectThroughABackOffHelper() {
                    try {
                      client.open();
                    } catch (IOException e) {
                      backOffAndRetry();
                    }
                  }

                  private void backOffAndRetry() {
                    try {
                      client.closeNow();
                    } catch (IOException ignored) {
                      // best effort
                    }
                    connectThroughABackOffHelper();
                  }
                }
                """))
        .doTest();
  }

  // ------------------------------------------------------------------ replacement

  @Test
  void replacement_closesFirstInTheCatch_v2() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addInputLines(
            "Retry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Retry {
                  private DeviceClient client;

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

                  void reopenInCatch() throws IotHubClientException {
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                    }
                  }
                }
                """))
        .addOutputLines(
            "Retry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Retry {
                  private DeviceClient client;

                  void connect() throws InterruptedException {
                    while (true) {
                      try {
                        client.open(false);
                        break;
                      } catch (IotHubClientException e) {
                        client.close();
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void reopenInCatch() throws IotHubClientException {
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_nullChecksAClientTheAttemptCreates_v2() {
    // new DeviceClient(...) may throw on the first attempt before the field holds anything: close only what exists
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addInputLines(
            "Rebind.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Rebind {
                  private DeviceClient client;

                  void rebind(String cs) throws InterruptedException {
                    while (true) {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                        break;
                      } catch (IotHubClientException | IllegalArgumentException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .addOutputLines(
            "Rebind.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Rebind {
                  private DeviceClient client;

                  void rebind(String cs) throws InterruptedException {
                    while (true) {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                        break;
                      } catch (IotHubClientException | IllegalArgumentException e) {
                        if (client != null) {
                          client.close();
                        }
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void nullCheckedCloseInTheCatchIsACloseBetweenAttempts_v2() {
    // the fix above makes its finding go away
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Rebind.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Rebind {
                  private DeviceClient client;

                  void rebind(String cs) throws InterruptedException {
                    while (true) {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(false);
                        break;
                      } catch (IotHubClientException | IllegalArgumentException e) {
                        if (client != null) {
                          client.close();
                        }
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void replacement_wrapsTheCheckedCloseOfTheFirstGeneration_v1() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addInputLines(
            "Retry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Retry {
                  private DeviceClient client;

                  void connect() throws InterruptedException {
                    while (true) {
                      try {
                        client.open();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void catchReopens() throws IOException {
                    try {
                      client.open();
                    } catch (IOException e) {
                      client.open();
                    }
                  }
                }
                """))
        .addOutputLines(
            "Retry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Retry {
                  private DeviceClient client;

                  void connect() throws InterruptedException {
                    while (true) {
                      try {
                        client.open();
                        break;
                      } catch (IOException e) {
                        try {
                          client.close();
                        } catch (IOException closeFailure) {
                          // the failed attempt is discarded anyway
                        }
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void catchReopens() throws IOException {
                    try {
                      client.open();
                    } catch (IOException e) {
                      client.close();
                      client.open();
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * A client whose static type is a type variable bounded by the client type: the close the fix inserts is looked
   * up on the bound (found by a blind suite: looking it up on the type variable failed, and the finding came without
   * its fix).
   */
  @Test
  void replacement_closesAClientTypedByATypeVariable_v1() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addInputLines(
            "Session.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Session<C extends DeviceClient> {
                  private final C client;

                  Session(C client) {
                    this.client = client;
                  }

                  boolean connect(int tries) throws InterruptedException {
                    while (tries-- > 0) {
                      try {
                        client.open();
                        return true;
                      } catch (IOException e) {
                        Thread.sleep(250);
                      }
                    }
                    return false;
                  }
                }
                """))
        .addOutputLines(
            "Session.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Session<C extends DeviceClient> {
                  private final C client;

                  Session(C client) {
                    this.client = client;
                  }

                  boolean connect(int tries) throws InterruptedException {
                    while (tries-- > 0) {
                      try {
                        client.open();
                        return true;
                      } catch (IOException e) {
                        try {
                          client.close();
                        } catch (IOException closeFailure) {
                          // the failed attempt is discarded anyway
                        }
                        Thread.sleep(250);
                      }
                    }
                    return false;
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_closesAClientTypedByATypeVariable_v2() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addInputLines(
            "Session.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Session<C extends DeviceClient> {
                  private final C client;

                  Session(C client) {
                    this.client = client;
                  }

                  boolean connect(int tries) throws InterruptedException {
                    while (tries-- > 0) {
                      try {
                        client.open(false);
                        return true;
                      } catch (IotHubClientException e) {
                        Thread.sleep(250);
                      }
                    }
                    return false;
                  }
                }
                """))
        .addOutputLines(
            "Session.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Session<C extends DeviceClient> {
                  private final C client;

                  Session(C client) {
                    this.client = client;
                  }

                  boolean connect(int tries) throws InterruptedException {
                    while (tries-- > 0) {
                      try {
                        client.open(false);
                        return true;
                      } catch (IotHubClientException e) {
                        client.close();
                        Thread.sleep(250);
                      }
                    }
                    return false;
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_goesIntoEachCatchThatTriesAgain_v1() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addInputLines(
            "Rebind.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Rebind {
                  private DeviceClient client;

                  void rebind(String cs) throws InterruptedException {
                    for (int attempt = 1; attempt <= 5; attempt++) {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open();
                        return;
                      } catch (URISyntaxException e) {
                        return;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      } catch (IllegalStateException e) {
                        continue;
                      }
                    }
                  }
                }
                """))
        .addOutputLines(
            "Rebind.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Rebind {
                  private DeviceClient client;

                  void rebind(String cs) throws InterruptedException {
                    for (int attempt = 1; attempt <= 5; attempt++) {
                      try {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open();
                        return;
                      } catch (URISyntaxException e) {
                        return;
                      } catch (IOException e) {
                        if (client != null) {
                          try {
                            client.close();
                          } catch (IOException closeFailure) {
                            // the failed attempt is discarded anyway
                          }
                        }
                        Thread.sleep(1000);
                      } catch (IllegalStateException e) {
                        if (client != null) {
                          try {
                            client.close();
                          } catch (IOException closeFailure) {
                            // the failed attempt is discarded anyway
                          }
                        }
                        continue;
                      }
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_beforeTheOpenWhenNoCatchIsInTheLoop_v2() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addInputLines(
            "Retry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Retry {
                  private DeviceClient client;

                  void connect() throws InterruptedException {
                    while (!tryOpen()) {
                      Thread.sleep(1000);
                    }
                  }

                  private boolean tryOpen() {
                    try {
                      client.open(false);
                      return true;
                    } catch (IotHubClientException e) {
                      return false;
                    }
                  }
                }
                """))
        .addOutputLines(
            "Retry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Retry {
                  private DeviceClient client;

                  void connect() throws InterruptedException {
                    while (!tryOpen()) {
                      Thread.sleep(1000);
                    }
                  }

                  private boolean tryOpen() {
                    try {
                      client.close();
                      client.open(false);
                      return true;
                    } catch (IotHubClientException e) {
                      return false;
                    }
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_closesInsideTheFunctionARetryHelperRuns_v1() {
    Sources.refactor(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addInputLines(
            "Helper.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Helper {
                  interface Step {
                    void run() throws IOException;
                  }

                  private DeviceClient client;

                  private static boolean withRetry(Step step) throws InterruptedException {
                    for (int i = 0; i < 3; i++) {
                      try {
                        step.run();
                        return true;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                    return false;
                  }

                  boolean connect() throws InterruptedException {
                    return withRetry(
                        () -> {
                          client.open();
                        });
                  }
                }
                """))
        .addOutputLines(
            "Helper.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Helper {
                  interface Step {
                    void run() throws IOException;
                  }

                  private DeviceClient client;

                  private static boolean withRetry(Step step) throws InterruptedException {
                    for (int i = 0; i < 3; i++) {
                      try {
                        step.run();
                        return true;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                    return false;
                  }

                  boolean connect() throws InterruptedException {
                    return withRetry(
                        () -> {
                          client.close();
                          client.open();
                        });
                  }
                }
                """))
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_noFixWhenTheFailedClientIsOutOfScope_v2() {
    FindingWithoutFix.of(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Retry.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Retry {
                  private DeviceClient current;

                  void connect() throws InterruptedException {
                    while (true) {
                      try {
                        DeviceClient attempt = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        attempt.open(false);
                        current = attempt;
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

  /**
   * A client reached through the try's resource ({@code lease.client()}): the resource is not in scope in the catch,
   * so no close there can be suggested (the suggestion did not compile).
   */
  @Test
  void replacement_noFixWhenTheClientIsReadThroughTheResource_v1() {
    FindingWithoutFix.of(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Leased.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Leased {
                  static final class Lease implements AutoCloseable {
                    final DeviceClient client;

                    Lease(DeviceClient client) {
                      this.client = client;
                    }

                    DeviceClient client() {
                      return client;
                    }

                    @Override
                    public void close() {
                      System.out.println("returned");
                    }
                  }

                  void connect(String cs) throws Exception {
                    while (true) {
                      try (Lease lease = new Lease(new DeviceClient(cs, IotHubClientProtocol.MQTT))) {
                        // BUG: Diagnostic contains: open() is retried without closing the client
                        lease.client().open();
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
   * A loop guarded by the tracked status whose open() is in no try inside it: a failed open() throws out of the loop,
   * so no next attempt follows the failure and check 2 has nothing to say (found by a blind suite written from the
   * contract alone). The same loop catching the failure and going round again is a retry without a close.
   */
  @Test
  void aFailureThatLeavesTheLoopIsNotRetried_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Keeper.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Keeper {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
                  private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

                  void start() {
                    client.setConnectionStatusChangeCallback(c -> status = c.getNewStatus(), null);
                    ses.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.MINUTES);
                  }

                  private void tick() {
                    try {
                      reopenWhileDown();
                      reopenSwallowing();
                    } catch (IotHubClientException | InterruptedException e) {
                      System.err.println(e);
                    }
                  }

                  private void reopenWhileDown() throws IotHubClientException, InterruptedException {
                    while (status == IotHubConnectionStatus.DISCONNECTED) {
                      client.open(false);
                      Thread.sleep(1_000);
                    }
                  }

                  private void reopenSwallowing() throws InterruptedException {
                    while (status == IotHubConnectionStatus.DISCONNECTED) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] without closing the client
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                      Thread.sleep(1_000);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFailureThatLeavesTheLoopIsNotRetried_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Keeper.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Keeper implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;
                  private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

                  Keeper(DeviceClient client) {
                    this.client = client;
                  }

                  void start() {
                    client.registerConnectionStatusChangeCallback(this, null);
                    new Timer().schedule(new TimerTask() {
                      @Override
                      public void run() {
                        try {
                          reopenWhileDown();
                        } catch (IOException | InterruptedException e) {
                          System.err.println(e);
                        }
                      }
                    }, 60_000, 60_000);
                  }

                  @Override
                  public void execute(
                      IotHubConnectionStatus newStatus, IotHubConnectionStatusChangeReason reason, Throwable cause,
                      Object context) {
                    status = newStatus;
                  }

                  private void reopenWhileDown() throws IOException, InterruptedException {
                    while (status == IotHubConnectionStatus.DISCONNECTED) {
                      client.open();
                      Thread.sleep(1_000);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * The attempt type and the hand-rolled retry utility (as Edge samples carry one) of the forwarding tests: execute()
   * forwards the attempt to doExecute(), which loops; twice() forwards it once more.
   */
  private static final String ATTEMPT =
      """
      interface Attempt<T> {
        T run(int round) throws Exception;
      }
      """;

  private static final String RETRIER =
      """
      class Retrier {
        private final int attempts;

        Retrier(int attempts) {
          this.attempts = attempts;
        }

        <T> T execute(Attempt<T> attempt) throws Exception {
          return doExecute(attempt);
        }

        <T> T twice(Attempt<T> attempt) throws Exception {
          return execute(attempt);
        }

        protected <T> T doExecute(Attempt<T> attempt) throws Exception {
          Exception last = null;
          for (int round = 1; round <= attempts; round++) {
            try {
              return attempt.run(round);
            } catch (Exception e) {
              last = e;
            }
          }
          throw last;
        }
      }
      """;

  /**
   * A hand-rolled retry utility whose public method forwards the attempt to the method that loops (found on real
   * code: an Edge sample's RetryTemplate.execute -> doExecute), and an attempt kept in a local first: the lambda is
   * retried as the same attempt written as an anonymous class is.
   */
  @Test
  void attemptForwardedToTheRetryingMethodOrKeptInALocal_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines("Attempt.java", lines(ATTEMPT))
        .addSourceLines("Retrier.java", lines(RETRIER))
        .addSourceLines(
            "App.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class App {
                  private DeviceClient client;

                  void forwarded() throws Exception {
                    new Retrier(3).execute(round -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open();
                      return null;
                    });
                  }

                  void forwardedTwice() throws Exception {
                    new Retrier(3).twice(round -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open();
                      return null;
                    });
                  }

                  void keptInALocal() throws Exception {
                    Attempt<Void> attempt = round -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open();
                      return null;
                    };
                    new Retrier(3).doExecute(attempt);
                  }

                  void closedFirst() throws Exception {
                    Attempt<Void> attempt = round -> {
                      client.close();
                      client.open();
                      return null;
                    };
                    new Retrier(3).execute(attempt);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void attemptForwardedToTheRetryingMethodOrKeptInALocal_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines("Attempt.java", lines(ATTEMPT))
        .addSourceLines("Retrier.java", lines(RETRIER))
        .addSourceLines(
            "App.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class App {
                  private ModuleClient client;

                  void forwarded() throws Exception {
                    new Retrier(3).execute(round -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open(false);
                      return null;
                    });
                  }

                  void keptInALocal() throws Exception {
                    Attempt<Void> attempt = round -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open(false);
                      return null;
                    };
                    new Retrier(3).execute(attempt);
                  }

                  void closedFirst() throws Exception {
                    new Retrier(3).execute(round -> {
                      client.close();
                      client.open(false);
                      return null;
                    });
                  }
                }
                """))
        .doTest();
  }

  /**
   * The attempt kept in a field (initialized there, or assigned in the constructor) and passed to a retry helper is
   * retried as it is when kept in a local (found by probing real shapes); a field run once is no retry.
   */
  @Test
  void attemptKeptInAFieldPassedToARetryHelper_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines("Attempt.java", lines(ATTEMPT))
        .addSourceLines("Retrier.java", lines(RETRIER))
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Uplink {
                  private DeviceClient client;
                  private final Attempt<Void> connect;
                  private final Attempt<Void> reconnect = round -> {
                    // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                    client.open(false);
                    return null;
                  };
                  private final Attempt<Void> cleanConnect = round -> {
                    client.close();
                    client.open(false);
                    return null;
                  };
                  private final Attempt<Void> neverRetried = round -> {
                    client.open(false);
                    return null;
                  };

                  Uplink(DeviceClient client) {
                    this.client = client;
                    this.connect = round -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open(false);
                      return null;
                    };
                  }

                  void start() throws Exception {
                    new Retrier(3).execute(connect);
                    new Retrier(3).execute(this.reconnect);
                    new Retrier(3).execute(cleanConnect);
                    neverRetried.run(1);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void attemptKeptInAFieldPassedToARetryHelper_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines("Attempt.java", lines(ATTEMPT))
        .addSourceLines("Retrier.java", lines(RETRIER))
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Uplink {
                  private DeviceClient client;
                  private final Attempt<Void> connect;
                  private final Attempt<Void> reconnect = round -> {
                    // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                    client.open();
                    return null;
                  };
                  private final Attempt<Void> cleanConnect = round -> {
                    client.closeNow();
                    client.open();
                    return null;
                  };
                  private final Attempt<Void> neverRetried = round -> {
                    client.open();
                    return null;
                  };

                  Uplink(DeviceClient client) {
                    this.client = client;
                    this.connect = round -> {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open();
                      return null;
                    };
                  }

                  void start() throws Exception {
                    new Retrier(3).execute(connect);
                    new Retrier(3).execute(this.reconnect);
                    new Retrier(3).execute(cleanConnect);
                    neverRetried.run(1);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A close in the try block after the open() runs only when the open() succeeded: it does not close the failed
   * attempt (found by a mutation of a blind suite's program). After the try, on the failure path, it does.
   */
  @Test
  void closeThatRunsOnlyAfterASuccessfulOpenIsNoCloseBetweenAttempts_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uploader.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                
                class Uploader {
                  private DeviceClient client;

                  void uploadOnce() throws Exception {
                    for (int attempt = 0; attempt < 3; attempt++) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open(false);
                        client.close();
                        return;
                      } catch (IotHubClientException e) {
                        System.err.println("attempt " + attempt + " failed");
                      }
                    }
                  }

                  void closedAfterTheTryOnFailure() throws Exception {
                    for (int attempt = 0; attempt < 3; attempt++) {
                      boolean ok = false;
                      try {
                        client.open(false);
                        ok = true;
                      } catch (IotHubClientException e) {
                        System.err.println("attempt " + attempt + " failed");
                      }
                      if (!ok) {
                        client.close();
                        continue;
                      }
                      return;
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closeThatRunsOnlyAfterASuccessfulOpenIsNoCloseBetweenAttempts_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Uploader.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                
                class Uploader {
                  private DeviceClient client;

                  void uploadOnce() throws Exception {
                    for (int attempt = 0; attempt < 3; attempt++) {
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open();
                        client.closeNow();
                        return;
                      } catch (java.io.IOException e) {
                        System.err.println("attempt " + attempt + " failed");
                      }
                    }
                  }

                  void closedAfterTheTryOnFailure() throws Exception {
                    for (int attempt = 0; attempt < 3; attempt++) {
                      boolean ok = false;
                      try {
                        client.open();
                        ok = true;
                      } catch (java.io.IOException e) {
                        System.err.println("attempt " + attempt + " failed");
                      }
                      if (!ok) {
                        client.closeNow();
                        continue;
                      }
                      return;
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A retry helper that loops {@code op.call()} on a java.util.concurrent.Callable parameter retries the call() of the
   * object passed to it, anonymous or of a named class (found by probing real shapes), as it does a lambda.
   */
  @Test
  void attemptObjectOfALibraryInterfacePassedToARetryHelper_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Connector.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.Callable;

                class Connector {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  static <T> T withRetry(Callable<T> op) throws Exception {
                    Exception last = null;
                    for (int attempt = 0; attempt < 3; attempt++) {
                      try {
                        return op.call();
                      } catch (Exception e) {
                        last = e;
                      }
                    }
                    throw last;
                  }

                  void anonymous() throws Exception {
                    withRetry(new Callable<Void>() {
                      @Override
                      public Void call() throws Exception {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open(false);
                        return null;
                      }
                    });
                  }

                  void named() throws Exception {
                    withRetry(new OpenAttempt());
                  }

                  void closedFirst() throws Exception {
                    withRetry(new Callable<Void>() {
                      @Override
                      public Void call() throws Exception {
                        client.close();
                        client.open(false);
                        return null;
                      }
                    });
                  }

                  class OpenAttempt implements Callable<Void> {
                    @Override
                    public Void call() throws Exception {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      client.open(true);
                      return null;
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void attemptObjectOfALibraryInterfacePassedToARetryHelper_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Connector.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.concurrent.Callable;

                class Connector {
                  private DeviceClient client;

                  static <T> T withRetry(Callable<T> op) throws Exception {
                    Exception last = null;
                    for (int attempt = 0; attempt < 3; attempt++) {
                      try {
                        return op.call();
                      } catch (Exception e) {
                        last = e;
                      }
                    }
                    throw last;
                  }

                  void anonymous() throws Exception {
                    withRetry(new Callable<Void>() {
                      @Override
                      public Void call() throws Exception {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open();
                        return null;
                      }
                    });
                  }
                }
                """))
        .doTest();
  }

  /**
   * A task that hands itself ({@code this}) to a scheduler from the catch of its own open() retries that open by
   * scheduling, as {@code schedule(this::attempt, ...)} does; handed to a thread anywhere else, it runs there (blind
   * suite Q: the Android {@code handler.postDelayed(this, 5000)} idiom).
   */
  @Test
  void aTaskThatHandsItselfOff_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "LockLink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class LockLink {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private DeviceClient client;
                  private volatile boolean connected;

                  private final class Attempt implements Runnable {
                    @Override
                    public void run() {
                      if (!connected) {
                        try {
                          // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                          client.open(false);
                        } catch (IotHubClientException e) {
                          scheduler.schedule(this, 5, TimeUnit.SECONDS);
                        }
                      }
                    }
                  }

                  private final class CleanAttempt implements Runnable {
                    @Override
                    public void run() {
                      if (!connected) {
                        try {
                          client.open(false);
                        } catch (IotHubClientException e) {
                          client.close();
                          scheduler.schedule(this, 5, TimeUnit.SECONDS);
                        }
                      }
                    }
                  }

                  void start(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.setConnectionStatusChangeCallback(
                        ctx -> connected = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED, null);
                    scheduler.execute(new Attempt());
                    scheduler.execute(new CleanAttempt());
                    scheduler.execute(new Runnable() {
                      @Override
                      public void run() {
                        if (!connected) {
                          try {
                            // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                            client.open(false);
                          } catch (IotHubClientException e) {
                            scheduler.schedule(this, 5, TimeUnit.SECONDS);
                          }
                        }
                      }
                    });
                  }
                }
                """))
        .addSourceLines(
            "Pump.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Pump implements Runnable {
                  private final DeviceClient client = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);

                  void start() {
                    new Thread(this).start();
                  }

                  @Override
                  public void run() {
                    try {
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

  @Test
  void aTaskThatHandsItselfOff_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "LockLink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class LockLink {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private DeviceClient client;
                  private volatile boolean connected;

                  void start(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, throwable, context) -> connected = status == IotHubConnectionStatus.CONNECTED,
                        null);
                    scheduler.execute(new Runnable() {
                      @Override
                      public void run() {
                        if (!connected) {
                          try {
                            // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                            client.open();
                          } catch (IOException e) {
                            scheduler.schedule(this, 5, TimeUnit.SECONDS);
                          }
                        }
                      }
                    });
                  }
                }
                """))
        .addSourceLines(
            "Pump.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Pump implements Runnable {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private final DeviceClient client;

                  Pump(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void start() {
                    executor.submit(this);
                  }

                  @Override
                  public void run() {
                    try {
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
   * A loop that leaves when the open() failed ({@code boolean failed = false; ... catch { failed = true; } if (failed)
   * return;}) and otherwise waits and opens the same client again keeps running after a success: a re-entry loop, not
   * a retry (real code: the 2.x reconnection sample's manager loop without its close). A flag that is set only on
   * failure holds its first value after a success; the same flag read the other way round ends a retry.
   */
  @Test
  void aLoopLeftOnlyWhenTheOpenFailsIsNoRetry_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Manager.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Manager {
                  private final DeviceClient client;
                  private final Object lock = new Object();

                  Manager(DeviceClient client) {
                    this.client = client;
                  }

                  void runUntilFatal() throws InterruptedException {
                    while (true) {
                      boolean failed = false;
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        failed = true;
                      }
                      if (failed) {
                        return;
                      }
                      synchronized (lock) {
                        lock.wait();
                      }
                    }
                  }

                  void runUntilFatalThroughAHelper() throws InterruptedException {
                    while (true) {
                      boolean encounteredFatalException = !openOnce();
                      if (encounteredFatalException) {
                        return;
                      }
                      synchronized (lock) {
                        lock.wait();
                      }
                    }
                  }

                  private boolean openOnce() {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open(false);
                      return true;
                    } catch (IotHubClientException e) {
                      return false;
                    }
                  }

                  void retryUntilOpen() throws InterruptedException {
                    while (true) {
                      boolean opened = true;
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open(false);
                      } catch (IotHubClientException e) {
                        opened = false;
                      }
                      if (opened) {
                        break;
                      }
                      Thread.sleep(1000);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLoopLeftOnlyWhenTheOpenFailsIsNoRetry_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Manager.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Manager {
                  private final DeviceClient client;
                  private final Object lock = new Object();

                  Manager(DeviceClient client) {
                    this.client = client;
                  }

                  void runUntilFatal() throws InterruptedException {
                    while (true) {
                      boolean failed = false;
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        failed = true;
                      }
                      if (failed) {
                        return;
                      } else {
                        synchronized (lock) {
                          lock.wait();
                        }
                      }
                    }
                  }

                  void retryUntilOpen() throws InterruptedException {
                    for (;;) {
                      boolean failed = false;
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open();
                      } catch (IOException e) {
                        failed = true;
                      }
                      if (!failed) {
                        return;
                      }
                      Thread.sleep(1000);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A helper the catch calls to schedule the next round, whose lambda closes the failed client before it calls the
   * method again, closes between the attempts, as the same lambda written in the catch does; one that closes only
   * after calling back does not.
   */
  @Test
  void aHelperThatSchedulesACloseBeforeCallingBack_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Imagery.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.TimeUnit;

                class Imagery {
                  private DeviceClient imagery, thumbnails;

                  void connectImagery(int attempt) {
                    try {
                      imagery.open(false);
                    } catch (IotHubClientException e) {
                      retryImageryLater(attempt);
                    }
                  }

                  private void retryImageryLater(int attempt) {
                    CompletableFuture.runAsync(() -> {
                      imagery.close();
                      connectImagery(attempt + 1);
                    }, CompletableFuture.delayedExecutor(2L * attempt, TimeUnit.SECONDS));
                  }

                  void connectThumbnails(int attempt) {
                    try {
                      // BUG: Diagnostic contains: retried without closing the client
                      thumbnails.open(false);
                    } catch (IotHubClientException e) {
                      retryThumbnailsLater(attempt);
                    }
                  }

                  private void retryThumbnailsLater(int attempt) {
                    CompletableFuture.runAsync(() -> {
                      connectThumbnails(attempt + 1);
                      thumbnails.close();
                    }, CompletableFuture.delayedExecutor(2L * attempt, TimeUnit.SECONDS));
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aHelperThatSchedulesACloseBeforeCallingBack_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Imagery.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.io.IOException;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.TimeUnit;

                class Imagery {
                  private DeviceClient imagery, thumbnails;

                  void connectImagery(int attempt) {
                    try {
                      imagery.open();
                    } catch (IOException e) {
                      retryImageryLater(attempt);
                    }
                  }

                  private void retryImageryLater(int attempt) {
                    CompletableFuture.runAsync(() -> {
                      try {
                        imagery.closeNow();
                      } catch (IOException ignored) {
                        // the next round opens again
                      }
                      connectImagery(attempt + 1);
                    }, CompletableFuture.delayedExecutor(2L * attempt, TimeUnit.SECONDS));
                  }

                  void connectThumbnails(int attempt) {
                    try {
                      // BUG: Diagnostic contains: retried without closing the client
                      thumbnails.open();
                    } catch (IOException e) {
                      retryThumbnailsLater(attempt);
                    }
                  }

                  private void retryThumbnailsLater(int attempt) {
                    CompletableFuture.runAsync(() -> {
                      connectThumbnails(attempt + 1);
                      try {
                        thumbnails.closeNow();
                      } catch (IOException ignored) {
                        // too late: the round above opened already
                      }
                    }, CompletableFuture.delayedExecutor(2L * attempt, TimeUnit.SECONDS));
                  }
                }
                """))
        .doTest();
  }

  /**
   * A loop whose condition's flag the {@code finally} sets from a flag the try block sets after the {@code open()}
   * ({@code finally { keepTrying = !ok; }} with {@code ok = true;} after the open) leaves once the attempt succeeds:
   * a retry, judged here (a close in that finally closes the failed attempt), not a loop that keeps running. A finally
   * whose flag does not depend on the success keeps the loop running (blind suite BB).
   */
  @Test
  void aLoopLeftByAFlagTheFinallySetsFromTheSuccess_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Terminal.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Terminal {
                  private DeviceClient receipts, audit, sync;

                  void connectReceipts() throws InterruptedException {
                    boolean keepTrying = true;
                    int attempts = 0;
                    while (keepTrying) {
                      boolean ok = false;
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        receipts.open(false);
                        ok = true;
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      } finally {
                        keepTrying = !ok && ++attempts < 5;
                      }
                    }
                  }

                  void connectAudit() throws InterruptedException {
                    boolean keepTrying = true;
                    while (keepTrying) {
                      boolean ok = false;
                      try {
                        audit.open(false);
                        ok = true;
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      } finally {
                        if (!ok) {
                          audit.close();
                        }
                        keepTrying = !ok;
                      }
                    }
                  }

                  void syncForever() throws InterruptedException {
                    boolean keepSyncing = true;
                    int rounds = 0;
                    while (keepSyncing) {
                      boolean ok = false;
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        sync.open(false);
                        ok = true;
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      } finally {
                        keepSyncing = ++rounds < 1000;
                      }
                      Thread.sleep(60_000);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aLoopLeftByAFlagTheFinallySetsFromTheSuccess_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Terminal.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import java.io.IOException;

                class Terminal {
                  private DeviceClient receipts, audit, sync;

                  void connectReceipts() throws InterruptedException {
                    boolean keepTrying = true;
                    int attempts = 0;
                    while (keepTrying) {
                      boolean ok = false;
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        receipts.open();
                        ok = true;
                      } catch (IOException e) {
                        System.err.println(e);
                      } finally {
                        keepTrying = !ok && ++attempts < 5;
                      }
                    }
                  }

                  void connectAudit() throws InterruptedException {
                    boolean keepTrying = true;
                    while (keepTrying) {
                      boolean ok = false;
                      try {
                        audit.open();
                        ok = true;
                      } catch (IOException e) {
                        System.err.println(e);
                      } finally {
                        if (!ok) {
                          try {
                            audit.closeNow();
                          } catch (IOException ignored) {
                            // best effort
                          }
                        }
                        keepTrying = !ok;
                      }
                    }
                  }

                  void syncForever() throws InterruptedException {
                    boolean keepSyncing = true;
                    int rounds = 0;
                    while (keepSyncing) {
                      boolean ok = false;
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        sync.open();
                        ok = true;
                      } catch (IOException e) {
                        System.err.println(e);
                      } finally {
                        keepSyncing = ++rounds < 1000;
                      }
                      Thread.sleep(60_000);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A catch that schedules the method holding the {@code open()} again through an anonymous {@code TimerTask} whose
   * run() calls it, or through a helper that only such catches call, is a retry construct as the lambda written in
   * the catch is: the task is the next round, no root of its own (blind suite BB). A helper also called from other
   * code (here, at start-up) schedules a timer, which stays a re-entry site.
   */
  /**
   * A catch that hands off a task object whose {@code run()} closes the client before it opens it again (kept in a
   * field, or written there) closes the failed attempt before the next one, as the reconnection sample's loop does;
   * a task that only opens leaves it open (found by a blind suite on Android apps, with {@code Handler.postDelayed}).
   */
  @Test
  void aRetryThroughATaskThatClosesBeforeItOpens_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "KeptTasks.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class KeptTasks {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private final Timer timer = new Timer(true);
                  private final DeviceClient a, b, c;

                  private final Runnable closingRetry = new Runnable() {
                    @Override
                    public void run() {
                      try {
                        a.close();
                        a.open(false);
                      } catch (IotHubClientException e) {
                        scheduler.schedule(this, 5, TimeUnit.SECONDS);
                      }
                    }
                  };

                  private final Runnable plainRetry = new Runnable() {
                    @Override
                    public void run() {
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        b.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e.getMessage());
                      }
                    }
                  };

                  KeptTasks(String cs) throws Exception {
                    a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void connectA() {
                    try {
                      a.open(false);
                    } catch (IotHubClientException e) {
                      scheduler.schedule(closingRetry, 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectB() {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      b.open(false);
                    } catch (IotHubClientException e) {
                      scheduler.schedule(plainRetry, 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectC() {
                    try {
                      c.open(false);
                    } catch (IotHubClientException e) {
                      timer.schedule(new TimerTask() {
                        @Override
                        public void run() {
                          try {
                            c.close();
                            c.open(false);
                          } catch (IotHubClientException again) {
                            System.err.println(again.getMessage());
                          }
                        }
                      }, 1_000L);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aRetryThroughATaskThatClosesBeforeItOpens_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "KeptTasks.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import java.io.IOException;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class KeptTasks {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private final Timer timer = new Timer(true);
                  private final DeviceClient a, b, c;

                  private final Runnable closingRetry = new Runnable() {
                    @Override
                    public void run() {
                      try {
                        a.closeNow();
                        a.open();
                      } catch (IOException e) {
                        scheduler.schedule(this, 5, TimeUnit.SECONDS);
                      }
                    }
                  };

                  private final Runnable plainRetry = new Runnable() {
                    @Override
                    public void run() {
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        b.open();
                      } catch (IOException e) {
                        System.err.println(e.getMessage());
                      }
                    }
                  };

                  KeptTasks(String cs) throws Exception {
                    a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void connectA() {
                    try {
                      a.open();
                    } catch (IOException e) {
                      scheduler.schedule(closingRetry, 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectB() {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      b.open();
                    } catch (IOException e) {
                      scheduler.schedule(plainRetry, 5, TimeUnit.SECONDS);
                    }
                  }

                  void connectC() {
                    try {
                      c.open();
                    } catch (IOException e) {
                      timer.schedule(new TimerTask() {
                        @Override
                        public void run() {
                          try {
                            c.closeNow();
                            c.open();
                          } catch (IOException again) {
                            System.err.println(again.getMessage());
                          }
                        }
                      }, 1_000L);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aRetryRescheduledThroughAnAnonymousTaskOrAHelper_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Rescheduling.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.TimeUnit;

                class Rescheduling {
                  private final Timer timer = new Timer(true);
                  private final DeviceClient a, b, c;

                  Rescheduling(String cs) throws RuntimeException {
                    a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void connectA(int attempt) {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      a.open(false);
                    } catch (IotHubClientException e) {
                      timer.schedule(new TimerTask() {
                        @Override
                        public void run() {
                          connectA(attempt + 1);
                        }
                      }, 1_000L);
                    }
                  }

                  void connectB(int attempt) {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      b.open(false);
                    } catch (IotHubClientException e) {
                      retryLater(attempt);
                    }
                  }

                  private void retryLater(int attempt) {
                    CompletableFuture.runAsync(
                        () -> connectB(attempt + 1), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
                  }

                  void startC() {
                    refreshLater();
                  }

                  void connectC() {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      c.open(false);
                    } catch (IotHubClientException e) {
                      refreshLater();
                    }
                  }

                  private void refreshLater() {
                    CompletableFuture.runAsync(this::connectC, CompletableFuture.delayedExecutor(1, TimeUnit.MINUTES));
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aRetryRescheduledThroughAnAnonymousTaskOrAHelper_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Rescheduling.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import java.io.IOException;
                import java.net.URISyntaxException;
                import java.util.Timer;
                import java.util.TimerTask;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.TimeUnit;

                class Rescheduling {
                  private final Timer timer = new Timer(true);
                  private final DeviceClient a, b, c;

                  Rescheduling(String cs) throws URISyntaxException {
                    a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void connectA(int attempt) {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      a.open();
                    } catch (IOException e) {
                      timer.schedule(new TimerTask() {
                        @Override
                        public void run() {
                          connectA(attempt + 1);
                        }
                      }, 1_000L);
                    }
                  }

                  void connectB(int attempt) {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      b.open();
                    } catch (IOException e) {
                      retryLater(attempt);
                    }
                  }

                  private void retryLater(int attempt) {
                    CompletableFuture.runAsync(
                        () -> connectB(attempt + 1), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
                  }

                  void startC() {
                    refreshLater();
                  }

                  void connectC() {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      c.open();
                    } catch (IOException e) {
                      refreshLater();
                    }
                  }

                  private void refreshLater() {
                    CompletableFuture.runAsync(this::connectC, CompletableFuture.delayedExecutor(1, TimeUnit.MINUTES));
                  }
                }
                """))
        .doTest();
  }

  /**
   * A task the guarded status callback hands off, which on failure schedules the attempt again from its {@code
   * catch} (the task itself, a new task of its class, or a lambda calling its method), keeps the callback's guard: the
   * rescheduled round continues the path that ran the failed one. Its {@code open()} is a retry without a close, not
   * an unguarded re-entry (blind suite R).
   */
  @Test
  void aRetryRescheduledByATaskTheGuardedCallbackHandsOff_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "SelfSchedule.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class SelfSchedule {
                    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
                    private final DeviceClient a, b, c, d;

                    SelfSchedule(String cs) {
                        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        d = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        a.setConnectionStatusChangeCallback(ctx -> {
                            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.execute(new TaskThis());
                            }
                        }, null);
                        b.setConnectionStatusChangeCallback(ctx -> {
                            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.execute(new TaskNew(1));
                            }
                        }, null);
                        c.setConnectionStatusChangeCallback(ctx -> {
                            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.execute(() -> attemptC(1));
                            }
                        }, null);
                        d.setConnectionStatusChangeCallback(ctx -> {
                            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.execute(() -> attemptD());
                            }
                        }, null);
                    }

                    /** (a) the failed attempt schedules the same task object again: expected C2 only (guard carried). */
                    private final class TaskThis implements Runnable {
                        private int attempt;

                        public void run() {
                            attempt++;
                            try {
                                // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                                a.open(false);
                            } catch (IotHubClientException e) {
                                if (attempt < 5) {
                                    pool.schedule(this, 2, TimeUnit.SECONDS);
                                }
                            }
                        }
                    }

                    /** (b) the failed attempt schedules a new task of the same class. */
                    private final class TaskNew implements Runnable {
                        private final int attempt;

                        TaskNew(int attempt) {
                            this.attempt = attempt;
                        }

                        public void run() {
                            try {
                                // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                                b.open(false);
                            } catch (IotHubClientException e) {
                                if (attempt < 5) {
                                    pool.schedule(new TaskNew(attempt + 1), 2, TimeUnit.SECONDS);
                                }
                            }
                        }
                    }

                    /** (c) method + lambda rescheduling. */
                    private void attemptC(int attempt) {
                        try {
                            // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                            c.open(false);
                        } catch (IotHubClientException e) {
                            if (attempt < 5) {
                                pool.schedule(() -> attemptC(attempt + 1), 2, TimeUnit.SECONDS);
                            }
                        }
                    }

                    /** (d) control: same as (c) but the catch only logs (no reschedule). Expected and actual: no finding. */
                    private void attemptD() {
                        try {
                            d.open(false);
                        } catch (IotHubClientException e) {
                            System.err.println("reconnect failed: " + e);
                        }
                    }
                }
                """))
        .doTest();
  }

  @Test
  void aRetryRescheduledByATaskTheGuardedCallbackHandsOff_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "SelfSchedule.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class SelfSchedule {
                    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
                    private final DeviceClient a, b, c, d;

                    SelfSchedule(String cs) throws Exception {
                        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        d = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        a.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (status == IotHubConnectionStatus.DISCONNECTED
                                    && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.execute(new TaskThis());
                            }
                        }, null);
                        b.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (status == IotHubConnectionStatus.DISCONNECTED
                                    && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.execute(new TaskNew(1));
                            }
                        }, null);
                        c.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (status == IotHubConnectionStatus.DISCONNECTED
                                    && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.execute(() -> attemptC(1));
                            }
                        }, null);
                        d.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            if (status == IotHubConnectionStatus.DISCONNECTED
                                    && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                pool.execute(() -> attemptD());
                            }
                        }, null);
                    }

                    /** (a) the failed attempt schedules the same task object again: expected C2 only (guard carried). */
                    private final class TaskThis implements Runnable {
                        private int attempt;

                        public void run() {
                            attempt++;
                            try {
                                // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                                a.open();
                            } catch (IOException e) {
                                if (attempt < 5) {
                                    pool.schedule(this, 2, TimeUnit.SECONDS);
                                }
                            }
                        }
                    }

                    /** (b) the failed attempt schedules a new task of the same class. */
                    private final class TaskNew implements Runnable {
                        private final int attempt;

                        TaskNew(int attempt) {
                            this.attempt = attempt;
                        }

                        public void run() {
                            try {
                                // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                                b.open();
                            } catch (IOException e) {
                                if (attempt < 5) {
                                    pool.schedule(new TaskNew(attempt + 1), 2, TimeUnit.SECONDS);
                                }
                            }
                        }
                    }

                    /** (c) method + lambda rescheduling. */
                    private void attemptC(int attempt) {
                        try {
                            // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                            c.open();
                        } catch (IOException e) {
                            if (attempt < 5) {
                                pool.schedule(() -> attemptC(attempt + 1), 2, TimeUnit.SECONDS);
                            }
                        }
                    }

                    /** (d) control: same as (c) but the catch only logs (no reschedule). Expected and actual: no finding. */
                    private void attemptD() {
                        try {
                            d.open();
                        } catch (IOException e) {
                            System.err.println("reconnect failed: " + e);
                        }
                    }
                }
                """))
        .doTest();
  }

  /**
   * A task kept in a field that posts itself again after every round, started from start-up code, is a root of its
   * own: no guard dominates its {@code open()} (a probe of real Android code: a send loop that opens each round).
   */
  @Test
  void aTaskKeptInAFieldThatPostsItselfAgainIsARootOfItsOwn_v2() {
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
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private final DeviceClient client = new DeviceClient(System.getenv("CS"), IotHubClientProtocol.MQTT);

                  private final Runnable sendTask = new Runnable() {
                    @Override
                    public void run() {
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open(false);
                        client.sendEventAsync(new Message("{}"), (message, exception, context) -> { }, null);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                      scheduler.schedule(this, 5, TimeUnit.SECONDS);
                    }
                  };

                  void start() {
                    scheduler.execute(sendTask);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aTaskKeptInAFieldThatPostsItselfAgainIsARootOfItsOwn_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Sender.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Sender {
                  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                  private DeviceClient client;

                  private final Runnable sendTask = new Runnable() {
                    @Override
                    public void run() {
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                      scheduler.schedule(this, 5, TimeUnit.SECONDS);
                    }
                  };

                  void start(String cs) throws Exception {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    scheduler.execute(sendTask);
                  }
                }
                """))
        .doTest();
  }
  /**
   * A try-with-resources resource of the app's own type whose {@code close()} closes the client it holds (2.x
   * DeviceClient is not AutoCloseable, so apps wrap it): opening that client through the resource, each round's
   * failed client is closed before the next (blind-d V2S04). A wrapper whose close() does not close the client, or
   * an open of a client not held by the resource, is still a retry without close.
   */
  @Test
  void resourceWhoseCloseClosesItsClient_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Rounds.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Rounds {
                  record Session(DeviceClient client) implements AutoCloseable {
                    @Override
                    public void close() {
                      client.close();
                    }
                  }

                  static final class Lease implements AutoCloseable {
                    final DeviceClient client;

                    Lease(DeviceClient client) {
                      this.client = client;
                    }

                    DeviceClient client() {
                      return client;
                    }

                    @Override
                    public void close() {
                      System.out.println("lease returned");
                    }
                  }

                  static void closedByTheSession(String cs) throws InterruptedException {
                    for (int attempt = 0; attempt < 5; attempt++) {
                      try (Session s = new Session(new DeviceClient(cs, IotHubClientProtocol.MQTT))) {
                        s.client().open(false);
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  static void leaseKeepsItOpen(String cs) throws InterruptedException {
                    for (int attempt = 0; attempt < 5; attempt++) {
                      try (Lease lease = new Lease(new DeviceClient(cs, IotHubClientProtocol.MQTT))) {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        lease.client().open(false);
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

  /** The same in 1.x, with a wrapper class kept in a field-less helper and a direct field read. */
  @Test
  void resourceWhoseCloseClosesItsClient_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Rounds.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Rounds {
                  static final class Link implements AutoCloseable {
                    final DeviceClient device;

                    Link(DeviceClient device) {
                      this.device = device;
                    }

                    @Override
                    public void close() throws IOException {
                      shutDown();
                    }

                    private void shutDown() throws IOException {
                      device.closeNow();
                    }
                  }

                  private DeviceClient shared;

                  void closedByTheLink(String cs) throws Exception {
                    while (true) {
                      try (Link link = new Link(new DeviceClient(cs, IotHubClientProtocol.AMQPS))) {
                        link.device.open();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void notTheLinksClient(String cs) throws Exception {
                    while (true) {
                      try (Link link = new Link(new DeviceClient(cs, IotHubClientProtocol.AMQPS))) {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        shared.open();
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
   * A catch that hands the failed connector to another class's retry helper, which closes it before calling back
   * ({@code budget.retry(this)} with {@code retry(Connector c) { ...; c.disconnect(); c.connect(); }}, blind-x x16):
   * the failed client is closed before the next attempt. A helper that calls back without that close is a retry
   * without close.
   */
  @Test
  void anotherClassRetryHelperThatClosesBeforeCallingBack_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Budget.java",
            lines(
                """
                import java.io.IOException;

                final class Budget {
                    private int remaining = 3;

                    void retry(Connector connector) {
                        if (remaining-- <= 0) {
                            return;
                        }
                        try {
                            Thread.sleep(1000);
                            connector.disconnect();
                        } catch (InterruptedException | IOException e) {
                            return;
                        }
                        connector.connect();
                    }

                    void retryCareless(Careless careless) {
                        if (remaining-- > 0) {
                            careless.connect();
                        }
                    }
                }
                """))
        .addSourceLines(
            "Connector.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                final class Connector {
                    private final DeviceClient client;
                    private final Budget budget = new Budget();

                    Connector(String cs) throws Exception {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }

                    void connect() {
                        try {
                            client.open();
                        } catch (IOException e) {
                            budget.retry(this);
                        }
                    }

                    void disconnect() throws IOException {
                        client.closeNow();
                    }
                }
                """))
        .addSourceLines(
            "Careless.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                final class Careless {
                    private final DeviceClient client;
                    private final Budget budget = new Budget();

                    Careless(String cs) throws Exception {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }

                    void connect() {
                        try {
                            // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                            client.open();
                        } catch (IOException e) {
                            budget.retryCareless(this);
                        }
                    }
                }
                """))
        .doTest();
  }

  @Test
  void anotherClassRetryHelperThatClosesBeforeCallingBack_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Backoff.java",
            lines(
                """
                final class Backoff {
                  void again(Uplink uplink) {
                    uplink.shutDown();
                    uplink.start();
                  }
                }
                """))
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                final class Uplink {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final Backoff backoff = new Backoff();

                  void start() {
                    try {
                      client.open(true);
                    } catch (IotHubClientException e) {
                      backoff.again(this);
                    }
                  }

                  void shutDown() {
                    client.close();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A loop whose body starts with an exit test ({@code if (opened) break;}) on a flag set after the open() leaves once
   * the open() succeeds: a retry loop, as with the flag in the loop condition (blind suite Z). A flag set only when
   * the open() fails tests nothing about success: that loop keeps opening, a re-entry site.
   */
  @Test
  void anExitTestAtTheTopOfTheLoopOnAFlagSetAfterTheOpen_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Door.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Door {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void connect() throws InterruptedException {
                    boolean opened = false;
                    for (;;) {
                      if (opened) {
                        break;
                      }
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open(true);
                        opened = true;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1500);
                      }
                    }
                  }

                  void connectReturning() throws InterruptedException {
                    boolean connected = false;
                    while (true) {
                      if (connected) return;
                      try {
                        client.close();
                        client.open(false);
                        connected = true;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1500);
                      }
                    }
                  }

                  void keepOpeningUntilAFailure() throws InterruptedException {
                    boolean failed = false;
                    while (true) {
                      if (failed) {
                        return;
                      }
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        failed = true;
                      }
                      Thread.sleep(60_000);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void anExitTestAtTheTopOfTheLoopOnAFlagSetAfterTheOpen_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Door.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Door {
                  private DeviceClient client;

                  void connect() throws InterruptedException {
                    boolean opened = false;
                    do {
                      if (opened) break;
                      try {
                        // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                        client.open();
                        opened = true;
                      } catch (IOException e) {
                        Thread.sleep(1500);
                      }
                    } while (true);
                  }
                }
                """))
        .doTest();
  }
  /**
   * An exit test that continues an outer loop ({@code if (opened) continue relays;}) leaves the inner loop as a
   * {@code break} does, as a {@code continue relays;} after the open() does: the inner loop is a retry, and the outer
   * loop over the clients is no re-entry site. An unlabelled {@code continue} (or one naming the loop itself) stays in
   * the loop.
   */
  @Test
  void anExitTestThatContinuesAnOuterLoop_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "RelayBank.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.List;

                class RelayBank {
                  void connectAll(List<DeviceClient> relays) throws InterruptedException {
                    relays:
                    for (DeviceClient relay : relays) {
                      boolean opened = false;
                      while (true) {
                        if (opened) continue relays;
                        try {
                          // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                          relay.open(false);
                          opened = true;
                        } catch (IotHubClientException e) {
                          Thread.sleep(1500);
                        }
                      }
                    }
                  }

                  void keepOpening(DeviceClient relay) throws InterruptedException {
                    boolean opened = false;
                    polling:
                    while (true) {
                      if (opened) {
                        Thread.sleep(60_000);
                        continue polling;
                      }
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        relay.open(false);
                        opened = true;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1500);
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void anExitTestThatContinuesAnOuterLoop_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "RelayBank.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.List;

                class RelayBank {
                  void connectAll(List<DeviceClient> relays) throws InterruptedException {
                    relays:
                    for (DeviceClient relay : relays) {
                      boolean opened = false;
                      do {
                        if (opened) {
                          continue relays;
                        }
                        try {
                          // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                          relay.open();
                          opened = true;
                        } catch (IOException e) {
                          Thread.sleep(1500);
                        }
                      } while (true);
                    }
                  }
                }
                """))
        .doTest();
  }
  /**
   * A catch that schedules another method of the class to attempt the connection again: that method's close before
   * its own open() is a close between the failure and the next attempt, as it is when the catch calls the method
   * directly. Without it, the retry is reported.
   */
  @Test
  void aCatchThatSchedulesAMethodThatClosesFirst_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Uplink {
                  private final ScheduledExecutorService scheduler;
                  private final DeviceClient client;
                  private final DeviceClient backup;

                  Uplink(ScheduledExecutorService scheduler, DeviceClient client, DeviceClient backup) {
                    this.scheduler = scheduler;
                    this.client = client;
                    this.backup = backup;
                  }

                  void start() {
                    try {
                      client.open(true);
                    } catch (IotHubClientException e) {
                      scheduler.schedule(this::reconnect, 30, TimeUnit.SECONDS);
                    }
                  }

                  private void reconnect() {
                    client.close();
                    try {
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println("reconnect failed");
                    }
                  }

                  void startBackup() {
                    try {
                      // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                      backup.open(true);
                    } catch (IotHubClientException e) {
                      scheduler.schedule(this::reconnectBackup, 30, TimeUnit.SECONDS);
                    }
                  }

                  private void reconnectBackup() {
                    try {
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      backup.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println("reconnect failed");
                    }
                    backup.close();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aCatchThatSchedulesAMethodThatClosesFirst_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.Timer;
                import java.util.TimerTask;

                class Uplink {
                  private final Timer timer = new Timer(true);
                  private final DeviceClient client;

                  Uplink(DeviceClient client) {
                    this.client = client;
                  }

                  void start() {
                    try {
                      client.open();
                    } catch (IOException e) {
                      Runnable retry = this::reconnect;
                      new Thread(retry).start();
                    }
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
                      client.open();
                    } catch (IOException e) {
                      System.err.println("reconnect failed");
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * The round calls {@code connect()}, which closes and then calls the method that opens: the close runs before the
   * open() in the same round, one call above it (a subclass's {@code connect()} that closes and calls {@code
   * super.connect()} is the same shape across files). Without that close the retry is reported.
   */
  @Test
  void closeInACalleeBeforeTheCallThatOpens_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "BaseMeter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.io.IOException;

                class BaseMeter {
                  protected DeviceClient client;

                  protected void connect() throws IOException {
                    client.open();
                  }
                }
                """))
        .addSourceLines(
            "SmartMeter.java",
            lines(
                """
                import java.io.IOException;

                class SmartMeter extends BaseMeter {
                  @Override
                  protected void connect() throws IOException {
                    client.closeNow();
                    super.connect();
                  }

                  void start() throws InterruptedException {
                    for (int attempt = 0; attempt < 3; attempt++) {
                      try {
                        connect();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .addSourceLines(
            "BaseGauge.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.io.IOException;

                class BaseGauge {
                  protected DeviceClient client;

                  protected void connect() throws IOException {
                    // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                    client.open();
                  }

                  /** connect() here names BaseGauge's own body too: the way down that does not close. */
                  void start() throws InterruptedException {
                    for (int attempt = 0; attempt < 3; attempt++) {
                      try {
                        connect();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }
                }
                """))
        .addSourceLines(
            "SmartGauge.java",
            lines(
                """
                import java.io.IOException;

                class SmartGauge extends BaseGauge {
                  @Override
                  protected void connect() throws IOException {
                    client.closeNow();
                    super.connect();
                  }

                  public static void main(String[] args) throws Exception {
                    new SmartGauge().start();
                  }
                }
                """))
        .addSourceLines(
            "Meter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import java.io.IOException;

                class Meter {
                  private DeviceClient client;

                  private void doOpen() throws IOException {
                    client.open();
                  }

                  private void connect() throws IOException {
                    client.closeNow();
                    doOpen();
                  }

                  void start() throws InterruptedException {
                    for (int attempt = 0; attempt < 3; attempt++) {
                      try {
                        connect();
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

  @Test
  void closeInACalleeBeforeTheCallThatOpens_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Meter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Meter {
                  private DeviceClient client;
                  private DeviceClient backup;

                  private void doOpen() throws IotHubClientException {
                    client.open(false);
                  }

                  private void connect() throws IotHubClientException {
                    client.close();
                    doOpen();
                  }

                  private void openBackup() throws IotHubClientException {
                    // FINDING: [IotHubOpenRetryWithoutClose] open() is retried without closing the client
                    backup.open(false);
                  }

                  private void connectBackup() throws IotHubClientException {
                    client.close();
                    openBackup();
                  }

                  void start() throws InterruptedException {
                    for (int attempt = 0; attempt < 3; attempt++) {
                      try {
                        connect();
                        connectBackup();
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

  /**
   * A helper each attempt calls to make its client counts as what it does, in order: one that closes the old client
   * and then creates the new one closes the failed attempt's client before the next attempt; one that only creates
   * leaves it open.
   */
  @Test
  void attemptsThatRecreateTheClientThroughAHelper_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Starter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Starter {
                  private DeviceClient client;

                  private void recreate(String cs) {
                    if (client != null) {
                      client.close();
                    }
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  private void create(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void connectRecreating(String cs) throws InterruptedException {
                    while (true) {
                      try {
                        recreate(cs);
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        Thread.sleep(1000);
                      }
                    }
                  }

                  void connectCreating(String cs) throws InterruptedException {
                    while (true) {
                      try {
                        create(cs);
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open(false);
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

  @Test
  void attemptsThatRecreateTheClientThroughAHelper_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Starter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Starter {
                  private DeviceClient client;

                  private void recreate(String cs) throws IOException, URISyntaxException {
                    if (client != null) {
                      client.closeNow();
                    }
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  private void create(String cs) throws URISyntaxException {
                    client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                  }

                  void connectRecreating(String cs) throws InterruptedException, URISyntaxException {
                    for (int attempt = 0; ; attempt++) {
                      try {
                        recreate(cs);
                        client.open();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000L * attempt);
                      }
                    }
                  }

                  void connectCreating(String cs) throws InterruptedException, URISyntaxException {
                    for (int attempt = 0; ; attempt++) {
                      try {
                        create(cs);
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open();
                        break;
                      } catch (IOException e) {
                        Thread.sleep(1000L * attempt);
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * A catch the failed open() cannot reach is not between its failure and the next attempt (found on real code: a
   * provisioning step before the client exists throws a checked exception of its own, whose catch loops again
   * without a close). A catch of an unchecked exception can receive a failure of the open(), so it still counts.
   */
  /**
   * A catch that closes the failed client in every way through a switch (old-style cases with a default, arrow cases,
   * the arms of a switch expression) closes it between attempts. A switch with a way that does not close (no default,
   * an arm without the close, a case that continues first) does not.
   */
  @Test
  void closesInEveryWayThroughASwitch_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Backoff.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Backoff {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void oldCases() throws InterruptedException {
                    while (true) {
                      try {
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        switch (e.getStatusCode()) {
                          case THROTTLED:
                            Thread.sleep(30_000);
                          case SERVER_BUSY:
                            client.close();
                            break;
                          default:
                            client.close();
                            Thread.sleep(1_000);
                        }
                      }
                    }
                  }

                  void arrowCases() throws InterruptedException {
                    while (true) {
                      try {
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        switch (e.getStatusCode()) {
                          case THROTTLED -> {
                            client.close();
                            Thread.sleep(30_000);
                          }
                          case UNAUTHORIZED -> throw new IllegalStateException("not authorized", e);
                          default -> client.close();
                        }
                      }
                    }
                  }

                  void switchExpression() throws InterruptedException {
                    while (true) {
                      try {
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        long pause = switch (e.getStatusCode()) {
                          case THROTTLED -> {
                            client.close();
                            yield 30_000L;
                          }
                          default -> {
                            client.close();
                            yield 1_000L;
                          }
                        };
                        Thread.sleep(pause);
                      }
                    }
                  }

                  void noDefault() throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        switch (e.getStatusCode()) {
                          case THROTTLED:
                            client.close();
                            break;
                          case SERVER_BUSY:
                            client.close();
                        }
                      }
                    }
                  }

                  void armWithoutTheClose() throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        long pause = switch (e.getStatusCode()) {
                          case THROTTLED -> 30_000L;
                          default -> {
                            client.close();
                            yield 1_000L;
                          }
                        };
                        Thread.sleep(pause);
                      }
                    }
                  }

                  void breakBeforeTheClose() throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        switch (e.getStatusCode()) {
                          case THROTTLED:
                            if (e.isRetryable()) {
                              break;
                            }
                            client.close();
                            break;
                          default:
                            client.close();
                        }
                      }
                    }
                  }

                  void continueBeforeTheClose() throws InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open(false);
                        return;
                      } catch (IotHubClientException e) {
                        switch (e.getStatusCode()) {
                          case THROTTLED:
                            continue;
                          default:
                            client.close();
                        }
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closesInEveryWayThroughASwitch_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Backoff.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Backoff {
                  private DeviceClient client;

                  void oldCases(int attempt) throws IOException, InterruptedException {
                    while (true) {
                      try {
                        client.open();
                        return;
                      } catch (IOException e) {
                        switch (attempt++ % 3) {
                          case 0:
                            Thread.sleep(30_000);
                          case 1:
                            client.closeNow();
                            break;
                          default:
                            client.closeNow();
                            Thread.sleep(1_000);
                        }
                      }
                    }
                  }

                  void switchExpression(int attempt) throws IOException, InterruptedException {
                    while (true) {
                      try {
                        client.open();
                        return;
                      } catch (IOException e) {
                        long pause = switch (attempt++ % 3) {
                          case 0 -> {
                            client.closeNow();
                            yield 30_000L;
                          }
                          default -> {
                            client.close();
                            yield 1_000L;
                          }
                        };
                        Thread.sleep(pause);
                      }
                    }
                  }

                  void noDefault(int attempt) throws IOException, InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open();
                        return;
                      } catch (IOException e) {
                        switch (attempt++ % 3) {
                          case 0 -> client.closeNow();
                          case 1 -> client.close();
                        }
                      }
                    }
                  }

                  void continueBeforeTheClose(int attempt) throws IOException, InterruptedException {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open();
                        return;
                      } catch (IOException e) {
                        switch (attempt++ % 3) {
                          case 0:
                            continue;
                          default:
                            client.closeNow();
                        }
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void catchesTheFailedOpenCannotReach_v2() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Provisioned.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Provisioned {
                  static class ProvisioningException extends Exception {}

                  static class RegistrationRejected extends RuntimeException {}

                  private String register() throws ProvisioningException {
                    return System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
                  }

                  void connect() throws InterruptedException {
                    boolean connected = false;
                    while (!connected) {
                      DeviceClient client = null;
                      try {
                        String cs = register();
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open(true);
                        connected = true;
                      } catch (ProvisioningException e) {
                        Thread.sleep(5_000);
                      } catch (IotHubClientException e) {
                        if (client != null) {
                          client.close();
                        }
                      }
                    }
                  }

                  void connectAfterAPause() {
                    DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                    while (true) {
                      try {
                        Thread.sleep(1_000);
                        client.open(true);
                        return;
                      } catch (InterruptedException e) {
                        System.err.println("interrupted, trying again");
                      } catch (IotHubClientException e) {
                        client.close();
                      }
                    }
                  }

                  void connectRejectable(String cs) {
                    while (true) {
                      DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                      try {
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open(true);
                        return;
                      } catch (RegistrationRejected e) {
                        System.err.println("rejected, trying again");
                      } catch (IotHubClientException e) {
                        client.close();
                      }
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void catchesTheFailedOpenCannotReach_v1() {
    Sources.compile(IotHubOpenRetryWithoutClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Provisioned.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.net.URISyntaxException;

                class Provisioned {
                  static class ProvisioningException extends Exception {}

                  private String register() throws ProvisioningException {
                    return System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
                  }

                  void connect() throws URISyntaxException {
                    boolean connected = false;
                    while (!connected) {
                      DeviceClient client = null;
                      try {
                        String cs = register();
                        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                        client.open();
                        connected = true;
                      } catch (ProvisioningException e) {
                        System.err.println("provisioning failed, trying again");
                      } catch (IOException e) {
                        if (client != null) {
                          try {
                            client.closeNow();
                          } catch (IOException closing) {
                            System.err.println(closing);
                          }
                        }
                      }
                    }
                  }

                  void connectCatchingEverything() throws URISyntaxException {
                    boolean connected = false;
                    while (!connected) {
                      DeviceClient client = null;
                      try {
                        String cs = register();
                        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                        // BUG: Diagnostic contains: retried without closing the client
                        client.open();
                        connected = true;
                      } catch (Exception e) {
                        System.err.println("failed, trying again");
                      }
                    }
                  }
                }
                """))
        .doTest();
  }
}
