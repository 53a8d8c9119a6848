package io.github.linkguard.checker;

import static io.github.linkguard.checker.Sources.lines;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

class IotHubReopenAfterClientCloseTest {

  @Test
  void negatives_v2() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Excluded.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import static com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                import static com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason.RETRY_EXPIRED;
                import static com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus.DISCONNECTED;
                import java.util.concurrent.ExecutorService;

                class Excluded {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final Object lock = new Object();
                  private volatile IotHubConnectionStatus lastStatus;
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == DISCONNECTED && ctx.getNewStatusReason() != CLIENT_CLOSE) {
                        executor.execute(this::reconnect);
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatusReason() == CLIENT_CLOSE) {
                        return;
                      }
                      if (ctx.getNewStatus() == DISCONNECTED) {
                        executor.execute(this::reconnect);
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == DISCONNECTED && ctx.getNewStatusReason() == RETRY_EXPIRED) {
                        executor.execute(this::reconnect);
                      }
                      if (ctx.getNewStatus() == DISCONNECTED && !CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                        executor.execute(this::reconnect);
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == DISCONNECTED) {
                        switch (ctx.getNewStatusReason()) {
                          case CLIENT_CLOSE:
                            break;
                          default:
                            executor.execute(this::reconnect);
                        }
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // the guard leads to no reconnect: it only wakes the manager thread
                      if (ctx.getNewStatus() == DISCONNECTED) {
                        synchronized (lock) {
                          lock.notifyAll();
                        }
                      }
                      lastStatus = ctx.getNewStatus();
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // the reason is checked where the reconnect is decided
                      if (ctx.getNewStatus() == DISCONNECTED) {
                        onDisconnected(ctx.getNewStatusReason());
                      }
                    }, null);
                  }

                  private void onDisconnected(IotHubConnectionStatusChangeReason reason) {
                    if (reason != CLIENT_CLOSE) {
                      executor.execute(this::reconnect);
                    }
                  }

                  // not in a status callback: this guard is the manager thread's
                  void manager() {
                    if (lastStatus == DISCONNECTED) {
                      reconnect();
                    }
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

  /**
   * A boolean yielded by a block arm of a switch expression on the status: the reason test in the block's {@code
   * yield} excludes CLIENT_CLOSE as it does in an arm that is an expression (blind suite AG).
   */
  @Test
  void exclusionYieldedByASwitchBlock_v2() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Freezer.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import java.util.concurrent.ExecutorService;

                class Freezer {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          boolean needsReopen =
                              switch (ctx.getNewStatus()) {
                                case DISCONNECTED -> {
                                  System.out.println("lost");
                                  yield ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                                }
                                case CONNECTED, DISCONNECTED_RETRYING -> false;
                              };
                          if (needsReopen) {
                            executor.execute(this::reopen);
                          }
                        },
                        null);
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          boolean lost =
                              switch (ctx.getNewStatus()) {
                                case DISCONNECTED -> {
                                  System.out.println("lost");
                                  yield true;
                                }
                                default -> false;
                              };
                          // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                          if (lost) {
                            executor.execute(this::reopen);
                          }
                        },
                        null);
                  }

                  private void reopen() {
                    client.close();
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
  void exclusionYieldedByASwitchBlock_v1() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "Freezer.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;

                class Freezer {
                  private DeviceClient client;
                  private ExecutorService executor;

                  void register() {
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> {
                          boolean needsReopen =
                              switch (status) {
                                case DISCONNECTED -> {
                                  System.out.println("lost");
                                  yield reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                                }
                                case CONNECTED, DISCONNECTED_RETRYING -> false;
                              };
                          if (needsReopen) {
                            executor.execute(this::reopen);
                          }
                        },
                        null);
                    client.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> {
                          boolean lost =
                              switch (status) {
                                case DISCONNECTED -> {
                                  System.out.println("lost");
                                  yield true;
                                }
                                default -> false;
                              };
                          // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                          if (lost) {
                            executor.execute(this::reopen);
                          }
                        },
                        null);
                  }

                  private void reopen() {
                    try {
                      client.closeNow();
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
   * A reconnect the guard keeps for later, written right there ({@code commands.offer(() -> { close(); open(); })}), is
   * a reconnect the guard leads to: the queued task reopens after the app's own close too (blind suite AK). A method
   * reference only stored ({@code pending = this::reopenSpare}) reaches nothing here (blind suite AF).
   */
  @Test
  void aReconnectWrittenInsideTheGuardAndKeptForLater_v2() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "GateController.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.BlockingQueue;
                import java.util.concurrent.LinkedBlockingQueue;

                class GateController {
                  private final DeviceClient gate = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final DeviceClient spare = new DeviceClient("cs2", IotHubClientProtocol.MQTT);
                  private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
                  private volatile Runnable pending;

                  void register() {
                    gate.setConnectionStatusChangeCallback(
                        ctx -> {
                          // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                          if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                            commands.offer(() -> {
                              gate.close();
                              try {
                                gate.open(false);
                              } catch (IotHubClientException e) {
                                System.err.println(e);
                              }
                            });
                          }
                        },
                        null);
                    spare.setConnectionStatusChangeCallback(
                        ctx -> {
                          if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                            pending = this::reopenSpare;
                          }
                        },
                        null);
                  }

                  private void reopenSpare() {
                    spare.close();
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
  void aReconnectWrittenInsideTheGuardAndKeptForLater_v1() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V1, getClass())
        .addSourceLines(
            "GateController.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.BlockingQueue;
                import java.util.concurrent.LinkedBlockingQueue;

                class GateController {
                  private DeviceClient gate;
                  private DeviceClient spare;
                  private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
                  private volatile Runnable pending;

                  void register() {
                    gate.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> {
                          // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                          if (status == IotHubConnectionStatus.DISCONNECTED) {
                            commands.offer(() -> {
                              try {
                                gate.closeNow();
                                gate.open();
                              } catch (IOException e) {
                                System.err.println(e);
                              }
                            });
                          }
                        },
                        null);
                    spare.registerConnectionStatusChangeCallback(
                        (status, reason, cause, ctx) -> {
                          if (status == IotHubConnectionStatus.DISCONNECTED) {
                            pending = this::reopenSpare;
                          }
                        },
                        null);
                  }

                  private void reopenSpare() {
                    try {
                      spare.closeNow();
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
  void reasonSwitchesThatLeaveOnClientCloseOrYieldFalseForIt_v2() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "ReasonSwitches.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class ReasonSwitches {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          switch (ctx.getNewStatusReason()) {
                            case CLIENT_CLOSE -> {
                              return;
                            }
                            case EXPIRED_SAS_TOKEN -> System.err.println("token expired");
                            default -> {}
                          }
                          if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                            executor.submit(this::reconnect);
                          }
                        },
                        null);
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          boolean worthRetrying =
                              switch (ctx.getNewStatusReason()) {
                                case CLIENT_CLOSE, BAD_CREDENTIAL -> false;
                                default -> true;
                              };
                          if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && worthRetrying) {
                            executor.submit(this::reconnect);
                          }
                        },
                        null);
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          switch (ctx.getNewStatusReason()) {
                            case CLIENT_CLOSE:
                              System.err.println("closed by the app");
                              break;
                            default:
                              break;
                          }
                          // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                          if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                            executor.submit(this::reconnect);
                          }
                        },
                        null);
                  }

                  private void reconnect() {
                    client.close();
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
  void anEarlyExitOnDisconnectedAndClientCloseTogether_v2() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Compound.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Compound {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          IotHubConnectionStatus s = ctx.getNewStatus();
                          IotHubConnectionStatusChangeReason r = ctx.getNewStatusReason();
                          if (s == IotHubConnectionStatus.DISCONNECTED && r == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            return;
                          }
                          if (s != IotHubConnectionStatus.DISCONNECTED) {
                            return;
                          }
                          new Thread(this::reconnect).start();
                        },
                        null);
                    client.setConnectionStatusChangeCallback(
                        ctx -> {
                          IotHubConnectionStatus s = ctx.getNewStatus();
                          IotHubConnectionStatusChangeReason r = ctx.getNewStatusReason();
                          if (s == IotHubConnectionStatus.CONNECTED && r == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            return;
                          }
                          // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                          if (s != IotHubConnectionStatus.DISCONNECTED) {
                            return;
                          }
                          new Thread(this::reconnect).start();
                        },
                        null);
                  }

                  private void reconnect() {
                    client.close();
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
  void positives_v2() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Reopens.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Reopens implements IotHubConnectionStatusChangeCallback {
                  private DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        executor.execute(this::reconnect);
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // BUG: Diagnostic contains: CLIENT_CLOSE, which is the application's own close()
                      if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
                        return;
                      }
                      client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                    }, null);
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                    switch (ctx.getNewStatus()) {
                      // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                      case DISCONNECTED:
                        scheduleReconnect();
                        break;
                      default:
                        break;
                    }
                  }

                  private void scheduleReconnect() {
                    executor.execute(this::reconnect);
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
  void identification_v1() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V1, getClass())
        .addSourceLines(
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
                      // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
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
                    } catch (IOException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void exclusionByEveryCallerOfAHandler_v2() {
    Sources.compile(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addSourceLines(
            "Handlers.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Handlers {
                  private DeviceClient first;
                  private DeviceClient second;
                  private ExecutorService pool;

                  void register() {
                    first.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        return;
                      }
                      handleFiltered(ctx.getNewStatus());
                    }, null);
                    second.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        handleShared(ctx.getNewStatus());
                      }
                    }, null);
                    second.setConnectionStatusChangeCallback(ctx -> handleShared(ctx.getNewStatus()), null);
                  }

                  /** Only called after the callback returned on CLIENT_CLOSE. */
                  private void handleFiltered(IotHubConnectionStatus status) {
                    if (status == IotHubConnectionStatus.DISCONNECTED) {
                      pool.execute(this::reconnectFirst);
                    }
                  }

                  /** Also called by a callback that does not look at the reason. */
                  private void handleShared(IotHubConnectionStatus status) {
                    // BUG: Diagnostic contains: even when the reason is CLIENT_CLOSE
                    if (status == IotHubConnectionStatus.DISCONNECTED) {
                      pool.execute(this::reconnectSecond);
                    }
                  }

                  private void reconnectFirst() {
                    first.close();
                    try {
                      first.open(false);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }

                  private void reconnectSecond() {
                    second.close();
                    try {
                      second.open(false);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void replacement_excludesTheCallbacksReason_v2() {
    Sources.refactor(IotHubReopenAfterClientClose.class, Sdk.V2, getClass())
        .addInputLines(
            "Reopens.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Reopens {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        executor.execute(this::reconnect);
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
                        return;
                      }
                      executor.execute(this::reconnect);
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        case DISCONNECTED:
                          executor.execute(this::reconnect);
                          break;
                        default:
                          break;
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
        .addOutputLines(
            "Reopens.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;

                class Reopens {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private ExecutorService executor;

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                          && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        executor.execute(this::reconnect);
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED
                          || ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        return;
                      }
                      executor.execute(this::reconnect);
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      switch (ctx.getNewStatus()) {
                        case DISCONNECTED:
                          if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            break;
                          }
                          executor.execute(this::reconnect);
                          break;
                        default:
                          break;
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
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_excludesTheReasonParameter_v1() {
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
                    client.registerConnectionStatusChangeCallback((status, why, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED || status == null) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                    client.registerConnectionStatusChangeCallback((status, why, cause, context) -> {
                      if (IotHubConnectionStatus.DISCONNECTED.equals(status)) {
                        new Thread(this::reconnect).start();
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
                    client.registerConnectionStatusChangeCallback((status, why, cause, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED || status == null) {
                        new Thread(this::reconnect).start();
                      }
                    }, null);
                    client.registerConnectionStatusChangeCallback((status, why, cause, context) -> {
                      if (IotHubConnectionStatus.DISCONNECTED.equals(status)
                          && why != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        new Thread(this::reconnect).start();
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
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * A status condition that lets DISCONNECTED through together with statuses in which the SDK still owns the
   * connection says so in the message: the fix is to reconnect only on DISCONNECTED, not only to exclude
   * CLIENT_CLOSE. A plain DISCONNECTED guard keeps the shorter message.
   */
  /**
   * A status condition written over several lines is reported on its first line, where a reader looks for it (javac
   * alone would place it at its last {@code ||}; found by a blind suite on connection strings).
   */
  @Test
  void aConditionOverSeveralLinesIsReportedOnItsFirstLine_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "SplitCondition.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class SplitCondition {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private DeviceClient client;

                  void register() throws Exception {
                    client.setConnectionStatusChangeCallback(context -> {
                        // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING
                        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                            || context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                          executor.execute(this::reconnect);
                        }
                      }, null);
                  }

                  private void reconnect() {
                    try {
                      client.close();
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open(false);
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aConditionOverSeveralLinesIsReportedOnItsFirstLine_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "SplitCondition.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class SplitCondition {
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private DeviceClient client;

                  void register() throws Exception {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                        // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING
                        if (status == IotHubConnectionStatus.DISCONNECTED
                            || status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                          executor.execute(this::reconnect);
                        }
                      }, null);
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
                      // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                      client.open();
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  @Test
  void messageOfAConditionThatAlsoAdmitsTheSdksStatuses_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Watcher {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void register() {
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED … Reconnect only on DISCONNECTED
                      if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                        executor.execute(this::reconnect);
                      }
                    }, null);
                    client.setConnectionStatusChangeCallback(ctx -> {
                      // FINDING: [IotHubReopenAfterClientClose] This DISCONNECTED check leads to a reconnect even when the reason is CLIENT_CLOSE
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        executor.execute(this::reconnect);
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

  @Test
  void messageOfAConditionThatAlsoAdmitsTheSdksStatuses_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Watcher {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      switch (status) {
                        case DISCONNECTED_RETRYING:
                        // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED … the SDK still owns the connection
                        case DISCONNECTED:
                          new Thread(this::reconnect).start();
                          break;
                        default:
                          break;
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
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
   * A {@code case DISCONNECTED:} whose statements run on into {@code case DISCONNECTED_RETRYING:} and its reconnect is
   * reported at the label that names DISCONNECTED, not at the case that holds the reconnect (blind suite BB).
   */
  @Test
  void aDisconnectedCaseThatRunsOnIntoAnotherStatus_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Watcher {
                  private DeviceClient client;

                  void register() {
                    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                      switch (status) {
                        // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                        case DISCONNECTED:
                          System.out.println("link down: " + reason);
                        case DISCONNECTED_RETRYING:
                          new Thread(this::reconnect).start();
                          break;
                        default:
                          break;
                      }
                    }, null);
                  }

                  private void reconnect() {
                    try {
                      client.closeNow();
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

  @Test
  void aDisconnectedCaseThatRunsOnIntoAnotherStatus_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Watcher {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.MQTT);

                  void register() {
                    client.setConnectionStatusChangeCallback(context -> {
                      switch (context.getNewStatus()) {
                        case CONNECTED:
                          break;
                        // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                        case DISCONNECTED:
                          if (context.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            break;
                          }
                        case DISCONNECTED_RETRYING:
                          new Thread(this::reconnect).start();
                          break;
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

  /**
   * A status condition that also admits the SDK's own statuses, written in a same-class method the callback calls
   * ({@code if (shouldReconnect(status))}), is reported at that call, as the same condition written inline is at
   * itself; a helper that also excludes CLIENT_CLOSE is no finding of this check (a real-code sweep over the SDK's
   * samples: the legacy sample's {@code shouldDeviceReconnect} edited to admit DISCONNECTED_RETRYING).
   */
  @Test
  void aConditionAdmittingOtherStatusesInAHelper_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Watcher implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;

                  Watcher(DeviceClient client) {
                    this.client = client;
                    client.setConnectionStatusChangeCallback(this, null);
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext context) {
                    // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                    if (shouldReconnect(context.getNewStatus())) {
                      reconnect();
                    } else if (isDown(context.getNewStatus(), context.getNewStatusReason())) {
                      reconnect();
                    }
                  }

                  private boolean shouldReconnect(IotHubConnectionStatus status) {
                    return status == IotHubConnectionStatus.DISCONNECTED
                        || status == IotHubConnectionStatus.DISCONNECTED_RETRYING;
                  }

                  private boolean isDown(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
                    return status != IotHubConnectionStatus.CONNECTED
                        && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                  }

                  private void reconnect() {
                    new Thread(() -> {
                      client.close();
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aConditionAdmittingOtherStatusesInAHelper_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Watcher implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;

                  Watcher(DeviceClient client) {
                    this.client = client;
                    client.registerConnectionStatusChangeCallback(this, null);
                  }

                  @Override
                  public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                      Throwable throwable, Object callbackContext) {
                    // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                    if (shouldReconnect(status)) {
                      reconnect();
                    }
                  }

                  private boolean shouldReconnect(IotHubConnectionStatus status) {
                    return status != IotHubConnectionStatus.CONNECTED;
                  }

                  private void reconnect() {
                    new Thread(() -> {
                      try {
                        client.closeNow();
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }
                }
                """))
        .doTest();
  }

  /**
   * The same helper written as early exits ({@code if (status == CONNECTED) return false; return true;}, or a
   * {@code switch} whose {@code default} returns true): the statuses a literal {@code return true} admits are those
   * the conditions on its way let through, here DISCONNECTED and DISCONNECTED_RETRYING. A helper whose exits leave
   * only DISCONNECTED is a guard instead (see {@code IotHubOpenWithoutStatusGuardTest}).
   */
  @Test
  void aConditionAdmittingOtherStatusesInAnEarlyExitHelper_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class Watcher implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;

                  Watcher(DeviceClient client) {
                    this.client = client;
                    client.registerConnectionStatusChangeCallback(this, null);
                  }

                  @Override
                  public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                      Throwable throwable, Object callbackContext) {
                    // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                    if (shouldReconnect(status)) {
                      reconnect();
                    }
                  }

                  private boolean shouldReconnect(IotHubConnectionStatus status) {
                    if (status == IotHubConnectionStatus.CONNECTED) {
                      return false;
                    }
                    return true;
                  }

                  private void reconnect() {
                    new Thread(() -> {
                      try {
                        client.closeNow();
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open();
                      } catch (IOException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }
                }
                """))
        .doTest();
  }

  @Test
  void aConditionAdmittingOtherStatusesInAnEarlyExitHelper_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class Watcher implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client;

                  Watcher(DeviceClient client) {
                    this.client = client;
                    client.setConnectionStatusChangeCallback(this, null);
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext context) {
                    // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                    if (shouldReconnect(context.getNewStatus())) {
                      reconnect();
                    }
                  }

                  private boolean shouldReconnect(IotHubConnectionStatus status) {
                    switch (status) {
                      case CONNECTED:
                        return false;
                      default:
                        return true;
                    }
                  }

                  private void reconnect() {
                    new Thread(() -> {
                      client.close();
                      try {
                        // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                        client.open(false);
                      } catch (IotHubClientException e) {
                        System.err.println(e);
                      }
                    }).start();
                  }
                }
                """))
        .doTest();
  }

  /**
   * A status condition OR-ed with a test of the reason ({@code status == DISCONNECTED || reason != CLIENT_CLOSE}) lets
   * every status through, and DISCONNECTED with CLIENT_CLOSE: it admits DISCONNECTED together with other statuses and
   * excludes no CLIENT_CLOSE, like {@code == DISCONNECTED || == DISCONNECTED_RETRYING} (blind suite R).
   */
  @Test
  void aStatusConditionOrEdWithAReasonTest_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "OrGuard.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

                class OrGuard {
                    private final DeviceClient a, b, c;

                    OrGuard(String cs) {
                        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        // (a) blind-r r24orguard: admits every status; CLIENT_CLOSE passes with DISCONNECTED
                        a.setConnectionStatusChangeCallback(ctx -> {
                            // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED || ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                new Thread(() -> bounce(a)).start();
                            }
                        }, null);
                        // (b) control, the contract's own example
                        b.setConnectionStatusChangeCallback(ctx -> {
                            // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED || ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                                new Thread(() -> bounce(b)).start();
                            }
                        }, null);
                        // (c) admits any status with RETRY_EXPIRED; CLIENT_CLOSE passes with DISCONNECTED
                        c.setConnectionStatusChangeCallback(ctx -> {
                            // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED || ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                                new Thread(() -> bounce(c)).start();
                            }
                        }, null);
                    }

                    static void bounce(DeviceClient x) {
                        try {
                            x.close();
                            // FINDING: [IotHubOpenWithoutStatusGuard] open() here can run while the SDK still owns
                            x.open(false);
                        } catch (IotHubClientException e) {
                            System.err.println(e);
                        }
                    }
                }
                """))
        .doTest();
  }

  @Test
  void aStatusConditionOrEdWithAReasonTest_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "OrGuard.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.DeviceClient;
                import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
                import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;

                class OrGuard {
                    private final DeviceClient a, b, c;

                    OrGuard(String cs) throws Exception {
                        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        // (a) blind-r r24orguard: admits every status; CLIENT_CLOSE passes with DISCONNECTED
                        a.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                            if (status == IotHubConnectionStatus.DISCONNECTED || reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                                new Thread(() -> bounce(a)).start();
                            }
                        }, null);
                        // (b) control, the contract's own example
                        b.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                            if (status == IotHubConnectionStatus.DISCONNECTED || status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                                new Thread(() -> bounce(b)).start();
                            }
                        }, null);
                        // (c) admits any status with RETRY_EXPIRED; CLIENT_CLOSE passes with DISCONNECTED
                        c.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
                            // FINDING: [IotHubReopenAfterClientClose] This status condition also admits DISCONNECTED_RETRYING or CONNECTED
                            if (status == IotHubConnectionStatus.DISCONNECTED || reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                                new Thread(() -> bounce(c)).start();
                            }
                        }, null);
                    }

                    static void bounce(DeviceClient x) {
                        try {
                            x.closeNow();
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
   * A removal counts only while it is in effect: registering the callback again between the removal and a close
   * (blind-r r18) lets CLIENT_CLOSE reach it, so the guard is reported; registering it again after the close is
   * the quiet reconnect.
   */
  @Test
  void callbackRegisteredAgainBeforeTheCloseIsReported_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Conveyor.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Conveyor implements IotHubConnectionStatusChangeCallback {
                    private final DeviceClient client;
                    private final ExecutorService executor = Executors.newSingleThreadExecutor();

                    Conveyor(String cs) throws Exception {
                        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                        client.registerConnectionStatusChangeCallback(this, null);
                    }

                    @Override
                    public void execute(
                        IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
                        Object context) {
                        // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                        if (status == IotHubConnectionStatus.DISCONNECTED) {
                            executor.execute(this::reconnect);
                        }
                    }

                    private void reconnect() {
                        try {
                            client.registerConnectionStatusChangeCallback(null, null);
                            client.registerConnectionStatusChangeCallback(this, null);
                            client.closeNow();
                            client.open();
                        } catch (IOException e) {
                            System.err.println(e);
                        }
                    }

                    void shutdown() throws IOException {
                        client.registerConnectionStatusChangeCallback(null, null);
                        client.closeNow();
                    }
                }
                """))
        .addSourceLines(
            "Sorter.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.io.IOException;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Sorter implements IotHubConnectionStatusChangeCallback {
                    private final DeviceClient client;
                    private final ExecutorService executor = Executors.newSingleThreadExecutor();

                    Sorter(String cs) throws Exception {
                        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                        client.registerConnectionStatusChangeCallback(this, null);
                    }

                    @Override
                    public void execute(
                        IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
                        Object context) {
                        if (status == IotHubConnectionStatus.DISCONNECTED) {
                            executor.execute(this::reconnect);
                        }
                    }

                    private void reconnect() {
                        try {
                            client.registerConnectionStatusChangeCallback(null, null);
                            client.closeNow();
                            client.registerConnectionStatusChangeCallback(this, null);
                            client.open();
                        } catch (IOException e) {
                            System.err.println(e);
                        }
                    }

                    void shutdown() throws IOException {
                        client.registerConnectionStatusChangeCallback(null, null);
                        client.closeNow();
                    }
                }
                """))
        .doTest();
  }

  /**
   * The same in 2.x, with the registration again only on some paths between the removal and the close: where it
   * may run, the removal is not in effect at the close.
   */
  @Test
  void callbackRegisteredAgainBeforeTheCloseIsReported_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Uplink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Uplink implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();
                  private boolean verbose;

                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.open(true);
                  }

                  void stop() {
                    client.setConnectionStatusChangeCallback(null, null);
                    if (verbose) {
                      client.setConnectionStatusChangeCallback(this, null);
                    }
                    client.close();
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      executor.execute(this::reopen);
                    }
                  }

                  private void reopen() {
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                    try {
                      client.setConnectionStatusChangeCallback(this, null);
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Downlink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Downlink implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final ExecutorService executor = Executors.newSingleThreadExecutor();

                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.open(true);
                  }

                  void stop() {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      executor.execute(this::reopen);
                    }
                  }

                  private void reopen() {
                    client.setConnectionStatusChangeCallback(null, null);
                    client.close();
                    try {
                      client.setConnectionStatusChangeCallback(this, null);
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }
  /**
   * The removal done by a method called before the close ({@code detach(); closeNow();}, or {@code manager.detach();
   * manager.closeLink();} from a third class): it precedes the close on every call path (blind-t t09). One close of
   * the client with no removal before it (t10) keeps the finding.
   */
  @Test
  void callbackRemovedByAMethodCalledBeforeTheClose_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Manager.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import java.io.IOException;

                class Manager {
                    private final DeviceClient client;
                    private IotHubConnectionStatusChangeCallback watcher;

                    Manager(String cs) throws Exception {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    }

                    void attach(IotHubConnectionStatusChangeCallback w) {
                        watcher = w;
                        client.registerConnectionStatusChangeCallback(w, null);
                    }

                    void detach() {
                        client.registerConnectionStatusChangeCallback(null, null);
                    }

                    void closeLink() throws IOException {
                        client.closeNow();
                    }

                    void reconnect() {
                        detach();
                        try {
                            client.closeNow();
                            client.open();
                        } catch (IOException e) {
                            System.err.println(e);
                        } finally {
                            client.registerConnectionStatusChangeCallback(watcher, null);
                        }
                    }
                }
                """))
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Watcher implements IotHubConnectionStatusChangeCallback {
                    private final Manager manager;
                    private final ExecutorService pool = Executors.newSingleThreadExecutor();

                    Watcher(Manager manager) {
                        this.manager = manager;
                    }

                    @Override
                    public void execute(
                        IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
                        Object context) {
                        if (status == IotHubConnectionStatus.DISCONNECTED) {
                            pool.submit(manager::reconnect);
                        }
                    }
                }
                """))
        .addSourceLines(
            "Shutdown.java",
            lines(
                """
                import java.io.IOException;

                class Shutdown {
                    private final Manager manager;

                    Shutdown(Manager manager) {
                        this.manager = manager;
                        manager.attach(new Watcher(manager));
                    }

                    void run() {
                        manager.detach();
                        try {
                            manager.closeLink();
                        } catch (IOException e) {
                            System.err.println(e);
                        }
                    }
                }
                """))
        .doTest();
  }

  @Test
  void callbackRemovedByAMethodCalledBeforeTheClose_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Manager.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

                class Manager {
                  private final DeviceClient client;
                  private IotHubConnectionStatusChangeCallback watcher;

                  Manager(String cs) {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                  }

                  void attach(IotHubConnectionStatusChangeCallback w) {
                    watcher = w;
                    client.setConnectionStatusChangeCallback(w, null);
                  }

                  void detach() {
                    client.setConnectionStatusChangeCallback(null, null);
                  }

                  void closeLink() {
                    client.close();
                  }

                  void reconnect() {
                    detach();
                    client.close();
                    try {
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    } finally {
                      client.setConnectionStatusChangeCallback(watcher, null);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Watcher.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Watcher implements IotHubConnectionStatusChangeCallback {
                  private final Manager manager;
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();

                  Watcher(Manager manager) {
                    this.manager = manager;
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      pool.submit(manager::reconnect);
                    }
                  }
                }
                """))
        .addSourceLines(
            "Lifecycle.java",
            lines(
                """
                class Lifecycle {
                  private final Manager manager;

                  Lifecycle(Manager manager) {
                    this.manager = manager;
                    manager.attach(new Watcher(manager));
                  }

                  void stop() {
                    manager.detach();
                    manager.closeLink();
                  }

                  void maintenance() {
                    manager.closeLink();
                  }
                }
                """))
        .doTest();
  }
  /**
   * The removal two calls down ({@code detach()} calls {@code unhook()}, which removes it) counts; one that runs only
   * under a condition in the called method ({@code if (verbose) unhook();}) does not.
   */
  @Test
  void callbackRemovedTwoCallsDownOnlyWhenEveryPathRemovesIt_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Link.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Link implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();

                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.open(true);
                  }

                  private void unhook() {
                    client.setConnectionStatusChangeCallback(null, null);
                  }

                  void detach() {
                    System.out.println("detaching");
                    unhook();
                  }

                  void stop() {
                    detach();
                    client.close();
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      pool.execute(this::reopen);
                    }
                  }

                  private void reopen() {
                    detach();
                    client.close();
                    try {
                      client.setConnectionStatusChangeCallback(this, null);
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .addSourceLines(
            "VerboseLink.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class VerboseLink implements IotHubConnectionStatusChangeCallback {
                  private final DeviceClient client = new DeviceClient("cs", IotHubClientProtocol.AMQPS);
                  private final ExecutorService pool = Executors.newSingleThreadExecutor();
                  private boolean verbose;

                  void start() throws IotHubClientException {
                    client.setConnectionStatusChangeCallback(this, null);
                    client.open(true);
                  }

                  private void unhook() {
                    client.setConnectionStatusChangeCallback(null, null);
                  }

                  void detach() {
                    if (verbose) {
                      unhook();
                    }
                  }

                  void stop() {
                    detach();
                    client.close();
                  }

                  @Override
                  public void onStatusChanged(ConnectionStatusChangeContext c) {
                    // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                    if (c.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                      pool.execute(this::reopen);
                    }
                  }

                  private void reopen() {
                    unhook();
                    client.close();
                    try {
                      client.setConnectionStatusChangeCallback(this, null);
                      client.open(true);
                    } catch (IotHubClientException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }

  /**
   * Unregistering a client from its MultiplexingClient closes its device session, and the SDK then gives its status
   * callback DISCONNECTED with CLIENT_CLOSE (IotHubTransport.onMultiplexedDeviceSessionLost): it is one of the app's
   * own closes, so the callback must be removed before it too for the exclusion to hold.
   */
  @Test
  void callbackRemovedBeforeTheMultiplexingClientUnregistersItsClient_v2() {
    ExactFindings.compile(Sdk.V2)
        .addSourceLines(
            "Meters.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Meters {
                  private final MultiplexingClient mux =
                      new MultiplexingClient("hub.azure-devices.net", IotHubClientProtocol.AMQPS);
                  private final ExecutorService worker = Executors.newSingleThreadExecutor();
                  private DeviceClient kitchen;
                  private DeviceClient garage;

                  void start() throws Exception {
                    kitchen = new DeviceClient(System.getenv("KITCHEN"), IotHubClientProtocol.AMQPS);
                    garage = new DeviceClient(System.getenv("GARAGE"), IotHubClientProtocol.AMQPS);
                    kitchen.setConnectionStatusChangeCallback(ctx -> {
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        worker.execute(this::replaceKitchen);
                      }
                    }, null);
                    garage.setConnectionStatusChangeCallback(ctx -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        worker.execute(this::replaceGarage);
                      }
                    }, null);
                    mux.registerDeviceClient(kitchen);
                    mux.registerDeviceClient(garage);
                    mux.open(false);
                  }

                  void retire() throws Exception {
                    kitchen.setConnectionStatusChangeCallback(null, null);
                    mux.unregisterDeviceClient(kitchen);
                    garage.setConnectionStatusChangeCallback(null, null);
                    mux.unregisterDeviceClient(garage);
                  }

                  void maintenance() throws Exception {
                    mux.unregisterDeviceClient(garage);
                  }

                  private void replaceKitchen() {
                    kitchen = new DeviceClient(System.getenv("KITCHEN"), IotHubClientProtocol.AMQPS);
                  }

                  private void replaceGarage() {
                    garage = new DeviceClient(System.getenv("GARAGE"), IotHubClientProtocol.AMQPS);
                  }
                }
                """))
        .doTest();
  }

  @Test
  void callbackRemovedBeforeTheMultiplexingClientUnregistersItsClient_v1() {
    ExactFindings.compile(Sdk.V1)
        .addSourceLines(
            "Meters.java",
            lines(
                """
                import com.microsoft.azure.sdk.iot.device.*;
                import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Meters {
                  private final MultiplexingClient mux =
                      new MultiplexingClient("hub.azure-devices.net", IotHubClientProtocol.AMQPS);
                  private final ExecutorService worker = Executors.newSingleThreadExecutor();
                  private DeviceClient kitchen;
                  private DeviceClient garage;

                  void start() throws Exception {
                    kitchen = new DeviceClient(System.getenv("KITCHEN"), IotHubClientProtocol.AMQPS);
                    garage = new DeviceClient(System.getenv("GARAGE"), IotHubClientProtocol.AMQPS);
                    kitchen.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        worker.execute(this::replaceKitchen);
                      }
                    }, null);
                    garage.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
                      // FINDING: [IotHubReopenAfterClientClose] even when the reason is CLIENT_CLOSE
                      if (status == IotHubConnectionStatus.DISCONNECTED) {
                        worker.execute(this::replaceGarage);
                      }
                    }, null);
                    mux.registerDeviceClient(kitchen);
                    mux.registerDeviceClient(garage);
                    mux.open();
                  }

                  void retire() throws Exception {
                    kitchen.registerConnectionStatusChangeCallback(null, null);
                    mux.unregisterDeviceClient(kitchen);
                    garage.registerConnectionStatusChangeCallback(null, null);
                    mux.unregisterDeviceClient(garage);
                  }

                  void maintenance() throws Exception {
                    mux.unregisterDeviceClient(garage);
                  }

                  private void replaceKitchen() {
                    try {
                      kitchen = new DeviceClient(System.getenv("KITCHEN"), IotHubClientProtocol.AMQPS);
                    } catch (java.net.URISyntaxException e) {
                      System.err.println(e);
                    }
                  }

                  private void replaceGarage() {
                    try {
                      garage = new DeviceClient(System.getenv("GARAGE"), IotHubClientProtocol.AMQPS);
                    } catch (java.net.URISyntaxException e) {
                      System.err.println(e);
                    }
                  }
                }
                """))
        .doTest();
  }
}
