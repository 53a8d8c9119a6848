package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import org.junit.jupiter.api.Test;

class IotHubReconnectOnCallbackThreadTest {

  @Test
  void identification_v2() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V2, getClass())
        .addSourceLines(
            "Callbacks.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                class Callbacks implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;
                  private ScheduledExecutorService scheduler;

                  // not on the callback thread: start-up, a worker, the manager thread
                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.open(false);
                  }

                  void stop() {
                    client.close();
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                      // hand-offs are fine: only these run reconnectElsewhere(), so each must be seen as one
                      executor.execute(this::reconnectElsewhere);
                      scheduler.schedule(() -> reconnectElsewhere(), 1, TimeUnit.SECONDS);
                      new Thread(this::reconnectElsewhere).start();
                      CompletableFuture.runAsync(this::reconnectElsewhere);
                      // on the callback thread: reported, directly and through same-class methods
                      reconnect();
                      // BUG: Diagnostic contains: close() runs on the thread that delivers
                      client.close();
                    }
                  }

                  private void reconnect() {
                    try {
                      // BUG: Diagnostic contains: close() runs on the thread that delivers
                      client.close();
                      // BUG: Diagnostic contains: open() runs on the thread that delivers
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void reconnectElsewhere() {
                    try {
                      client.close();
                      client.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  void lambdaCallback(MultiplexingClient multiplexing) {
                    multiplexing.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        // BUG: Diagnostic contains: close() runs on the thread that delivers
                        multiplexing.close();
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void handOffsThroughHelpersTaskObjectsAndFutureChains_v2() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V2, getClass())
        .addSourceLines(
            "Elevators.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.ExecutorService;

                class Elevators {
                  private DeviceClient carA;
                  private DeviceClient carB;
                  private DeviceClient carC;
                  private DeviceClient carD;
                  private ExecutorService pool;

                  void register() {
                    carA.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        later(this::reopenA);
                      }
                    }, null);
                    carB.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        pool.execute(new ReopenB());
                      }
                    }, null);
                    carC.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        CompletableFuture.runAsync(this::closeC, pool).thenRun(this::openC);
                      }
                    }, null);
                    carD.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        now(this::reopenD);
                      }
                    }, null);
                  }

                  /** Hands its argument to the pool: what it is given runs on a pool thread. */
                  private void later(Runnable task) {
                    pool.execute(task);
                  }

                  /** Runs its argument right here, on the caller's thread. */
                  private void now(Runnable task) {
                    task.run();
                  }

                  private void reopenA() {
                    try {
                      carA.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private final class ReopenB implements Runnable {
                    @Override
                    public void run() {
                      try {
                        carB.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }
                  }

                  private void closeC() {
                    carC.close();
                  }

                  private void openC() {
                    try {
                      carC.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void reopenD() {
                    try {
                      // BUG: Diagnostic contains: open() runs on the thread that delivers
                      carD.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void identification_v1() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V1, getClass())
        .addSourceLines(
            "Callbacks.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Callbacks {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        try {
                          // BUG: Diagnostic contains: closeNow() runs on the thread that delivers
                          client.closeNow();
                          // BUG: Diagnostic contains: open() runs on the thread that delivers
                          client.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }
                    }, null);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      new Thread(() -> {
                        try {
                          client.closeNow();
                          client.open();
                        } catch (IOException e) {
                          System.err.println(e);
                        }
                      }).start();
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aThreadThatIsRunInsteadOfStartedHandsNothingOff_v2() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V2, getClass())
        .addSourceLines(
            "RunNotStart.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class RunNotStart {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                            // BUG: Diagnostic contains: close() runs on the thread that delivers
                            new Thread(() -> client.close()).run();
                            new Thread(() -> client.close()).start();
                          }
                        },
                        null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void functionsThatSameClassFactoriesReturn_v1() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V1, getClass())
        .addSourceLines(
            "Factories.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.function.Function;

                class Factories {
                  private DeviceClient client;
                  private ExecutorService pool;

                  void register() {
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, context) -> {
                          if (status == IotHubConnectionStatus.DISCONNECTED) {
                            new Thread(reopenTask(), "reopen").start();
                            pool.execute(reopener().apply(client));
                            closer().run();
                          }
                        },
                        null);
                  }

                  private Runnable reopenTask() {
                    return () -> {
                      try {
                        client.closeNow();
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                  }

                  private static Function<DeviceClient, Runnable> reopener() {
                    return c -> () -> {
                      try {
                        c.closeNow();
                        c.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                  }

                  private Runnable closer() {
                    return () -> {
                      try {
                        // BUG: Diagnostic contains: closeNow() runs on the thread that delivers
                        client.closeNow();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    };
                  }
                }
                """))
        .doTest();
  }

  @Test
  void closeMethodReferencesRunInPlace_v2() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V2, getClass())
        .addSourceLines(
            "Fleet.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.List;
                import java.util.Optional;
                import java.util.concurrent.ExecutorService;

                class Fleet {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private List<DeviceClient> devices;
                  private ExecutorService pool;

                  void register() {
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                            // BUG: Diagnostic contains: close() runs on the thread that delivers
                            devices.forEach(DeviceClient::close);
                            // BUG: Diagnostic contains: close() runs on the thread that delivers
                            Optional.ofNullable(client).ifPresent(DeviceClient::close);
                            pool.execute(client::close);
                            devices.forEach(d -> pool.execute(d::close));
                          }
                        },
                        null);
                  }

                  void shutdown() {
                    devices.forEach(DeviceClient::close);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A close written only as a method reference, in a compilation with no other connection call and no client
   * creation (the client is given to the class), is found all the same: the pass that decides whether any class may
   * match counts method references to a client's close (blind suite BC: found only when another close was there).
   * 2.x only: 1.x's close() and closeNow() throw IOException, so no JDK functional interface takes them.
   */
  @Test
  void aCloseMethodReferenceIsTheOnlyConnectionCall_v2() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V2, getClass())
        .addSourceLines(
            "Present.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.Optional;

                class Present {
                  private final DeviceClient client;

                  Present(DeviceClient client) {
                    this.client = client;
                  }

                  void wire() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        // BUG: Diagnostic contains: close() runs on the thread that delivers
                        Optional.ofNullable(client).ifPresent(DeviceClient::close);
                      }
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  /**
   * A lambda kept in a local that is never run (unused, or only printed) runs nothing; one run in place, or handed to
   * a library that may run it, runs where it is created, as before (found in two blind suites).
   */
  @Test
  void aFunctionKeptInALocalAndNeverRunRunsNothing_v2() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V2, getClass())
        .addSourceLines(
            "Tasks.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.ArrayList;
                import java.util.List;

                class Tasks {
                  private final DeviceClient client;
                  private final List<Runnable> later = new ArrayList<>();

                  Tasks(DeviceClient client) {
                    this.client = client;
                    client.setConnectionStatusChangeCallback(ctx -> {
                      Runnable logged = () -> client.close();
                      System.out.println(logged);
                      System.out.println("planned: " + logged);
                      Runnable unused = () -> client.close();
                      Runnable ran = () -> {
                        // BUG: Diagnostic contains: runs on the thread that delivers the connection status callback
                        client.close();
                      };
                      ran.run();
                      Runnable kept = () -> {
                        // BUG: Diagnostic contains: runs on the thread that delivers the connection status callback
                        client.close();
                      };
                      later.add(kept);
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFunctionKeptInALocalAndNeverRunRunsNothing_v1() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V1, getClass())
        .addSourceLines(
            "Tasks.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.util.ArrayList;
                import java.util.List;

                class Tasks {
                  private final DeviceClient client;
                  private final List<Runnable> later = new ArrayList<>();

                  Tasks(DeviceClient client) {
                    this.client = client;
                    client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                      Runnable logged = () -> {
                        try {
                          client.closeNow();
                        } catch (java.io.IOException e) {
                          System.err.println(e);
                        }
                      };
                      System.out.println(logged);
                      System.out.println("planned: " + logged);
                      Runnable unused = () -> {
                        try {
                          client.closeNow();
                        } catch (java.io.IOException e) {
                          System.err.println(e);
                        }
                      };
                      Runnable ran = () -> {
                        try {
                          // BUG: Diagnostic contains: runs on the thread that delivers the connection status callback
                          client.closeNow();
                        } catch (java.io.IOException e) {
                          System.err.println(e);
                        }
                      };
                      ran.run();
                      Runnable kept = () -> {
                        try {
                          // BUG: Diagnostic contains: runs on the thread that delivers the connection status callback
                          client.closeNow();
                        } catch (java.io.IOException e) {
                          System.err.println(e);
                        }
                      };
                      later.add(kept);
                    }, null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_noAutomaticFix_v2() {
    FindingWithoutFix.of(IotHubReconnectOnCallbackThread.class, Sdk.V2, getClass())
        .addSourceLines(
            "Callback.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;

                class Callback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    // BUG: Diagnostic contains: close() runs on the thread that delivers the connection status callback
                    client.setConnectionStatusChangeCallback(ctx -> client.close(), null);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_noAutomaticFix_v1() {
    FindingWithoutFix.of(IotHubReconnectOnCallbackThread.class, Sdk.V1, getClass())
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
                        // BUG: Diagnostic contains: close() runs on the thread that delivers the connection status callback
                        client.close();
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
   * A function value chosen by {@code ?:} goes where the whole expression goes: handed to an executor (directly, or
   * through a local the callback then hands off) it runs on the executor's thread; run in place it runs on the
   * callback's.
   */
  @Test
  void aFunctionChosenByAConditionalGoesWhereTheChoiceGoes_v2() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V2, getClass())
        .addSourceLines(
            "Hvac.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Hvac implements IotHubConnectionStatusChangeCallback {
                  private final ExecutorService exec;
                  private final DeviceClient hvac;
                  private final DeviceClient chiller;
                  private final DeviceClient fan;

                  Hvac(ExecutorService exec, DeviceClient hvac, DeviceClient chiller, DeviceClient fan) {
                    this.exec = exec;
                    this.hvac = hvac;
                    this.chiller = chiller;
                    this.fan = fan;
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                    boolean down = ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED;
                    exec.execute(down ? this::reopenHvac : this::noop);
                    exec.execute(down ? () -> reopenChiller() : () -> {});
                    Runnable next = down ? this::reopenFan : this::noop;
                    exec.execute(next);
                    Runnable now = down ? this::closeFan : this::noop;
                    now.run();
                  }

                  private void noop() {}

                  private void reopenHvac() {
                    hvac.close();
                    try {
                      hvac.open(false);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }

                  private void reopenChiller() {
                    chiller.close();
                  }

                  private void reopenFan() {
                    fan.close();
                  }

                  private void closeFan() {
                    // BUG: Diagnostic contains: runs on the thread that delivers the connection status callback
                    fan.close();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aFunctionChosenByAConditionalGoesWhereTheChoiceGoes_v1() {
    Sources.compile(IotHubReconnectOnCallbackThread.class, Sdk.V1, getClass())
        .addSourceLines(
            "Hvac.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Hvac {
                  private final ExecutorService exec;
                  private final DeviceClient hvac;

                  Hvac(ExecutorService exec, DeviceClient hvac) {
                    this.exec = exec;
                    this.hvac = hvac;
                    hvac.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      exec.submit(status == IotHubConnectionStatus.DISCONNECTED ? this::reopen : this::noop);
                      Runnable now = status == IotHubConnectionStatus.CONNECTED ? this::noop : this::drop;
                      now.run();
                    }, null);
                  }

                  private void noop() {}

                  private void reopen() {
                    try {
                      hvac.closeNow();
                      hvac.open();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }

                  private void drop() {
                    try {
                      // BUG: Diagnostic contains: runs on the thread that delivers the connection status callback
                      hvac.closeNow();
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }
}
