package io.github.linkguard.checker.analysis;

import com.sun.source.tree.MethodInvocationTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The connection calls ({@code open}, {@code close}, ...) of the visible classes, in scan order, and the indexes
 * over them: by call tree, by body, and the opens by client.
 *
 * <p>Cost: recording is constant per call; the by-body and by-client indexes are built once, on first use, in one
 * pass over the c calls, O(c); every lookup is then a map access.
 */
final class ConnectionCalls {
  private final List<ConnectionCall> calls = new ArrayList<>();
  private final Map<MethodInvocationTree, ConnectionCall> byTree = new IdentityHashMap<>();
  private final Map<Body, List<ConnectionCall>> byBody = new HashMap<>();
  private @Nullable Map<ClientRef, List<ConnectionCall>> opensByClient;
  private @Nullable Set<Body> bodiesWithAnOpen;

  void add(ConnectionCall call) {
    calls.add(call);
    byTree.put(call.tree(), call);
  }

  List<ConnectionCall> all() {
    return calls;
  }

  /** The bodies that hold an open() call, in scan order: where the backward searches for what leads to one start. */
  Set<Body> bodiesWithAnOpen() {
    if (bodiesWithAnOpen == null) {
      Set<Body> opening = new LinkedHashSet<>();
      for (ConnectionCall call : calls) {
        if (call.isOpen()) {
          opening.add(call.body());
        }
      }
      bodiesWithAnOpen = opening;
    }
    return bodiesWithAnOpen;
  }

  @Nullable ConnectionCall of(MethodInvocationTree tree) {
    return byTree.get(tree);
  }

  List<ConnectionCall> in(Body body) {
    if (byBody.isEmpty()) {
      for (ConnectionCall call : calls) {
        byBody.computeIfAbsent(call.body(), k -> new ArrayList<>()).add(call);
      }
    }
    return byBody.getOrDefault(body, List.of());
  }

  /**
   * The open() calls on {@code client} anywhere in the compilation, in scan order: one index instead of a scan of
   * every connection call per question.
   */
  List<ConnectionCall> opensOf(@Nullable ClientRef client) {
    if (opensByClient == null) {
      Map<ClientRef, List<ConnectionCall>> index = new HashMap<>();
      for (ConnectionCall call : calls) {
        if (call.isOpen() && call.client() != null) {
          index.computeIfAbsent(call.client(), k -> new ArrayList<>()).add(call);
        }
      }
      opensByClient = index;
    }
    return client == null ? List.of() : opensByClient.getOrDefault(client, List.of());
  }
}
