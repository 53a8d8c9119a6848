package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import io.github.linkguard.checker.analysis.PendingLinks.AnonymousRole;
import io.github.linkguard.checker.analysis.PendingLinks.Forward;
import io.github.linkguard.checker.analysis.PendingLinks.LibraryCall;
import io.github.linkguard.checker.analysis.PendingLinks.PendingEdge;
import io.github.linkguard.checker.analysis.PendingLinks.PendingFunction;
import io.github.linkguard.checker.analysis.PendingLinks.PendingReference;
import io.github.linkguard.checker.analysis.PendingLinks.PendingTask;
import io.github.linkguard.checker.analysis.PendingLinks.StoredCallback;
import io.github.linkguard.checker.analysis.PendingLinks.VariableHandOff;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The call graph over the bodies of a finished {@link ClassScan}: its {@link PendingLinks} resolved into {@link
 * Body.Edge}s once every method is known. Calls dispatch to the overrides the compilation instantiates ({@link
 * Dispatch}); a function value, task object or anonymous class is a hand-off edge (and its body a hand-off root) when
 * it reaches a hand-off API, directly, through a variable, or through parameters forwarded to one; otherwise it runs
 * synchronously where it goes. Status callbacks a method reference or a registered object implements are marked here,
 * and the clients they are registered on.
 *
 * <p>Cost, for c calls and f parameter forwards: O(c) edges, each call to its dispatch targets; the hand-off search
 * one breadth-first search backwards over the forwards, O(f), done once; a registered callback class looks over the
 * status callback methods; task objects find their run() or call(), and functions a method returns find the calls
 * of that method, in indexes built once, on first need. A call through a library type costs what the variable it is
 * made on holds, found once for the whole compilation ({@link StoredValueFlow}), and one implementation look-up per
 * pair of method and class held.
 */
final class CallGraph {
  /** How many forwards of a parameter to a hand-off are followed. */
  private static final int MAX_FORWARDS = 8;

  private final IotHubSdk sdk;
  private final VisitorState state;
  private final PendingLinks links;
  private final Collection<Body> bodies;
  private final Dispatch dispatch;
  private final Map<Tree, List<Body.Edge>> edgesBySite = new IdentityHashMap<>();
  private final ClassScan scan;
  private final UnrunLocals localsNeverRun;
  private final RetryLibraries.AttemptRuns attemptRuns;
  private final StoredValueFlow storedValues;
  private @Nullable Map<VarSymbol, Integer> handOffDistances;

  CallGraph(IotHubSdk sdk, VisitorState state, ClassScan scan) {
    this.sdk = sdk;
    this.state = state;
    this.scan = scan;
    this.links = scan.links;
    this.bodies = scan.bodies().values();
    this.dispatch = new Dispatch(state.getTypes(), scan.methodBodies(), links.instantiated, scan.visibleClasses());
    this.localsNeverRun = new UnrunLocals(state, links);
    this.attemptRuns = new RetryLibraries.AttemptRuns(state, sdk, scan.locals);
    this.storedValues = new StoredValueFlow(scan, state, this::argumentsPassedTo);
    resolve();
  }

  /** A function value a body keeps for later (in a field, or as a library's element), and the bodies it runs. */
  record KeptFunction(TreePath site, List<Body> targets) {}

  private final Map<Body, List<KeptFunction>> keptForLater = new HashMap<>();

  /** The function values {@code body} keeps for later without running or handing them off there. */
  List<KeptFunction> keptForLaterIn(Body body) {
    return keptForLater.getOrDefault(body, List.of());
  }

  /** The edges whose site is {@code site}: a call, method reference, lambda or task object creation. */
  List<Body.Edge> edgesAt(Tree site) {
    return edgesBySite.getOrDefault(site, List.of());
  }

  private void link(Body from, Body to, Body.EdgeKind kind, TreePath site) {
    Body.Edge edge = new Body.Edge(from, to, kind, site);
    from.outgoing.add(edge);
    to.incoming.add(edge);
    edgesBySite.computeIfAbsent(site.getLeaf(), k -> new ArrayList<>(1)).add(edge); // most sites have one edge
  }

