package io.github.linkguard.checker.analysis;

import static io.github.linkguard.checker.analysis.Receivers.isOnSelf;
import static io.github.linkguard.checker.analysis.Receivers.receiverOf;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
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
 * What calling a compilation method closes, opens or creates, through the methods it calls: its own fields (read
 * through the call's receiver) and the arguments it is given; and where a body closes a client, directly or through
 * such a call. A close or creation counts for the caller only when it happens on every path through the method
 * ({@link PathFacts#closesOnCompletion}, {@link PathFacts#createdOnCompletion}).
 *
 * <p>Cost: the effects of every method are computed once (closes, opens and creations together), callees before
 * callers, in one depth-first pass over the synchronous call and constructor edges with an explicit stack: O(calls),
 * and a call chain as long as the program's costs heap, not stack. A question about one call then looks only at the
 * edges of that call.
 */
final class MethodEffects implements CallEffects {
  /** What a compilation method closes, opens or creates: own fields, and which of its parameters. */
  record ClientEffects(Set<ClientRef> fields, Set<Integer> parameters) {
    static final ClientEffects NONE = new ClientEffects(Set.of(), Set.of());
  }

  private enum Effect {
    CLOSES,
    OPENS,
    /** Own fields assigned a new client (a parameter assigned one changes nothing for the caller). */
    CREATES
  }

  private final CompilationModel model;
  private final ClassScan scan;
  private final CallGraph graph;
  private final PathFacts pathFacts;
  private final Map<MethodSymbol, ClientEffects> closingEffects = new HashMap<>();
  private final Map<MethodSymbol, ClientEffects> openingEffects = new HashMap<>();
  private final Map<MethodSymbol, ClientEffects> creatingEffects = new HashMap<>();

  MethodEffects(CompilationModel model, PathFacts pathFacts) {
    this.model = model;
    this.scan = model.scan();
    this.graph = model.graph();
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
    return affectedByCall(call, Effect.CLOSES);
  }

  /** The clients a call of a same-class method opens: own fields it opens, and the arguments it opens. */
  Set<ClientRef> openedByCall(MethodInvocationTree call) {
    return affectedByCall(call, Effect.OPENS);
  }

  @Override
  public Set<ClientRef> createdByCall(MethodInvocationTree call) {
    return affectedByCall(call, Effect.CREATES);
  }

  @Override
  public Set<ClientRef> createdByConstruction(NewClassTree creation) {
    Set<ClientRef> created = new LinkedHashSet<>();
    for (Body.Edge edge : graph.edgesAt(creation)) {
      MethodSymbol constructor = edge.to().method();
      if (edge.kind() != Body.EdgeKind.SYNC || constructor == null || !constructor.isConstructor()) {
        continue;
      }
      created.addAll(effects(constructor, Effect.CREATES).fields());
      // private final ModuleClient client = ModuleClient.createFromEnvironment(...);  -- runs with every constructor
      TreePath classPath = edge.to().path().getParentPath();
      Body initializer = classPath == null ? null : scan.bodies().get(classPath.getLeaf());
      for (CompilationModel.FieldWrite write :
          classPath != null && classPath.getLeaf() instanceof ClassTree && initializer != null
              ? scan.fieldWrites.writesIn(initializer)
              : List.<CompilationModel.FieldWrite>of()) {
        if (!write.field().isStatic() && write.value() != null && model.isNewClient(write.value())) {
          created.add(ClientRef.ofVariable(write.field()));
        }
      }
    }
    return created;
  }

  @Override
  public Set<ClientRef> createdInReturnedObject(MethodInvocationTree call) {
    Set<ClientRef> common = null;
    for (Body.Edge edge : graph.edgesAt(call)) {
      if (edge.kind() != Body.EdgeKind.SYNC || edge.to().method() == null) {
        continue;
      }
      List<ExpressionTree> returned = edge.to().returnedExpressions();
      if (returned.isEmpty()) {
        return Set.of();
      }
      for (ExpressionTree expression : returned) {
        if (!(IotHubSdk.stripParenthesesAndCasts(expression) instanceof NewClassTree creation)) {
          return Set.of(); // one return of something else: not every object it returns is new
        }
        Set<ClientRef> created = createdByConstruction(creation);
        if (common == null) {
          common = new LinkedHashSet<>(created);
        } else {
          common.retainAll(created);
        }
      }
    }
    return common == null ? Set.of() : common;
  }

  /**
   * What a call closes (or opens) through the bodies it runs: each target's own fields, read through the call's
   * receiver ({@code device.reconnect()} touches {@code device.client}), and the arguments it closes.
   */
  private Set<ClientRef> affectedByCall(MethodInvocationTree call, Effect effect) {
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
      ClientEffects effects = effects(method, effect);
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
   * Depth first over the synchronous calls and constructor invocations, callees before callers, with an explicit
   * stack: a call chain as long as the program's costs heap, not stack. Every effect of a method is computed in the
   * same pass, so that reading a body's facts (which count its calls' closes and creations) finds each callee's
   * effects made already. A method still being computed (a recursive cycle) counts as having no effect for the
   * callers inside the cycle.
   */
  private ClientEffects effects(MethodSymbol method, Effect effect) {
    if (!closingEffects.containsKey(method)) {
      computeEffects(method);
    }
    return switch (effect) {
      case CLOSES -> closingEffects.get(method);
      case OPENS -> openingEffects.get(method);
      case CREATES -> creatingEffects.get(method);
    };
  }

  private void computeEffects(MethodSymbol method) {
    Deque<EffectsFrame> stack = new ArrayDeque<>();
    markInProgress(method);
    stack.push(new EffectsFrame(method, scan.methodBodies().get(method)));
    while (!stack.isEmpty()) {
      EffectsFrame frame = stack.peek();
      MethodSymbol callee = frame.nextUnvisitedCallee(closingEffects);
      if (callee != null) {
        markInProgress(callee);
        stack.push(new EffectsFrame(callee, scan.methodBodies().get(callee)));
        continue;
      }
      stack.pop();
      Body body = frame.body();
      if (body != null) {
        closingEffects.put(frame.method(), ownEffects(frame.method(), body, true, closingEffects));
        openingEffects.put(frame.method(), ownEffects(frame.method(), body, false, openingEffects));
        creatingEffects.put(frame.method(), ownCreations(body));
      }
    }
  }

  private void markInProgress(MethodSymbol method) {
    closingEffects.put(method, ClientEffects.NONE);
    openingEffects.put(method, ClientEffects.NONE);
    creatingEffects.put(method, ClientEffects.NONE);
  }

  /** One method on the stack of {@link #computeEffects}: the synchronous calls of its body not yet looked at. */
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

    @Nullable MethodSymbol nextUnvisitedCallee(Map<MethodSymbol, ClientEffects> computed) {
      while (edges.hasNext()) {
        Body.Edge edge = edges.next();
        if (isEffectEdge(edge) && !computed.containsKey(edge.to().method())) {
          return edge.to().method();
        }
      }
      return null;
    }
  }

  /** A synchronous call of a method, or invocation of a constructor, of the compilation. */
  private static boolean isEffectEdge(Body.Edge edge) {
    MethodSymbol target = edge.to().method();
    Tree site = edge.site().getLeaf();
    return edge.kind() == Body.EdgeKind.SYNC
        && target != null
        && (site instanceof MethodInvocationTree || (site instanceof NewClassTree && target.isConstructor()));
  }

  /** The call at a method call edge, or null at a constructor invocation. */
  private static @Nullable MethodInvocationTree callAt(Body.Edge edge) {
    return edge.site().getLeaf() instanceof MethodInvocationTree call ? call : null;
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
          && scan.fieldWrites.assignedAfter(
              call.client().variable(), body, call.tree(), model::isNewClient)) {
        // active.close(); ... active = next;  the caller's active is not the closed client. (After client.close();
        // client = new DeviceClient(...); the caller sees the close, then the creation: see ownCreations.)
        continue;
      }
      if (call.client().isOwnField() || call.client().isThis()) {
        fieldsAffected.add(call.client());
      } else if (call.client().variable() != null && parameters.contains(call.client().variable())) {
        parametersAffected.add(parameters.indexOf(call.client().variable()));
      }
    }
    for (Body.Edge edge : body.outgoing()) {
      MethodInvocationTree call = callAt(edge);
      if (isEffectEdge(edge) && call != null) {
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

  /**
   * The own fields {@code body} assigns a new client on every path through it, itself or through the calls on itself
   * it makes, whose creations are computed already. The facts at the end of the body are asked only when it
   * assigns a new client to a field somewhere, or calls a method that does.
   */
  private ClientEffects ownCreations(Body body) {
    Set<ClientRef> candidates = new LinkedHashSet<>();
    for (CompilationModel.FieldWrite write : scan.fieldWrites.writesIn(body)) {
      if (write.value() != null && model.isNewClient(write.value())) {
        candidates.add(ClientRef.ofVariable(write.field()));
      }
    }
    for (Body.Edge edge : body.outgoing()) {
      MethodInvocationTree call = callAt(edge);
      if (isEffectEdge(edge) && call != null && isOnSelf(call)) {
        candidates.addAll(creatingEffects.get(edge.to().method()).fields());
      }
    }
    if (candidates.isEmpty() || !(body.tree() instanceof MethodTree method) || method.getBody() == null) {
      return ClientEffects.NONE;
    }
    candidates.retainAll(pathFacts.createdOnCompletion(method.getBody()));
    return candidates.isEmpty() ? ClientEffects.NONE : new ClientEffects(Set.copyOf(candidates), Set.of());
  }
}
