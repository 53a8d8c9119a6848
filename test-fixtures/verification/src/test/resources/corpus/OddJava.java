package corpus;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/** Valid but unusual Java around SDK types: the plugin must compile it as javac does, and never crash. */
public class OddJava {
  /** A record that holds a client. */
  record Link(String id, DeviceClient client) {
    Link {
      if (id.isBlank()) {
        throw new IllegalArgumentException("id");
      }
    }

    void open() throws IotHubClientException {
      client.open(false);
    }
  }

  /** Sealed states with records. */
  sealed interface State permits Up, Retrying, Down {}

  record Up(DeviceClient client) implements State {}

  record Retrying(int attempt) implements State {}

  record Down(DeviceClient client, String reason) implements State {}

  enum Mode {
    EAGER {
      @Override
      Mode next() {
        return LAZY;
      }
    },
    LAZY {
      @Override
      Mode next() {
        return EAGER;
      }
    };

    abstract Mode next();
  }

  private final ExecutorService executor;
  private volatile State state = new Retrying(0);

  OddJava(ExecutorService executor) {
    this.executor = executor;
  }

  /** Switch expressions and yield. */
  int weight(IotHubConnectionStatus status) {
    var weight =
        switch (status) {
          case CONNECTED -> 0;
          case DISCONNECTED_RETRYING -> {
            int base = 10;
            yield base * 2;
          }
          case DISCONNECTED -> 100;
        };
    return weight;
  }

  void reactTo(State current) {
    if (current instanceof Down down && down.client() != null) {
      executor.execute(
          () -> {
            try {
              down.client().close();
              down.client().open(false);
            } catch (IotHubClientException e) {
              state = new Retrying(1);
            }
          });
    }
  }

  /** Generic methods, wildcards and intersection bounds. */
  static <T extends ModuleClient & Comparable<T>> T same(T client) {
    return client;
  }

  static <K, V extends ModuleClient> Map<K, ? super V> modules(Map<K, ? super V> map) {
    return map;
  }

  /** Lambdas returning lambdas, method references, suppliers of clients. */
  Function<String, Supplier<DeviceClient>> factory() {
    return connectionString -> () -> new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
  }

  Callable<Void> opener(DeviceClient client) {
    return () -> {
      client.close();
      client.open(false);
      return null;
    };
  }

  /** Local classes, anonymous classes and callbacks in odd places. */
  void register(DeviceClient client) {
    class LocalCallback implements IotHubConnectionStatusChangeCallback {
      @Override
      public void onStatusChanged(ConnectionStatusChangeContext context) {
        var status = context.getNewStatus();
        state =
            status == IotHubConnectionStatus.CONNECTED
                ? new Up(client)
                : new Down(client, String.valueOf(context.getNewStatusReason()));
      }
    }
    client.setConnectionStatusChangeCallback(new LocalCallback(), null);
    client.setConnectionStatusChangeCallback(
        new IotHubConnectionStatusChangeCallback() {
          int changes;

          @Override
          public void onStatusChanged(ConnectionStatusChangeContext context) {
            changes++;
          }
        },
        null);
    List<Runnable> hooks = new ArrayList<>();
    hooks.add(this::toString);
    hooks.forEach(Runnable::run);
  }

  /** A text block. */
  String payload(String device) {
    return """
        {"device": "%s", "kind": "odd"}
        """.formatted(device);
  }

  /** Arrays, labeled loops, ternaries and casts of clients. */
  void openAll(Object[] candidates) throws IotHubClientException {
    outer:
    for (Object candidate : candidates) {
      for (int i = 0; i < 3; i++) {
        if (candidate instanceof DeviceClient device) {
          ((DeviceClient) candidate).open(i > 0);
          continue outer;
        }
      }
      DeviceClient[] clients = {};
      for (var each : clients) {
        (each).close();
      }
    }
  }
}
