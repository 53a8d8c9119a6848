package io.github.linkguard.checker.analysis;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What runs where, read off a finished {@link CallGraph}: the status callback region (bodies that run synchronously
 * on the thread delivering a status callback), the bodies a body runs or hands off, and the opens each body reaches.
 *
 * <p>Cost: every closure is a worklist over a visited set, linear in the edges it crosses; the status region and the
 * set of bodies that can reach an open are built once (one walk each, linear in the edges); the closures of one body
 * are memoized per body, and only built for bodies that can reach an open.
 */
final class Regions {
  private final Collection<Body> bodies;
  private final ConnectionCalls calls;
  private final Map<Body, Set<Body>> syncReach = new HashMap<>();
  private final Map<Body, Set<Body>> anyReach = new HashMap<>();
  private final Map<Body, Set<ConnectionCall>> syncReachableOpens = new HashMap<>();
  private @Nullable Map<Body, Body> statusOrigins;
  private @Nullable Set<Body> bodiesReachingOpens;
  private @Nullable Set<Body> bodiesRunningOpens;

  Regions(Collection<Body> bodies, ConnectionCalls calls) {
    this.bodies = bodies;
    this.calls = calls;
  }

  /** Bodies that run synchronously on the thread delivering a status callback. */
  Set<Body> statusRegion() {
    return statusOrigins().keySet();
  }

  /** The status callback whose thread runs {@code body} synchronously, the first in source order; or null. */
  @Nullable Body statusOrigin(Body body) {
    return statusOrigins().get(body);
  }

  private Map<Body, Body> statusOrigins() {
    if (statusOrigins == null) {
      statusOrigins = reachedFromStatusCallbacks(edge -> edge.kind() == Body.EdgeKind.SYNC);
    }
    return statusOrigins;
  }

  /**
   * Every body reached from a status callback along edges that {@code follows} accepts, each with the first callback
   * (in source order) that reaches it: a breadth-first search, linear in the edges.
   */
  Map<Body, Body> reachedFromStatusCallbacks(Predicate<Body.Edge> follows) {
    Map<Body, Body> origins = new LinkedHashMap<>();
    Deque<Body> work = new ArrayDeque<>();
    for (Body body : bodies) {
      if (body.root() == Body.Root.STATUS_CALLBACK) {
        origins.put(body, body);
        work.add(body);
      }
    }
    while (!work.isEmpty()) {
      Body from = work.poll();
      for (Body.Edge edge : from.outgoing()) {
        if (!origins.containsKey(edge.to()) && follows.test(edge)) {
          origins.put(edge.to(), origins.get(from));
          work.add(edge.to());
        }
      }
    }
    return origins;
  }

  /** Every body reached from {@code roots} along edges of {@code kinds}, the roots included. */
  static Set<Body> closure(Set<Body> roots, Set<Body.EdgeKind> kinds) {
    Set<Body> reached = new LinkedHashSet<>(roots);
    Deque<Body> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      for (Body.Edge edge : work.pop().outgoing()) {
        if (kinds.contains(edge.kind()) && reached.add(edge.to())) {
          work.push(edge.to());
        }
      }
    }
    return reached;
  }

  /** Every body from which edges of {@code kinds} lead to one of {@code targets}, the targets included. */
  static Set<Body> callers(Collection<Body> targets, Set<Body.EdgeKind> kinds) {
    Set<Body> reached = new HashSet<>(targets);
    Deque<Body> work = new ArrayDeque<>(targets);
    while (!work.isEmpty()) {
      for (Body.Edge edge : work.pop().incoming()) {
        if (kinds.contains(edge.kind()) && reached.add(edge.from())) {
          work.push(edge.from());
        }
      }
    }
    return reached;
  }

  /** The bodies that run synchronously when {@code body} runs, itself included. Memoized. */
  Set<Body> syncReachable(Body body) {
    return syncReach.computeIfAbsent(body, b -> closure(Set.of(b), Set.of(Body.EdgeKind.SYNC)));
  }

  /** The bodies that {@code body} runs or hands off, directly or transitively, itself included. Memoized. */
  Set<Body> reachable(Body body) {
    return anyReach.computeIfAbsent(
        body, b -> closure(Set.of(b), Set.of(Body.EdgeKind.SYNC, Body.EdgeKind.HAND_OFF)));
  }

  /** Every open() that runs synchronously when {@code body} runs (in it or in same-class methods it calls). */
  Set<ConnectionCall> syncReachableOpens(Body body) {
    Set<ConnectionCall> cached = syncReachableOpens.get(body);
    if (cached != null) {
      return cached;
    }
    if (!bodiesReachingOpens().contains(body)) {
      return Set.of(); // most bodies of a large compilation: no closure of their own is built
    }
    Set<ConnectionCall> opens = new LinkedHashSet<>();
    for (Body reached : syncReachable(body)) {
      for (ConnectionCall call : calls.in(reached)) {
        if (call.isOpen()) {
          opens.add(call);
        }
      }
    }
    syncReachableOpens.put(body, opens);
    return opens;
  }

  /** Whether an open() runs synchronously when {@code body} runs: a set lookup, no closure of its own. */
  boolean syncReachesAnOpen(Body body) {
    return bodiesReachingOpens().contains(body);
  }

  /**
   * Whether an open() runs when {@code body} runs, on its thread or on one it hands work to: whether {@link
   * #reachable} holds a body with an open().
   */
  boolean reachesAnOpen(Body body) {
    if (bodiesRunningOpens == null) {
      bodiesRunningOpens = callers(calls.bodiesWithAnOpen(), Set.of(Body.EdgeKind.SYNC, Body.EdgeKind.HAND_OFF));
    }
    return bodiesRunningOpens.contains(body);
  }

  /** The bodies from which synchronous calls lead to an open(): one walk back from the opens, linear in the edges. */
  private Set<Body> bodiesReachingOpens() {
    if (bodiesReachingOpens == null) {
      bodiesReachingOpens = callers(calls.bodiesWithAnOpen(), Set.of(Body.EdgeKind.SYNC));
    }
    return bodiesReachingOpens;
  }
}