  private void resolve() {
    links.handOffCopiedVariables(storedValues::storedIn);
    for (PendingEdge pending : links.edges) {
      for (Body target : dispatch.targets(pending.target(), pending.receiverType(), pending.onThis())) {
        link(pending.from(), target, Body.EdgeKind.SYNC, pending.site());
      }
    }
    linkLibraryCalls();
    for (PendingFunction function : links.functions) {
      linkFunction(function.from(), function.site(), function.destination(), function.targets());
    }
    for (PendingReference reference : links.references) {
      List<Body> targets = dispatch.targets(reference.target(), reference.qualifierType(), reference.onThis());
      if (sdk.isStatusCallbackType(reference.functionalType())) {
        for (Body target : targets) {
          MethodTree method = (MethodTree) target.tree();
          target.markRoot(Body.Root.STATUS_CALLBACK, CallbackParameters.of(method.getParameters(), sdk));
          target.registeredOn(reference.registeredOn());
          links.noteStoredCallback(reference.destination(), new StoredCallback(target, null));
        }
      } else if (sdk.isOtherSdkCallbackType(reference.functionalType())) {
        for (Body target : targets) {
          target.markRoot(Body.Root.SDK_CALLBACK, null);
        }
      } else if (!targets.isEmpty()) {
        linkFunction(reference.from(), reference.site(), reference.destination(), targets);
      }
    }
    new CallbackRegistrations(state, links, bodies, this::argumentsPassedTo).register();
    for (PendingTask task : links.tasks) {
      if (isHandedOff(task.destination())) {
        // executor.submit(new ReconnectTask()): its run() or call() runs on the executor's thread.
        linkFunction(task.from(), task.site(), task.destination(), taskEntries(task.task()));
      }
    }
    for (Body body : links.anonymousRoles.isEmpty() ? List.<Body>of() : bodies) {
      MethodSymbol method = body.method();
      if (method == null || !(method.owner instanceof ClassSymbol owner)) {
        continue;
      }
      AnonymousRole role = links.anonymousRoles.get(owner);
      if (role == null || method.isConstructor()) {
        continue;
      }
      if (body.root() == Body.Root.STATUS_CALLBACK) {
        body.registeredOn(role.registeredOn());
      }
      if (role.callbackOrThread()) {
        if (body.root() == Body.Root.HAND_OFF) {
          // catch (...) { timer.schedule(new TimerTask() { public void run() { connect(); } }, delay); }: the next
          // round of the retry, as the same lambda is; the class is made there only, so its run() is that round's
          if (isRescheduledFromItsOwnCatch(role.enclosing(), role.site(), body)) {
            body.clearHandOffRoot();
          }
          link(role.enclosing(), body, Body.EdgeKind.HAND_OFF, role.site());
        }
      } else if (body.root() == Body.Root.NONE) {
        linkFunction(role.enclosing(), role.site(), role.destination(), List.of(body));
      }
    }
  }

  /**
   * A call through a library type ({@code sink.accept(m)}) runs the implementation in the class of each object of the
   * compilation that the code itself stored in the variable it calls on (see {@link StoredValueFlow}: a field's values
   * anywhere in the compilation, a local's only when it is effectively final), and, when the call is of the
   * interface's own method, the lambdas and method references stored there. A local's stay linked where they are
   * created too (the same body runs them); a field's are linked only here and where the field is handed off.
   */
  private void linkLibraryCalls() {
    // Many calls name the same library method on variables holding the same classes: each pair is looked up once.
    Map<MethodSymbol, Map<ClassSymbol, Optional<Body>>> implementations = new HashMap<>();
    for (LibraryCall call : links.libraryCalls) {
      StoredValueFlow.StoredValues values = storedValues.of(call.holder());
      for (ClassSymbol storedClass : values.classes()) {
        Body target =
            implementations
                .computeIfAbsent(call.method(), k -> new HashMap<>())
                .computeIfAbsent(storedClass, stored -> implementationIn(call.method(), stored))
                .orElse(null);
        if (target != null) {
          link(call.from(), target, Body.EdgeKind.SYNC, call.site());
        }
      }
      // A lambda or method reference kept there runs when the interface's own method is called on it (run()).
      if ((call.method().flags() & Flags.ABSTRACT) != 0) {
        for (Body function : values.functions()) {
          link(call.from(), function, Body.EdgeKind.SYNC, call.site());
        }
      }
    }
  }

