package io.github.linkguard.checker.analysis;

import static io.github.linkguard.checker.analysis.Receivers.isOnSelf;
import static io.github.linkguard.checker.analysis.Receivers.receiverOf;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What calling a same-class method closes or opens, through the methods it calls: its own fields (read through the
 * call's receiver) and the arguments it is given; and where a body closes a client, directly or through such a call.
 * A close counts for the caller only when it happens on every path through the method ({@link
 * PathFacts#closesOnCompletion}).
 *
 * <p>Cost: the effects of every method are computed once per direction (closes, opens), callees before callers, in
 * one depth-first pass over the synchronous call edges with an explicit stack: O(calls), and a call chain as long as
 * the program's costs heap, not stack. A question about one call then looks only at the edges of that call.
 */
final class MethodEffects implements CallCloses {
  /** What a same-class method closes (or opens): own fields, and which of its parameters. */
  record ClientEffects(Set<ClientRef> fields, Set<Integer> parameters) {
    static final ClientEffects NONE = new ClientEffects(Set.of(), Set.of());
  }

  private final ClassScan scan;
  private final CallGraph graph;
  private final PathFacts pathFacts;
  private final Map<MethodSymbol, ClientEffects> closingEffects = new HashMap<>();
  private final Map<MethodSymbol, ClientEffects> openingEffects = new HashMap<>();

  MethodEffects(ClassScan scan, CallGraph graph, PathFacts pathFacts) {
    this.scan = scan;
    this.graph = graph;
    this.pathFacts = pathFacts;
  }

  /**
   * Where {@code body} closes {@code client}: its close() and closeNow() calls, and calls of same-class methods that
   * close it (e.g. a closeQuietly helper), as paths.
   */
  List<TreePath> closeSites(Body body, ClientRef client) {
    List<TreePath> sites = new ArrayList<>();
    for (ConnectionCall call : scan.connectionCalls.in(body)) {
      if (call.op().closes() && client.equals(call.client())) {
        sites.add(call.path());
      }
    }
    for (Body.Edge edge : body.outgoing()) {
      if (edge.kind() == Body.EdgeKind.SYNC
          && edge.site().getLeaf() instanceof MethodInvocationTree call
          && closedByCall(call).contains(client)) {
        sites.add(edge.site());
      }
    }
    return sites;
  }

  /** The clients a statement closes when it is a call of a same-class method (e.g. a closeQuietly helper). */
  @Override
  public Set<ClientRef> closedByCall(MethodInvocationTree call) {
    return affectedByCall(call, true);
  }

  /** The clients a call of a same-class method opens: own fields it opens, and the arguments it opens. */
  Set<ClientRef> openedByCall(MethodInvocationTree call) {
    return affectedByCall(call, false);
  }

  /**
   * What a call closes (or opens) through the bodies it runs: each target's own fields, read through the call's
   * receiver ({@code device.reconnect()} touches {@code device.client}), and the arguments it closes.
   */
  private Set<ClientRef> affectedByCall(MethodInvocationTree call, boolean closes) {
    if (graph.edgesAt(call).isEmpty()) {
      return Set.of(); // a call of a library method (most calls): asked for every statement of the facts
    }
    Set<ClientRef> affected = new LinkedHashSet<>();
    ExpressionTree receiver = receiverOf(call);
    ClientRef through = isOnSelf(call) ? null : ClientRef.of(receiver);
    for (Body.Edge edge : graph.edgesAt(call)) {
      MethodSymbol method = edge.to().method();
      if (edge.kind() != Body.EdgeKind.SYNC || method == null) {
        continue;
      }
      ClientEffects effects = closes ? effects(method, true, closingEffects) : effects(method, false, openingEffects);
      if (isOnSelf(call)) {
        affected.addAll(effects.fields());
      } else if (through != null) {
        for (ClientRef field : effects.fields()) {
          affected.add(through.then(field));
        }
      }
      for (int index : effects.parameters()) {
        if (index < call.getArguments().size()) {
          ClientRef argument = ClientRef.of(call.getArguments().get(index));
          if (argument != null) {
            affected.add(argument);
          }
        }
      }
    }
    return affected;
  }

  /**
   * Depth first over the synchronous calls, callees before callers, with an explicit stack: a call chain as long as
   * the program's costs heap, not stack. A method still being computed (a recursive cycle) counts as having no
   * effect for the callers inside the cycle.
   */
  private ClientEffects effects(MethodSymbol method, boolean closes, Map<MethodSymbol, ClientEffects> cache) {
    ClientEffects cached = cache.get(method);
    if (cached != null) {
      return cached;
    }
    Deque<EffectsFrame> stack = new ArrayDeque<>();
    cache.put(method, ClientEffects.NONE); // in progress
    stack.push(new EffectsFrame(method, scan.methodBodies().get(method)));
    while (!stack.isEmpty()) {
      EffectsFrame frame = stack.peek();
      MethodSymbol callee = frame.nextUnvisitedCallee(cache);
      if (callee != null) {
        cache.put(callee, ClientEffects.NONE); // in progress
        stack.push(new EffectsFrame(callee, scan.methodBodies().get(callee)));
        continue;
      }
      stack.pop();
      if (frame.body() != null) {
        cache.put(frame.method(), ownEffects(frame.method(), frame.body(), closes, cache));
      }
    }
    return cache.get(method);
  }

  /** One method on the stack of {@link #effects}: the synchronous calls of its body not yet looked at. */
  private static final class EffectsFrame {
    private final MethodSymbol method;
    private final @Nullable Body body;
    private final Iterator<Body.Edge> edges;

    EffectsFrame(MethodSymbol method, @Nullable Body body) {
      this.method = method;
      this.body = body;
      this.edges = body == null ? Collections.<Body.Edge>emptyIterator() : body.outgoing().iterator();
    }

    MethodSymbol method() {
      return method;
    }

    @Nullable Body body() {
      return body;
    }

    @Nullable MethodSymbol nextUnvisitedCallee(Map<MethodSymbol, ClientEffects> cache) {
      while (edges.hasNext()) {
        Body.Edge edge = edges.next();
        if (isEffectEdge(edge) && !cache.containsKey(edge.to().method())) {
          return edge.to().method();
        }
      }
      return null;
    }
  }

  private static boolean isEffectEdge(Body.Edge edge) {
    return edge.kind() == Body.EdgeKind.SYNC
        && edge.to().method() != null
        && edge.site().getLeaf() instanceof MethodInvocationTree;
  }

  /** What {@code body} does itself and through its callees, whose effects are in {@code cache} already. */
  private ClientEffects ownEffects(
      MethodSymbol method, Body body, boolean closes, Map<MethodSymbol, ClientEffects> cache) {
    Set<ClientRef> fieldsAffected = new LinkedHashSet<>();
    Set<Integer> parametersAffected = new LinkedHashSet<>();
    List<VarSymbol> parameters = method.getParameters();
    for (ConnectionCall call : scan.connectionCalls.in(body)) {
      if (call.op().closes() != closes || call.client() == null) {
        continue;
      }
      if (closes
          && call.client().isOwnField()
          && scan.fieldWrites.assignedAfter(call.client().variable(), body, call.tree())) {
        continue; // active.close(); ... active = next;  the caller's active is not the closed client
      }
      if (call.client().isOwnField() || call.client().isThis()) {
        fieldsAffected.add(call.client());
      } else if (call.client().variable() != null && parameters.contains(call.client().variable())) {
        parametersAffected.add(parameters.indexOf(call.client().variable()));
      }
    }
    for (Body.Edge edge : body.outgoing()) {
      if (isEffectEdge(edge)) {
        MethodInvocationTree call = (MethodInvocationTree) edge.site().getLeaf();
        ClientEffects callee = cache.get(edge.to().method());
        if (isOnSelf(call)) {
          fieldsAffected.addAll(callee.fields());
        }
        for (int index : callee.parameters()) {
          if (index < call.getArguments().size()) {
            ClientRef argument = ClientRef.of(call.getArguments().get(index));
            if (argument != null && argument.variable() != null && parameters.contains(argument.variable())) {
              parametersAffected.add(parameters.indexOf(argument.variable()));
            } else if (argument != null && argument.isOwnField()) {
              fieldsAffected.add(argument);
            }
          }
        }
      }
    }
    if (closes && body.tree() instanceof MethodTree methodTree && methodTree.getBody() != null) {
      // a close on some paths only (inside an if) does not close the client for the caller
      fieldsAffected.removeIf(field -> !pathFacts.closesOnCompletion(methodTree.getBody(), field));
      parametersAffected.removeIf(
          index -> !pathFacts.closesOnCompletion(methodTree.getBody(), ClientRef.ofVariable(parameters.get(index))));
    }
    return new ClientEffects(Set.copyOf(fieldsAffected), Set.copyOf(parametersAffected));
  }
}