  /** The body that runs when {@code method} is called on an object of {@code stored}, if it has source. */
  private Optional<Body> implementationIn(MethodSymbol method, ClassSymbol stored) {
    MethodSymbol implementation = method.implementation(stored, state.getTypes(), true);
    return Optional.ofNullable(implementation == null ? null : scan.methodBodies().get(implementation));
  }

  /** A task's own run() or call(), or the one it inherits from the nearest superclass of the compilation. */
  private List<Body> taskEntries(ClassSymbol task) {
    if (taskEntriesByClass == null) {
      Map<ClassSymbol, List<Body>> index = new HashMap<>();
      Name run = state.getName("run");
      Name call = state.getName("call");
      for (Body body : bodies) {
        MethodSymbol method = body.method();
        if (method != null
            && method.owner instanceof ClassSymbol owner
            && method.getParameters().isEmpty()
            && (method.getSimpleName() == run || method.getSimpleName() == call)) {
          index.computeIfAbsent(owner, k -> new ArrayList<>()).add(body);
        }
      }
      taskEntriesByClass = index;
    }
    for (Type type = task.type;
        type != null && type.tsym instanceof ClassSymbol owner;
        type = state.getTypes().supertype(type)) {
      List<Body> entries = taskEntriesByClass.get(owner);
      if (entries != null) {
        return entries;
      }
    }
    return List.of();
  }

  /** The calls of each method, indexed on the first question about them. */
  private @Nullable Map<MethodSymbol, List<PendingEdge>> callsByTarget;

  private List<PendingEdge> callsOf(MethodSymbol method) {
    if (callsByTarget == null) {
      Map<MethodSymbol, List<PendingEdge>> index = new HashMap<>();
      for (PendingEdge call : links.edges) {
        index.computeIfAbsent(call.target(), k -> new ArrayList<>()).add(call);
      }
      callsByTarget = index;
    }
    return callsByTarget.getOrDefault(method, List.of());
  }

  /** What the calls and constructor invocations of the compilation pass as {@code method}'s parameter {@code index}. */
  private List<ExpressionTree> argumentsPassedTo(MethodSymbol method, int index) {
    List<ExpressionTree> arguments = new ArrayList<>();
    for (PendingEdge call : index < 0 || method.isVarArgs() ? List.<PendingEdge>of() : callsOf(method)) {
      Tree site = call.site().getLeaf();
      List<? extends ExpressionTree> passed =
          site instanceof MethodInvocationTree invocation
              ? invocation.getArguments()
              : site instanceof NewClassTree creation ? creation.getArguments() : List.of();
      if (index < passed.size()) {
        arguments.add(passed.get(index));
      }
    }
    return arguments;
  }

  /** The run() and call() bodies of each class, indexed on the first task object that is handed off. */
  private @Nullable Map<ClassSymbol, List<Body>> taskEntriesByClass;

  /** Links a function value's bodies from where it is created: a hand-off, or a synchronous run. */
  private void linkFunction(Body from, TreePath site, Destination destination, List<Body> targets) {
    if (destination.returned()) {
      linkReturnedFunction(destination.producer(), targets);
      return;
    }
    boolean handedOff = isHandedOff(destination);
    // A retry library's asynchronous attempt (Failsafe runAsync, ...) runs on another thread: a hand-off for the
    // callback-thread rules, but a retry construct, not a re-entry site (so its body is no root).
    boolean asyncAttempt =
        !handedOff
            && (isAsyncRetryAttempt(site) || (destination.givenToAnOpaqueMethod() && attemptRuns.of(site) == null));
    if (!handedOff && !asyncAttempt && localsNeverRun.neverRun(from, destination.variable())) {
      return; // Runnable unused = () -> client.close();  -- made, never run
    }
    if (destination.storedByALibrary() || (!handedOff && !asyncAttempt && isField(destination.variable()))) {
      // commands.offer(() -> reopen()); pendingRecovery = this::recover;  -- kept, not run: it runs where the value
      // is taken out and run or handed off (linkLibraryCalls, the variable hand-offs), not where it is kept
      keptForLater.computeIfAbsent(from, k -> new ArrayList<>()).add(new KeptFunction(site, targets));
      return;
    }
    for (Body target : targets) {
      if (handedOff && !isRescheduledFromItsOwnCatch(from, site, target)) {
        target.markRoot(Body.Root.HAND_OFF, null);
      }
      link(from, target, handedOff || asyncAttempt ? Body.EdgeKind.HAND_OFF : Body.EdgeKind.SYNC, site);
    }
    // Kept in a variable and handed off elsewhere (a status callback's executor.execute(reconnect)): it also runs
    // from each place the variable is handed off, which is where a path through it starts.
    if (handedOff && destination.variable() != null) {
      for (VariableHandOff handOff : links.variableHandOffs.getOrDefault(destination.variable(), List.of())) {
        if (handOff.from() != from) {
          for (Body target : targets) {
            link(handOff.from(), target, Body.EdgeKind.HAND_OFF, handOff.site());
          }
        }
      }
    }
  }

  /**
   * {@code catch (...) { scheduler.schedule(this::connect, 5, SECONDS); }} inside {@code connect()}: a retry by
   * scheduling the method again, whose next round continues the path that ran the failed one. It is no root of its
   * own (a hand-off still, for the callback-thread rules); a method that reschedules itself outside a catch is a
   * timer, and stays one. The task may be the method itself, a lambda or anonymous class written there that calls it
   * ({@code () -> { client.close(); connect(); }}), and the scheduling may sit in a helper that only such catches
   * call ({@code catch (...) { scheduleRetry(); }}).
   */
  private static boolean isRescheduledFromItsOwnCatch(Body from, TreePath site, Body target) {
    if (target == from || (target.isWrittenWhereItIsMade() && callsSynchronously(target, from))) {
      return isInACatchOf(from, site);
    }
    // a helper that schedules the task: only when every call of it is in a catch of a method the task calls again
    if (!target.isWrittenWhereItIsMade() || from.incoming().isEmpty()) {
      return false;
    }
    for (Body.Edge call : from.incoming()) {
      if (call.kind() != Body.EdgeKind.SYNC
          || !callsSynchronously(target, call.from())
          || !isInACatchOf(call.from(), call.site())) {
        return false;
      }
    }
    return true;
  }


  private static boolean callsSynchronously(Body caller, Body callee) {
    for (Body.Edge edge : caller.outgoing()) {
      if (edge.kind() == Body.EdgeKind.SYNC && edge.to() == callee) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInACatchOf(Body body, TreePath site) {
    for (TreePath current = site;
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof CatchTree) {
        return true;
      }
    }
    return false;
  }

  /** Which library call runs each function value as its attempt: one memo for the call graph and the analyses. */
  RetryLibraries.AttemptRuns attemptRuns() {
    return attemptRuns;
  }

  private boolean isAsyncRetryAttempt(TreePath site) {
    RetryLibraries.AttemptRun run = attemptRuns.of(site);
    return run != null && run.async();
  }

  /**
   * A function a same-class method returns ({@code Runnable reopenTask() { return () -> ...; }}) runs on another
   * thread when a caller hands the result off ({@code new Thread(reopenTask()).start()}); creating it runs nothing.
   */
  private void linkReturnedFunction(@Nullable MethodSymbol producer, List<Body> targets) {
    if (producer == null) {
      return;
    }
    for (PendingEdge call : callsOf(producer)) {
      if (!(call.site().getLeaf() instanceof MethodInvocationTree)) {
        continue;
      }
      TreePath use = appliedResult(call.site());
      boolean handedOff = isHandedOff(links.destinationOf(use));
      // closer().run(); -- applied for its effect right where it is made: it runs on the caller's thread
      boolean runInPlace = use != call.site() && use.getParentPath().getLeaf() instanceof ExpressionStatementTree;
      for (Body target : handedOff || runInPlace ? targets : List.<Body>of()) {
        if (handedOff) {
          target.markRoot(Body.Root.HAND_OFF, null);
        }
        link(call.from(), target, handedOff ? Body.EdgeKind.HAND_OFF : Body.EdgeKind.SYNC, use);
      }
    }
  }

  /**
   * Where the function a call returns ends up: {@code reopenTask()} itself, or the result of applying it ({@code
   * factory().get()}, {@code reopener().apply(client)}).
   */
  private static TreePath appliedResult(TreePath call) {
    TreePath current = call;
    while (true) {
      TreePath parent = IotHubSdk.withEnclosingParentheses(current).getParentPath();
      if (parent != null
          && parent.getLeaf() instanceof MemberSelectTree
          && parent.getParentPath().getLeaf() instanceof MethodInvocationTree applied
          && applied.getMethodSelect() == parent.getLeaf()) {
        current = parent.getParentPath();
      } else {
        return current;
      }
    }
  }

  private static boolean isField(@Nullable VarSymbol variable) {
    return variable != null && variable.getKind() == ElementKind.FIELD;
  }

  /** Whether a function value that goes to {@code destination} runs on another thread. */
  private boolean isHandedOff(Destination destination) {
    if (destination.handOffApi()) {
      return true;
    }
    if (destination.variable() != null) {
      return links.handedOffVariables.contains(destination.variable());
    }
    return destination.callee() != null && parameterHandedOff(destination.callee(), destination.index());
  }

  /**
   * A parameter the method hands off, itself or through at most {@link #MAX_FORWARDS} forwards to the methods it
   * passes it to.
   */
  private boolean parameterHandedOff(MethodSymbol method, int index) {
    VarSymbol parameter = parameterAt(method, index);
    if (parameter == null) {
      return false;
    }
    Integer forwardsToHandOff = handOffDistances().get(parameter);
    return forwardsToHandOff != null && forwardsToHandOff <= MAX_FORWARDS;
  }

  /**
   * For every parameter from which a chain of forwards reaches a handed-off variable, the fewest forwards it takes:
   * one breadth-first search backwards from the handed-off variables over every forward of the scan, O(forwards).
   */
  private Map<VarSymbol, Integer> handOffDistances() {
    if (handOffDistances == null) {
      Map<VarSymbol, List<VarSymbol>> forwardedFrom = new HashMap<>();
      for (Forward forward : links.forwards) {
        VarSymbol target = parameterAt(forward.callee(), forward.index());
        if (target != null) {
          forwardedFrom.computeIfAbsent(target, k -> new ArrayList<>()).add(forward.parameter());
        }
      }
      Map<VarSymbol, Integer> distances = new HashMap<>();
      Deque<VarSymbol> work = new ArrayDeque<>();
      for (VarSymbol handedOff : links.handedOffVariables) {
        distances.put(handedOff, 0);
        work.add(handedOff);
      }
      while (!work.isEmpty()) {
        VarSymbol reached = work.poll();
        int distance = distances.get(reached) + 1;
        for (VarSymbol source : forwardedFrom.getOrDefault(reached, List.of())) {
          if (distances.putIfAbsent(source, distance) == null) {
            work.add(source);
          }
        }
      }
      handOffDistances = distances;
    }
    return handOffDistances;
  }

  /** The parameter an argument at {@code index} binds to (varargs collect the rest), or null without parameters. */
  private static @Nullable VarSymbol parameterAt(MethodSymbol method, int index) {
    List<VarSymbol> parameters = method.getParameters();
    return parameters.isEmpty() ? null : parameters.get(Math.min(index, parameters.size() - 1));
  }
}
