package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.Conditions.Claim;
import io.github.linkguard.checker.analysis.Conditions.Establishment;
import io.github.linkguard.checker.analysis.Dominance.Condition;
import io.github.linkguard.checker.analysis.Dominance.Facts;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Each check's decision for the nodes of one class, from the contract's definitions; and the arbitration that gives
 * every open() at most one diagnostic. Lazily computed and memoized, so that the checks' matchers only look up.
 *
 * <p>Cost: per-path reach is a worklist over the call graph with a visited set, O(edges); the searches through
 * callers for a close, a creation or a deregistration before a call go at most eight callers up, with a visited set;
 * opens are indexed by client, and the closes of map lookups found once per body.
 */
public final class Verdicts {
  /** Check 4's four forms. */
  public enum ReplacementKind {
    /** A new client assigned over one that may still be open. */
    ASSIGNED_OVER_OPEN_CLIENT,
    /** A new client put into a map of clients over the one it replaces. */
    PUT_OVER_OPEN_CLIENT,
    /** A local client that has the name of a client field. */
    SHADOWS_CLIENT_FIELD,
    /** A client held only in a local, created and opened at a re-entry site, not closed on every path. */
    LOCAL_CLIENT_NOT_CLOSED
  }

  /** A check 4 finding; {@code target} is the variable replaced (form a) or shadowed (form c). */
  public record Replacement(ReplacementKind kind, TreePath path, @Nullable ExpressionTree target,
      @Nullable VarSymbol field) {}

  /** A check 5 finding: a DISCONNECTED guard in a status callback with no CLIENT_CLOSE exclusion. */
  public record ReopenGuard(Establishment establishment, TreePath reconnect, Body body) {
    /** The if, loop, ?:, && / || or case whose condition is the guard: where the check matches. */
    public Tree holder() {
      return establishment.condition() != null
          ? establishment.condition().holder()
          : establishment.switchCase().caseTree();
    }
  }

  private final ClassModel model;
  private final EnabledChecks enabled;
  private final Map<ConnectionCall, CheckName> openReporters = new IdentityHashMap<>();
  private final Map<Tree, Boolean> guardedSites = new IdentityHashMap<>();
  private @Nullable Set<Body> guardedBodies;
  private @Nullable Map<Tree, Replacement> replacements;
  private @Nullable Map<Tree, List<ReopenGuard>> reopenGuards;
  private final Map<Body, Boolean> reachesUnexcludedReconnect = new HashMap<>();

  Verdicts(ClassModel model, EnabledChecks enabled) {
    this.model = model;
    this.enabled = enabled;
  }

  public ClassModel model() {
    return model;
  }

  // ====================================================================== connection calls (checks 1, 2, 3)

  /** The check that reports this open(), close() or closeNow(), after arbitration; null when none does. */
  public @Nullable CheckName reporterOf(MethodInvocationTree tree) {
    ConnectionCall call = model.connectionCall(tree);
    if (call == null) {
      return null;
    }
    if (!call.isOpen()) {
      return onCallbackThread(call) ? CheckName.RECONNECT_ON_CALLBACK_THREAD : null;
    }
    return openReporters.computeIfAbsent(call, this::arbitrate);
  }

  private @Nullable CheckName arbitrate(ConnectionCall open) {
    if (enabled.isEnabled(CheckName.OPEN_WITHOUT_STATUS_GUARD) && opensWithoutGuard(open)) {
      return CheckName.OPEN_WITHOUT_STATUS_GUARD;
    }
    if (enabled.isEnabled(CheckName.OPEN_RETRY_WITHOUT_CLOSE) && unclosedRetry(open) != null) {
      return CheckName.OPEN_RETRY_WITHOUT_CLOSE;
    }
    if (enabled.isEnabled(CheckName.RECONNECT_ON_CALLBACK_THREAD) && onCallbackThread(open)) {
      return CheckName.RECONNECT_ON_CALLBACK_THREAD;
    }
    return null;
  }

  /**
   * Check 1: an open() at a re-entry site with no DISCONNECTED guard on some path from a root to it. On a path from
   * a status callback (synchronous or through hand-offs) no exemption applies; on the other paths, a close or
   * creation of the same client earlier on the path (in the method, or in the callers that lead there) exempts it.
   */
  public boolean opensWithoutGuard(ConnectionCall open) {
    if (!open.isOpen() || !isAtReentrySite(open.path(), open.body()) || isGuardedSite(open.path())) {
      return false;
    }
    if (unguardedFromStatusCallback().containsKey(open.body())) {
      return true;
    }
    if (guardedBodies().contains(open.body())) {
      return false;
    }
    return !closedOrCreatedForThisOpen(open)
        && !(open.client() != null && establishedByEveryCaller(open.body(), open.client(), true, 0, new HashSet<>()));
  }

  /**
   * Whether every caller that leads to {@code body} on an unguarded path from a re-entry site has closed (or, when
   * {@code creationCounts}, created) {@code client} before the call, on every path: {@code client} in the callee's
   * terms, translated through the call (a parameter is the argument; {@code this}'s field is the receiver's). A
   * lambda or anonymous class belongs to the method that creates it, so its creation counts as a call.
   */
  private boolean establishedByEveryCaller(
      Body body, ClientRef client, boolean creationCounts, int depth, Set<Body> visiting) {
    if (depth > MAX_CALLER_DEPTH
        || !visiting.add(body)
        || body.root() == Body.Root.STATUS_CALLBACK
        || body.root() == Body.Root.SDK_CALLBACK) {
      return false;
    }
    boolean anyCaller = false;
    for (Body.Edge edge : body.incoming()) {
      if (!carriesReentryPath(edge)
          || edge.from() == body
          || isGuardedSite(edge.site())
          || guardedBodies().contains(edge.from())) {
        continue; // start-up code, a guarded path, or the method re-running itself: not a path from a root here
      }
      anyCaller = true;
      boolean fromStartUp = !isAtReentrySite(edge.site(), edge.from());
      Tree site = edge.site().getLeaf();
      if (fromStartUp && !(site instanceof LambdaExpressionTree) && !(site instanceof NewClassTree)) {
        return false; // a named task started from start-up code is a root: its path begins in it
      }
      if (isRunPeriodically(edge.site())) {
        return false; // what the creating code did before covers the first run only
      }
      Translated translated = translated(client, body, edge);
      if (translated.fresh()) {
        if (!creationCounts) {
          return false;
        }
        continue;
      }
      ClientRef inCaller = translated.client();
      if (inCaller == null) {
        return false;
      }
      Facts facts = model.dominance().factsAt(edge.site());
      boolean established = facts.closed(inCaller) || (creationCounts && facts.created(inCaller));
      if (!established
          && (fromStartUp
              || !establishedByEveryCaller(edge.from(), inCaller, creationCounts, depth + 1, visiting))) {
        return false;
      }
    }
    return anyCaller;
  }

  private static final int MAX_CALLER_DEPTH = 8;

  /** A task given to {@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay} or a periodic Timer. */
  private static boolean isRunPeriodically(TreePath task) {
    TreePath argument = IotHubSdk.withEnclosingParentheses(task);
    if (argument.getParentPath() == null
        || !(argument.getParentPath().getLeaf() instanceof MethodInvocationTree call)
        || !call.getArguments().contains(argument.getLeaf())) {
      return false;
    }
    String name = IotHubSdk.methodName(call);
    return name.equals("scheduleAtFixedRate")
        || name.equals("scheduleWithFixedDelay")
        || (name.equals("schedule") && call.getArguments().size() == 3
            && ASTHelpers.getSymbol(call) != null
            && ASTHelpers.getSymbol(call).owner.getQualifiedName().contentEquals("java.util.Timer"));
  }

  /**
   * A client as the caller names it ({@code client}, null when it cannot be named there), or {@code fresh}: the
   * argument is itself a new client.
   */
  private record Translated(@Nullable ClientRef client, boolean fresh) {
    static final Translated NONE = new Translated(null, false);
    static final Translated FRESH = new Translated(null, true);
  }

  /** {@code client}, as the callee names it, in the terms of the caller at {@code edge}. */
  private Translated translated(ClientRef client, Body callee, Body.Edge edge) {
    Tree site = edge.site().getLeaf();
    boolean creation = site instanceof LambdaExpressionTree || site instanceof MemberReferenceTree
        || (site instanceof NewClassTree newClass && newClass.getClassBody() != null && callee.method() != null
            && callee.method().owner == ASTHelpers.getSymbol(newClass.getClassBody()));
    if (creation) {
      return new Translated(client, false); // captured variables and fields read the same where it is created
    }
    MethodSymbol method = callee.method();
    VarSymbol variable = client.variable();
    List<? extends ExpressionTree> arguments =
        site instanceof MethodInvocationTree call ? call.getArguments()
            : site instanceof NewClassTree newClass ? newClass.getArguments()
            : null;
    if (client.isLocal() && method != null && arguments != null) {
      int index = method.getParameters().indexOf(variable);
      if (index < 0 || index >= arguments.size() || (method.isVarArgs() && index == arguments.size() - 1)) {
        return Translated.NONE;
      }
      ExpressionTree argument = arguments.get(index);
      return model.isNewClient(argument) ? Translated.FRESH : new Translated(ClientRef.of(argument), false);
    }
    if (client.isOwnField() && site instanceof MethodInvocationTree call) {
      ClientRef receiver = ClientRef.receiverOf(call);
      return receiver == null ? Translated.NONE : new Translated(receiver.then(client), false);
    }
    return Translated.NONE;
  }

  /**
   * Exemptions (a) and (b): a close or creation of the same client earlier in the method on every path. One made
   * before a loop that keeps running after its open() covers only the first round: later rounds reopen the instance
   * the first round opened, unless each round ends by closing it (a connect-send-close duty cycle).
   */
  private boolean closedOrCreatedForThisOpen(ConnectionCall open) {
    for (Dominance.PlacedEvent placed : model.dominance().factsAt(open.path()).eventsOf(open.client())) {
      if (!placed.beforeLoop() || !reentryLoopBetween(placed.event().tree(), open)) {
        return true;
      }
    }
    // A retry library's attempt belongs to the method that creates it: what that method did before the run counts.
    for (Retries.Construct construct : model.retries().constructsFor(open)) {
      if (construct instanceof Retries.LibraryRetry library
          && library.attempt() == open.body()
          && !model.dominance().factsAt(library.call()).eventsOf(open.client()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private boolean roundEndsClosed(Tree loop, @Nullable ClientRef client) {
    StatementTree round = null;
    if (loop instanceof WhileLoopTree whileLoop) {
      round = whileLoop.getStatement();
    } else if (loop instanceof DoWhileLoopTree doWhile) {
      round = doWhile.getStatement();
    } else if (loop instanceof ForLoopTree forLoop) {
      round = forLoop.getStatement();
    }
    return round != null && client != null && model.dominance().closesOnCompletion(round, client);
  }

  private boolean reentryLoopBetween(Tree earlier, ConnectionCall open) {
    for (TreePath current = open.path().getParentPath();
        current != null && current.getLeaf() != open.body().tree();
        current = current.getParentPath()) {
      Tree loop = current.getLeaf();
      // the facts' events all precede the point, so one that starts before the loop lies outside it
      if (model.retries().isReentryLoop(loop)
          && ASTHelpers.getStartPosition(earlier) < ASTHelpers.getStartPosition(loop)
          && !roundEndsClosed(loop, open.client())) {
        return true;
      }
    }
    return false;
  }

  /** Check 2: the first retry construct around this open() that does not close its client between attempts. */
  public Retries.@Nullable Construct unclosedRetry(ConnectionCall open) {
    if (!open.isOpen()) {
      return null;
    }
    for (Retries.Construct construct : model.retries().constructsFor(open)) {
      if (!model.retries().closesBetweenAttempts(construct, open)) {
        return construct;
      }
    }
    return null;
  }

  /** Check 3: executed synchronously on the thread that delivers a status callback. */
  public boolean onCallbackThread(ConnectionCall call) {
    return isInStatusCallback(call.body());
  }

  /**
   * {@code clients.forEach(DeviceClient::close)} in a status callback: a method reference to a client's close,
   * passed to a method that is neither a hand-off nor one of the class (whose use of it the analysis follows
   * elsewhere), runs there, on the callback's thread.
   */
  public boolean closesInPlaceOnCallbackThread(TreePath reference) {
    MemberReferenceTree tree = (MemberReferenceTree) reference.getLeaf();
    Body body = model.bodyAt(reference);
    if (body == null
        || !isInStatusCallback(body)
        || !model.sdk().isClientType(ASTHelpers.getType(tree.getQualifierExpression()))) {
      return false;
    }
    TreePath argument = IotHubSdk.withEnclosingParentheses(reference);
    Tree value = argument.getLeaf();
    TreePath parent = argument.getParentPath();
    return parent != null
        && parent.getLeaf() instanceof MethodInvocationTree call
        && call.getArguments().contains(value)
        && !model.sdk().isHandOff(call)
        && model.bodyOf(ASTHelpers.getSymbol(call)) == null;
  }

  public boolean isInStatusCallback(Body body) {
    return model.statusRegion().contains(body);
  }

  /** Code that can run while the device already has a live link. */
  public boolean isAtReentrySite(TreePath path, Body body) {
    return model.reentryBodies().contains(body)
        || insideReentryConstruct.computeIfAbsent(
            path.getLeaf(), leaf -> model.retries().isInsideReentryConstruct(path, body));
  }

  /** Per call site or tree: whether a re-entry loop or catch of its body holds it (asked once per edge per rule). */
  private final Map<Tree, Boolean> insideReentryConstruct = new IdentityHashMap<>();

  private boolean isGuardedSite(TreePath path) {
    return guardedSites.computeIfAbsent(
        path.getLeaf(),
        leaf -> model.conditions().holds(model.dominance().factsAt(path), Claim.DISCONNECTED));
  }

  private Set<Body> guardedBodies() {
    if (guardedBodies == null) {
      guardedBodies = bodiesOnlyEnteredWhere(this::isGuardedSite, null);
    }
    return guardedBodies;
  }

  /**
   * The least fixed point of "entered from re-entry code at least once, and every call or hand-off from re-entry
   * code is at a site where {@code holds}, or in a body of the set". Calls from start-up code do not count. Callback
   * roots are entered by the SDK, never only through such sites. A worklist over the edges: each body counts the
   * entering edges still waiting for their caller to join the set, so the whole computation is linear in the edges.
   *
   * <p>When only some bodies are asked about ({@code asked} not null), only they and their transitive callers are
   * computed: whether a body joins depends on nothing else, and on a large compilation (the SDK's own sources) the
   * predicate is the expensive part.
   */
  private Set<Body> bodiesOnlyEnteredWhere(Predicate<TreePath> holds, @Nullable Collection<Body> asked) {
    Set<Body> scope = asked == null ? null : callersOf(asked);
    Map<Body, Integer> waiting = new HashMap<>();
    Map<Body, List<Body>> waitingCallees = new HashMap<>();
    java.util.ArrayDeque<Body> ready = new java.util.ArrayDeque<>();
    for (Body body : model.bodies()) {
      if (body.root() == Body.Root.STATUS_CALLBACK || body.root() == Body.Root.SDK_CALLBACK
          || (scope != null && !scope.contains(body))) {
        continue;
      }
      int unsatisfied = 0;
      boolean fromReentryCode = false;
      for (Body.Edge edge : body.incoming()) {
        if (!carriesReentryPath(edge)) {
          continue;
        }
        fromReentryCode = true;
        if (!holds.test(edge.site())) {
          unsatisfied++;
          waitingCallees.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(body);
        }
      }
      if (!fromReentryCode) {
        continue;
      }
      waiting.put(body, unsatisfied);
      if (unsatisfied == 0) {
        ready.add(body);
      }
    }
    Set<Body> entered = new LinkedHashSet<>();
    while (!ready.isEmpty()) {
      Body body = ready.poll();
      if (!entered.add(body)) {
        continue;
      }
      for (Body callee : waitingCallees.getOrDefault(body, List.of())) {
        int left = waiting.merge(callee, -1, Integer::sum);
        if (left == 0) {
          ready.add(callee);
        }
      }
    }
    return entered;
  }

  /** {@code bodies} and every body with a call or hand-off path to one of them. */
  private static Set<Body> callersOf(Collection<Body> bodies) {
    Set<Body> reached = new HashSet<>(bodies);
    java.util.ArrayDeque<Body> work = new java.util.ArrayDeque<>(bodies);
    while (!work.isEmpty()) {
      for (Body.Edge edge : work.poll().incoming()) {
        if (reached.add(edge.from())) {
          work.add(edge.from());
        }
      }
    }
    return reached;
  }

  /**
   * A call or hand-off that carries a path from a root: one made from re-entry code, or a task that start-up code
   * hands to another thread (a root, with the guards that dominate its hand-off). A plain call from start-up code
   * carries none.
   */
  private boolean carriesReentryPath(Body.Edge edge) {
    return edge.kind() == Body.EdgeKind.HAND_OFF || isAtReentrySite(edge.site(), edge.from());
  }

  /**
   * Bodies a status callback reaches with no DISCONNECTED guard on the way (synchronously or through hand-offs),
   * each with the first such callback in source order; a guard counts wherever it dominates the path.
   */
  private @Nullable Map<Body, Body> unguardedFromStatusCallback;

  private Map<Body, Body> unguardedFromStatusCallback() {
    if (unguardedFromStatusCallback == null) {
      unguardedFromStatusCallback = model.reachedFromStatusCallbacks(edge -> !isGuardedSite(edge.site()));
    }
    return unguardedFromStatusCallback;
  }

  /**
   * Where a path to a call in {@code body} starts, when that is a status callback in another top-level class than
   * the call: "the status callback in StatusWatcher.onStatusChanged", for the message; else null.
   * {@code synchronous}: follow only synchronous calls (the callback thread), else hand-offs too.
   */
  public @Nullable String statusCallbackOrigin(Body body, boolean synchronous) {
    Body origin = synchronous ? model.statusOrigin(body) : unguardedFromStatusCallback().get(body);
    if (origin == null || origin == body || sameTopLevelClass(origin, body)) {
      return null;
    }
    return "the status callback in " + describe(origin);
  }

  /**
   * Where the retry of {@code open} is, when it is in another top-level class than the open(): "LegacyBase.connect",
   * for the message; else null.
   */
  public @Nullable String retryOrigin(ConnectionCall open, Retries.Construct construct) {
    Body retry = model.bodyAt(construct.anchor());
    return retry == null || sameTopLevelClass(retry, open.body()) ? null : describe(retry);
  }

  private static boolean sameTopLevelClass(Body a, Body b) {
    return a.path().getCompilationUnit() == b.path().getCompilationUnit()
        && VisibleClasses.topLevelClassPath(a.path()).getLeaf()
            == VisibleClasses.topLevelClassPath(b.path()).getLeaf();
  }

  /** {@code Class.method} of a body (a lambda: of the method it is written in). */
  private static String describe(Body body) {
    for (TreePath current = body.path(); current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol != null) {
          String owner = symbol.owner.getSimpleName().toString();
          ClassSymbol topLevel = VisibleClasses.topLevelClass(symbol);
          if (owner.isEmpty() && topLevel != null) {
            owner = topLevel.getSimpleName().toString();
          }
          return owner + "." + symbol.getSimpleName();
        }
      }
    }
    return body.toString();
  }

  // ====================================================================== check 4

  /** The check 4 finding reported at this assignment, put or declaration, or null. */
  public @Nullable Replacement replacementAt(Tree tree) {
    if (replacements == null) {
      replacements = computeReplacements();
    }
    return replacements.get(tree);
  }

  private Map<Tree, Replacement> computeReplacements() {
    Map<Tree, Replacement> found = new IdentityHashMap<>();
    for (TreePath store : model.clientValuedStores()) {
      if (store.getLeaf() instanceof AssignmentTree assignment) {
        Replacement replacement = assignedOverOpenClient(store, assignment);
        if (replacement != null) {
          found.put(assignment, replacement);
        }
      }
    }
    for (TreePath put : model.mapPuts()) {
      if (putOverOpenClient(put)) {
        found.put(put.getLeaf(), new Replacement(ReplacementKind.PUT_OVER_OPEN_CLIENT, put, null, null));
      }
    }
    for (TreePath local : model.clientLocals()) {
      Replacement replacement = localClientFinding(local);
      if (replacement != null) {
        found.putIfAbsent(replacement.path().getLeaf(), replacement);
      }
    }
    return found;
  }

  private @Nullable Replacement assignedOverOpenClient(TreePath path, AssignmentTree assignment) {
    if (!model.isNewClient(assignment.getExpression())) {
      return null;
    }
    ClientRef target = ClientRef.of(assignment.getVariable());
    Body body = model.bodyAt(path);
    if (target == null || body == null || target.variable() == null) {
      return null;
    }
    VarSymbol variable = target.variable();
    if (variable.getKind() == ElementKind.FIELD) {
      if (!isAtReentrySite(path, body) || isFirstStoreOfANewObject(target, body)) {
        return null;
      }
    } else if (!isOuterVariableInReentryConstruct(path, body, variable)) {
      return null;
    }
    if (model.retries().isInsideRetryConstruct(path, body) || isCreatedForARetriedAttempt(target, body, path)) {
      return null;
    }
    if (!mayHoldOpenClient(target, body)) {
      return null;
    }
    Facts facts = model.dominance().factsAt(path);
    if (facts.closed(target)
        || isNullChecked(facts, target)
        || establishedByEveryCaller(body, target, false, 0, new HashSet<>())) {
      return null;
    }
    return new Replacement(ReplacementKind.ASSIGNED_OVER_OPEN_CLIENT, path, assignment.getVariable(), null);
  }

  /**
   * A constructor storing into its own object's instance field, which nothing can have set before: no field
   * initializer and no delegation to another constructor ({@code this(...)}). Even when a re-entry site creates the
   * object, the field of the new object holds no client yet.
   */
  private boolean isFirstStoreOfANewObject(ClientRef target, Body body) {
    VarSymbol field = target.variable();
    MethodSymbol constructor = body.method();
    if (!target.isOwnField() || field == null || field.isStatic() || constructor == null
        || !constructor.isConstructor() || !field.owner.equals(constructor.owner)) {
      return false;
    }
    if (model.isInitializedAtDeclaration(field)) {
      return false;
    }
    MethodTree method = (MethodTree) body.tree();
    List<? extends StatementTree> statements = method.getBody() == null ? List.of() : method.getBody().getStatements();
    return statements.isEmpty()
        || !(statements.get(0) instanceof ExpressionStatementTree first
            && first.getExpression() instanceof MethodInvocationTree call
            && call.getMethodSelect() instanceof IdentifierTree name
            && name.getName().contentEquals("this"));
  }

  /** A local assigned inside a re-entry loop or catch that it was declared outside of. */
  private boolean isOuterVariableInReentryConstruct(TreePath path, Body body, VarSymbol local) {
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      boolean reentryConstruct =
          model.retries().isReentryLoop(leaf) || model.retries().isReentryCatch(leaf);
      if (reentryConstruct) {
        return !declaredWithin(local, leaf);
      }
    }
    return false;
  }

  private boolean declaredWithin(VarSymbol local, Tree region) {
    boolean[] within = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        within[0] |= ASTHelpers.getSymbol(tree) == local;
        return super.visitVariable(tree, null);
      }
    }.scan(region, null);
    return within[0];
  }

  /**
   * The new client of an attempt that a retry construct repeats by calling this method again (e.g. {@code
   * createAndOpen()} in a retry loop, or a catch here that schedules this method): its re-creation is check 2's.
   */
  private boolean isCreatedForARetriedAttempt(ClientRef target, Body body, TreePath assignment) {
    int assigned = ASTHelpers.getStartPosition(assignment.getLeaf());
    for (ConnectionCall open : model.opensOf(target)) {
      if (open.body() != body || ASTHelpers.getStartPosition(open.tree()) < assigned) {
        continue;
      }
      for (Retries.Construct construct : model.retries().constructsFor(open)) {
        boolean repeatsTheMethod =
            construct instanceof Retries.CatchRetry catchRetry && catchRetry.reattempt().getLeaf() != open.tree();
        if (model.bodyAt(construct.anchor()) != body || repeatsTheMethod) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean mayHoldOpenClient(ClientRef target, Body body) {
    for (ConnectionCall call : model.opensOf(target)) {
      if (!target.isLocal() || call.body() == body) {
        return true;
      }
    }
    return !target.isLocal() && clientsOpenedThroughHelpers().contains(target);
  }

  private @Nullable Set<ClientRef> clientsOpenedThroughHelpers;

  /**
   * Clients opened without an open() call on them: passed to a same-class helper that opens its parameter
   * ({@code openQuietly(client)}), or assigned the result of one that returns an opened client ({@code client =
   * connect()}).
   */
  private Set<ClientRef> clientsOpenedThroughHelpers() {
    if (clientsOpenedThroughHelpers == null) {
      Set<ClientRef> opened = new HashSet<>();
      for (Body body : model.bodies()) {
        for (Body.Edge edge : body.outgoing()) {
          if (edge.kind() == Body.EdgeKind.SYNC && edge.site().getLeaf() instanceof MethodInvocationTree call) {
            opened.addAll(model.openedByCall(call));
          }
        }
      }
      for (TreePath store : model.clientValuedStores()) {
        ExpressionTree value = null;
        ClientRef target = null;
        if (store.getLeaf() instanceof AssignmentTree assignment) {
          value = assignment.getExpression();
          target = ClientRef.of(assignment.getVariable());
        } else if (store.getLeaf() instanceof VariableTree variable && ASTHelpers.getSymbol(variable) != null) {
          value = variable.getInitializer();
          target = ClientRef.ofVariable(ASTHelpers.getSymbol(variable));
        }
        if (target != null
            && IotHubSdk.stripParenthesesAndCasts(value) instanceof MethodInvocationTree call
            && model.returnsOpenedClient(ASTHelpers.getSymbol(call))) {
          opened.add(target);
        }
      }
      clientsOpenedThroughHelpers = opened;
    }
    return clientsOpenedThroughHelpers;
  }

  /** {@code if (c == null) c = new ...}: creation is skipped while a client exists. */
  private static boolean isNullChecked(Facts facts, ClientRef target) {
    for (Condition condition : facts.conditions()) {
      NullTest test = NullTest.of(condition.expression());
      if (test != null
          && target.equals(ClientRef.of(test.operand()))
          && test.trueWhenNull() == condition.value()) {
        return true;
      }
    }
    return false;
  }

  private boolean putOverOpenClient(TreePath path) {
    MethodInvocationTree put = (MethodInvocationTree) path.getLeaf();
    Body body = model.bodyAt(path);
    ExpressionTree value = put.getArguments().get(put.getArguments().size() - 1);
    if (body == null || !model.isNewClient(value) || !isAtReentrySite(path, body)) {
      return false;
    }
    ClientRef map = ClientRef.of(ASTHelpers.getReceiver(put));
    if (map != null && isAbsenceChecked(model.dominance().factsAt(path), map)) {
      return false;
    }
    // DeviceClient previous = clients.put(id, client); ... previous.close();
    Tree parent = path.getParentPath().getLeaf();
    VarSymbol result = null;
    if (parent instanceof VariableTree variable) {
      result = ASTHelpers.getSymbol(variable);
    } else if (parent instanceof AssignmentTree assignment
        && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol assigned) {
      result = assigned;
    }
    if (result != null && closesAnywhere(body, ClientRef.ofVariable(result))) {
      return false;
    }
    // DeviceClient old = clients.get(id); if (old != null) old.close(); -- on every path to the put
    for (Dominance.ClientEvent event : model.dominance().factsAt(path).events()) {
      VarSymbol closed = event.client().variable();
      if (!event.created() && event.client().isLocal() && closed != null) {
        ExpressionTree initializer = model.finalLocalInitializer(closed);
        if (initializer != null && isMapLookup(initializer, map)) {
          return false;
        }
      }
    }
    // clients.remove(id).close(); as a statement before the put (possibly in a try of its own)
    for (ConnectionCall call : closesOfLookups(body)) {
      if (isMapLookup(call.receiver(), map) && runsBefore(call.path(), path)) {
        return false;
      }
    }
    return true;
  }

  private final Map<Body, List<ConnectionCall>> closesOfLookups = new HashMap<>();

  /**
   * The closes in {@code body} of what some map's {@code get} or {@code remove} returned: found once per body, so
   * that a body with many puts and many closes stays linear.
   */
  private List<ConnectionCall> closesOfLookups(Body body) {
    return closesOfLookups.computeIfAbsent(
        body,
        b -> {
          List<ConnectionCall> closes = new ArrayList<>();
          for (ConnectionCall call : model.callsIn(b)) {
            if (call.op().closes() && mayBeMapLookup(call.receiver())) {
              closes.add(call);
            }
          }
          return closes;
        });
  }

  /** What {@link #isMapLookup} can accept for some map: a get or remove call, or a local holding one. */
  private boolean mayBeMapLookup(@Nullable ExpressionTree expression) {
    if (expression == null) {
      return false;
    }
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    if (tree instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree member
        && (member.getIdentifier().contentEquals("get") || member.getIdentifier().contentEquals("remove"))) {
      return true;
    }
    if (ASTHelpers.getSymbol(tree) instanceof VarSymbol local && local.getKind() != ElementKind.FIELD) {
      ExpressionTree initializer = model.finalLocalInitializer(local);
      return initializer != null && initializer != expression && mayBeMapLookup(initializer);
    }
    return false;
  }

  /** {@code if (!clients.containsKey(id))} or {@code if (clients.get(id) == null)}: the put replaces nothing. */
  private static boolean isAbsenceChecked(Facts facts, ClientRef map) {
    for (Condition condition : facts.conditions()) {
      if (establishesAbsence(condition.expression(), condition.value(), map)) {
        return true;
      }
    }
    return false;
  }

  private static boolean establishesAbsence(ExpressionTree expression, boolean value, ClientRef map) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    if (tree instanceof UnaryTree unary && unary.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      return establishesAbsence(unary.getExpression(), !value, map);
    }
    if (tree instanceof BinaryTree binary) {
      Tree.Kind kind = binary.getKind();
      if ((kind == Tree.Kind.CONDITIONAL_AND && value) || (kind == Tree.Kind.CONDITIONAL_OR && !value)) {
        return establishesAbsence(binary.getLeftOperand(), value, map)
            || establishesAbsence(binary.getRightOperand(), value, map);
      }
      if (kind != Tree.Kind.EQUAL_TO && kind != Tree.Kind.NOT_EQUAL_TO) {
        return false;
      }
    }
    NullTest test = NullTest.of(tree);
    if (test != null) {
      return isCallOn(test.operand(), map, "get") && test.trueWhenNull() == value;
    }
    return !value && isCallOn(tree, map, "containsKey");
  }

  private static boolean isCallOn(ExpressionTree expression, ClientRef map, String method) {
    return IotHubSdk.stripParenthesesAndCasts(expression) instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree member
        && member.getIdentifier().contentEquals(method)
        && map.equals(ClientRef.of(member.getExpression()));
  }

  /**
   * Whether the statement holding {@code earlier} runs on every path to {@code later}: it precedes {@code later} in
   * a block around it, directly or in the block or finally of a try statement there.
   */
  private static boolean runsBefore(TreePath earlier, TreePath later) {
    TreePath current = earlier;
    while (current.getParentPath() != null) {
      Tree leaf = current.getLeaf();
      Tree parent = current.getParentPath().getLeaf();
      if (parent instanceof BlockTree block && ClassModel.isWithin(later, block)) {
        boolean after = false;
        for (StatementTree statement : block.getStatements()) {
          if (after && ClassModel.isWithin(later, statement)) {
            return true;
          }
          after |= statement == leaf;
        }
        return false;
      }
      boolean passes =
          parent instanceof ExpressionStatementTree
              || parent instanceof BlockTree
              || (parent instanceof TryTree tryTree
                  && (leaf == tryTree.getBlock() || leaf == tryTree.getFinallyBlock()));
      if (!passes) {
        return false;
      }
      current = current.getParentPath();
    }
    return false;
  }

  private boolean isMapLookup(@Nullable ExpressionTree expression, @Nullable ClientRef map) {
    if (expression == null || map == null) {
      return false;
    }
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    if (isCallOn(tree, map, "get") || isCallOn(tree, map, "remove")) {
      return true;
    }
    if (ASTHelpers.getSymbol(tree) instanceof VarSymbol local && local.getKind() != ElementKind.FIELD) {
      ExpressionTree initializer = model.finalLocalInitializer(local);
      return initializer != null && initializer != expression && isMapLookup(initializer, map);
    }
    return false;
  }

  private boolean closesAnywhere(Body body, ClientRef client) {
    return !model.closeSites(body, client).isEmpty();
  }

  private @Nullable Replacement localClientFinding(TreePath declarationPath) {
    VariableTree declaration = (VariableTree) declarationPath.getLeaf();
    VarSymbol local = ASTHelpers.getSymbol(declaration);
    Body body = model.bodyAt(declarationPath);
    if (local == null || body == null || local.getKind() == ElementKind.PARAMETER
        || local.getKind() == ElementKind.EXCEPTION_PARAMETER) {
      return null;
    }
    ClientRef client = ClientRef.ofVariable(local);
    boolean opened = false;
    for (ConnectionCall call : model.callsIn(body)) {
      opened |= call.isOpen() && client.equals(call.client());
    }
    if (!opened) {
      return null;
    }
    VarSymbol field = model.shadowedClientField(local, declarationPath);
    if (field != null && meansTheField(local, field, declarationPath, body)) {
      return new Replacement(ReplacementKind.SHADOWS_CLIENT_FIELD, declarationPath, null, field);
    }
    TreePath creation = creationOf(declarationPath, local, body);
    if (creation == null
        || !isAtReentrySite(creation, body)
        || escapes(local, body)
        || closedOnEveryPath(declarationPath, client, body)) {
      return null;
    }
    return new Replacement(ReplacementKind.LOCAL_CLIENT_NOT_CLOSED, creation, null, null);
  }

  /**
   * Whether a local named like a client field stands where the code meant the field: not when the field cannot be
   * reached from there (an instance field, in static code), nor when the local is handed to the field on purpose
   * ({@code this.client = client;}, or returned for the caller to store).
   */
  private boolean meansTheField(VarSymbol local, VarSymbol field, TreePath declarationPath, Body body) {
    if (!field.isStatic() && isInStaticCode(declarationPath)) {
      return false;
    }
    boolean[] handedOver = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (ASTHelpers.getSymbol(identifier) == local) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          handedOver[0] |=
              parent instanceof ReturnTree
                  || (parent instanceof AssignmentTree assignment
                      && assignment.getExpression() == identifier
                      && ASTHelpers.getSymbol(assignment.getVariable()) == field);
        }
        return null;
      }
    }.scan(body.path(), null);
    return !handedOver[0];
  }

  private static boolean isInStaticCode(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree method) {
        return method.getModifiers().getFlags().contains(Modifier.STATIC);
      }
      if (leaf instanceof BlockTree block && current.getParentPath().getLeaf() instanceof ClassTree) {
        return block.isStatic(); // an initializer block
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /** The declaration itself when it creates the client, else the first assignment of a new client to it. */
  private @Nullable TreePath creationOf(TreePath declarationPath, VarSymbol local, Body body) {
    VariableTree declaration = (VariableTree) declarationPath.getLeaf();
    if (model.isNewClient(declaration.getInitializer())) {
      return declarationPath;
    }
    for (TreePath store : model.clientValuedStores()) {
      if (store.getLeaf() instanceof AssignmentTree assignment
          && ASTHelpers.getSymbol(assignment.getVariable()) == local
          && model.isNewClient(assignment.getExpression())
          && model.bodyAt(store) == body) {
        return store;
      }
    }
    return null;
  }

  /**
   * Whether the local is used as anything but a receiver, an assignment target, in a null check, or as the
   * argument of a same-class method that does not let its parameter escape either.
   */
  private boolean escapes(VarSymbol local, Body body) {
    return escapes(local, body.path(), 0);
  }

  private static final int MAX_ESCAPE_DEPTH = 3;
  private final Map<MethodSymbol, Map<Integer, Boolean>> parameterEscapes = new HashMap<>();

  private boolean escapes(VarSymbol variable, TreePath within, int depth) {
    boolean[] escapes = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (!escapes[0] && ASTHelpers.getSymbol(identifier) == variable && !isHarmlessUse(getCurrentPath(), depth)) {
          escapes[0] = true;
        }
        return null;
      }
    }.scan(within, null);
    return escapes[0];
  }

  private boolean parameterEscapes(MethodSymbol method, int index, int depth) {
    Map<Integer, Boolean> byIndex = parameterEscapes.computeIfAbsent(method, m -> new HashMap<>());
    Boolean known = byIndex.get(index);
    if (known != null) {
      return known;
    }
    byIndex.put(index, true); // recursion guard: assume the worst while it is being decided
    Body body = model.bodyOf(method);
    boolean escapes =
        body == null
            || depth >= MAX_ESCAPE_DEPTH
            || index >= method.getParameters().size()
            || (method.isVarArgs() && index == method.getParameters().size() - 1)
            || escapes(method.getParameters().get(index), body.path(), depth + 1);
    byIndex.put(index, escapes);
    return escapes;
  }

  private boolean isHarmlessUse(TreePath use, int depth) {
    Tree leaf = use.getLeaf();
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree member && member.getExpression() == leaf) {
      return use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree;
    }
    if (parent instanceof AssignmentTree assignment && assignment.getVariable() == leaf) {
      return true;
    }
    if (parent instanceof ExpressionTree test && NullTest.of(test) != null) {
      return true;
    }
    if (parent instanceof MethodInvocationTree call
        && call.getArguments().contains(leaf)
        && !isCapturedInside(use)) {
      Symbol callee = ASTHelpers.getSymbol((Tree) call);
      // sendHeartbeat(second): a same-class helper that only uses its parameter keeps the client here
      return callee instanceof MethodSymbol method
          && !parameterEscapes(method, call.getArguments().indexOf(leaf), depth);
    }
    return false;
  }

  /** A use inside a lambda or class within the method: it runs on another path we cannot follow. */
  private static boolean isCapturedInside(TreePath use) {
    for (TreePath current = use; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof LambdaExpressionTree || current.getLeaf() instanceof ClassTree) {
        return true;
      }
      if (current.getLeaf() instanceof MethodTree) {
        break;
      }
    }
    return false;
  }

  /**
   * Closed on every path, including the one where open() itself fails: try-with-resources, a close in a finally, or
   * closes both in the try that opens it and in every catch of that try that can complete.
   */
  private boolean closedOnEveryPath(TreePath declarationPath, ClientRef client, Body body) {
    Tree parent = declarationPath.getParentPath().getLeaf();
    if (parent instanceof TryTree tryTree && tryTree.getResources().contains(declarationPath.getLeaf())) {
      return true;
    }
    List<TreePath> closes = model.closeSites(body, client);
    for (TreePath close : closes) {
      BlockTree finallyBlock = enclosingFinally(close, body);
      if (finallyBlock != null && model.dominance().closesOnCompletion(finallyBlock, client)) {
        return true; // not `finally { if (!keepOpen) c.close(); }`
      }
    }
    for (ConnectionCall open : model.callsIn(body)) {
      if (open.isOpen() && client.equals(open.client()) && closedInTryAndEveryCatch(open.path(), client, body)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code try { c.open(); ... c.close(); } catch (E e) { c.close(); ... }} around the open(): every way out of the
   * try block after the open(), and every way out of each catch (a return or throw there leaves the client open
   * too), passes a close.
   */
  private boolean closedInTryAndEveryCatch(TreePath open, ClientRef client, Body body) {
    Tree previous = open.getLeaf();
    for (TreePath current = open.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof TryTree tryTree
          && previous == tryTree.getBlock()
          && !tryTree.getCatches().isEmpty()) {
        if (!closedAtEveryExit(new TreePath(current, tryTree.getBlock()), client, false, open.getLeaf())) {
          return false;
        }
        for (CatchTree catchTree : tryTree.getCatches()) {
          TreePath catchPath = new TreePath(current, catchTree);
          if (!closedAtEveryExit(new TreePath(catchPath, catchTree.getBlock()), client, true, null)) {
            return false;
          }
        }
        return true;
      }
      previous = current.getLeaf();
    }
    return false;
  }

  /**
   * Whether completing the block, and every return in it after {@code after} (and every throw, when {@code
   * throwsLeave}), comes after a close of the client.
   */
  private boolean closedAtEveryExit(
      TreePath blockPath, ClientRef client, boolean throwsLeave, @Nullable Tree after) {
    BlockTree block = (BlockTree) blockPath.getLeaf();
    if (Dominance.canCompleteNormally(block) && !model.dominance().closesOnCompletion(block, client)) {
      return false;
    }
    int from = after == null ? -1 : ASTHelpers.getStartPosition(after);
    boolean[] closed = {true};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        closedBefore(getCurrentPath());
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        if (throwsLeave) {
          closedBefore(getCurrentPath());
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null; // its returns leave the lambda, not the block
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }

      private void closedBefore(TreePath exit) {
        if (closed[0]
            && ASTHelpers.getStartPosition(exit.getLeaf()) > from
            && !model.dominance().factsAt(exit).closed(client)) {
          closed[0] = false;
        }
      }
    }.scan(blockPath, null);
    return closed[0];
  }

  /** The finally block {@code path} sits in, within {@code body}, or null. */
  private static @Nullable BlockTree enclosingFinally(TreePath path, Body body) {
    Tree previous = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof TryTree tryTree && previous == tryTree.getFinallyBlock()) {
        return tryTree.getFinallyBlock();
      }
      previous = current.getLeaf();
    }
    return null;
  }

  // ====================================================================== check 5

  /** The check 5 findings whose guard is the condition of {@code holder} (an if, loop, ?:, && or ||, or case). */
  public List<ReopenGuard> reopenGuardsAt(Tree holder) {
    if (reopenGuards == null) {
      reopenGuards = computeReopenGuards();
    }
    return reopenGuards.getOrDefault(holder, List.of());
  }

  private Map<Tree, List<ReopenGuard>> computeReopenGuards() {
    Map<Body, List<TreePath>> reconnectsByBody = new LinkedHashMap<>();
    for (Body body : regionOfCallbacksThatSeeClientClose()) {
      List<TreePath> reconnects = reconnectSites(body);
      if (!reconnects.isEmpty()) {
        reconnectsByBody.put(body, reconnects);
      }
    }
    if (reconnectsByBody.isEmpty()) {
      return Map.of();
    }
    Map<Tree, ReopenGuard> byGuard = new IdentityHashMap<>();
    // handleStatus(status) called only after `if (reason == CLIENT_CLOSE) return;`: excluded by its callers
    Set<Body> excluded =
        bodiesOnlyEnteredWhere(
            site -> model.conditions().holds(model.dominance().factsAt(site), Claim.NOT_CLIENT_CLOSE),
            reconnectsByBody.keySet());
    for (Map.Entry<Body, List<TreePath>> entry : reconnectsByBody.entrySet()) {
      Body body = entry.getKey();
      if (excluded.contains(body)) {
        continue;
      }
      for (TreePath reconnect : entry.getValue()) {
        Facts facts = model.dominance().factsAt(reconnect);
        if (model.conditions().holds(facts, Claim.NOT_CLIENT_CLOSE)) {
          continue;
        }
        List<Establishment> guards = model.conditions().establishments(facts, Claim.DISCONNECTED);
        if (guards.isEmpty()) {
          // contract v2: a condition that lets DISCONNECTED through with other statuses; only the nearest one
          guards = model.conditions().admittingDisconnectedAmongOthers(facts);
          guards = guards.isEmpty() ? guards : guards.subList(0, 1);
        }
        for (Establishment guard : guards) {
          byGuard.putIfAbsent(guard.reportTree(), new ReopenGuard(guard, reconnect, body));
        }
      }
    }
    Map<Tree, List<ReopenGuard>> byHolder = new IdentityHashMap<>();
    for (ReopenGuard guard : byGuard.values()) {
      byHolder.computeIfAbsent(guard.holder(), k -> new ArrayList<>()).add(guard);
    }
    return byHolder;
  }

  /**
   * The bodies that run on the thread of a status callback which can see CLIENT_CLOSE: all of them, but for a
   * callback whose every client removes it ({@code setConnectionStatusChangeCallback(null, null)}) before each of the
   * app's own closes of that client, on every call path.
   */
  private Set<Body> regionOfCallbacksThatSeeClientClose() {
    Set<Body> roots = new LinkedHashSet<>();
    for (Body body : model.bodies()) {
      if (body.root() == Body.Root.STATUS_CALLBACK && !removedBeforeEveryOwnClose(body)) {
        roots.add(body);
      }
    }
    return ClassModel.closure(roots, Set.of(Body.EdgeKind.SYNC));
  }

  private boolean removedBeforeEveryOwnClose(Body callback) {
    if (callback.callbackClients().isEmpty()) {
      return false;
    }
    for (ClientRef client : callback.callbackClients()) {
      Set<Object> registered = model.identities(client);
      boolean removedSomewhere = false;
      for (TreePath removal : model.deregistrations()) {
        ClientRef removedFrom = ClientRef.receiverOf((MethodInvocationTree) removal.getLeaf());
        removedSomewhere |= removedFrom != null && mayBeSame(registered, removedFrom);
      }
      if (!removedSomewhere) {
        return false;
      }
      for (TreePath reference : model.closeReferences()) {
        Object closed = model.closedCollection(reference);
        if (closed != null && registered.contains(closed)) {
          return false; // clients.forEach(DeviceClient::close): no removal can come between the elements' closes
        }
      }
      for (ConnectionCall close : model.connectionCalls()) {
        if (!close.op().closes() || close.client() == null) {
          continue;
        }
        if (mayBeSame(registered, close.client())) {
          // the removal must be on the variable being closed: for (c : clients) { c.set...(null, null); c.close(); }
          if (!removedBefore(close.path(), close.body(), close.client(), 0, new HashSet<>())) {
            return false;
          }
        } else if (close.client().isLocal() && !removedBeforeCallsClosing(close, client)) {
          return false; // closeQuietly(client): a helper closing its parameter closes what its callers pass
        }
      }
    }
    return true;
  }

  /** Whether a client reference may name one of the clients in {@code identities} (itself, or through a collection). */
  private boolean mayBeSame(Set<Object> identities, ClientRef other) {
    for (Object identity : model.identities(other)) {
      if (identities.contains(identity)) {
        return true;
      }
    }
    return false;
  }

  /** A close of a parameter: every call that passes {@code client} there has removed the callback first. */
  private boolean removedBeforeCallsClosing(ConnectionCall close, ClientRef client) {
    MethodSymbol method = close.body().method();
    int index = method == null ? -1 : method.getParameters().indexOf(close.client().variable());
    if (index < 0) {
      return true;
    }
    for (Body.Edge edge : close.body().incoming()) {
      List<? extends ExpressionTree> arguments =
          edge.site().getLeaf() instanceof MethodInvocationTree call ? call.getArguments() : List.of();
      if (index < arguments.size()
          && client.equals(ClientRef.of(arguments.get(index)))
          && !removedBefore(edge.site(), edge.from(), client, 0, new HashSet<>())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the callback on {@code client} is removed before {@code site} runs, in its body or in every caller. */
  private boolean removedBefore(TreePath site, Body body, ClientRef client, int depth, Set<Body> visiting) {
    for (TreePath removal : model.deregistrations()) {
      if (model.bodyAt(removal) == body
          && client.equals(ClientRef.receiverOf((MethodInvocationTree) removal.getLeaf()))
          && runsBefore(removal, site)) {
        return true;
      }
    }
    if (depth > MAX_CALLER_DEPTH || !visiting.add(body) || body.root() != Body.Root.NONE
        || body.incoming().isEmpty()) {
      return false;
    }
    for (Body.Edge edge : body.incoming()) {
      Translated inCaller = translated(client, body, edge);
      if (inCaller.client() == null
          || !removedBefore(edge.site(), edge.from(), inCaller.client(), depth + 1, visiting)) {
        return false;
      }
    }
    return true;
  }

  /** Opens, client creations, and calls or hand-offs that reach one without a CLIENT_CLOSE exclusion. */
  private List<TreePath> reconnectSites(Body body) {
    List<TreePath> sites = new ArrayList<>();
    for (ConnectionCall call : model.callsIn(body)) {
      if (call.isOpen()) {
        sites.add(call.path());
      }
    }
    sites.addAll(creationsIn(body));
    for (Body.Edge edge : body.outgoing()) {
      if (reachesUnexcludedReconnect(edge.to())) {
        sites.add(edge.site());
      }
    }
    return sites;
  }

  private final Map<Body, List<TreePath>> creationsByBody = new HashMap<>();

  private List<TreePath> creationsIn(Body body) {
    return creationsByBody.computeIfAbsent(
        body,
        b -> {
          List<TreePath> creations = new ArrayList<>();
          new TreePathScanner<Void, Void>() {
            @Override
            public Void visitNewClass(NewClassTree tree, Void unused) {
              if (model.isNewClient(tree)) {
                creations.add(getCurrentPath());
              }
              return super.visitNewClass(tree, null);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
              if (model.isNewClient(tree)) {
                creations.add(getCurrentPath());
              }
              return super.visitMethodInvocation(tree, null);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
              return tree == b.tree() ? super.visitLambdaExpression(tree, null) : null;
            }

            @Override
            public Void visitClass(ClassTree tree, Void unused) {
              return tree == b.tree() ? super.visitClass(tree, null) : null;
            }

            @Override
            public Void visitMethod(MethodTree tree, Void unused) {
              return tree == b.tree() ? super.visitMethod(tree, null) : null;
            }
          }.scan(b.path(), null);
          return creations;
        });
  }

  private boolean reachesUnexcludedReconnect(Body body) {
    Boolean known = reachesUnexcludedReconnect.get(body);
    if (known != null) {
      return known;
    }
    reachesUnexcludedReconnect.put(body, false); // recursion guard
    boolean reaches = false;
    for (TreePath site : reconnectSites(body)) {
      if (!model.conditions().holds(model.dominance().factsAt(site), Claim.NOT_CLIENT_CLOSE)) {
        reaches = true;
        break;
      }
    }
    reachesUnexcludedReconnect.put(body, reaches);
    return reaches;
  }

  // ====================================================================== fix support

  /** The innermost status callback lexically around {@code path} (whose parameters are in scope there). */
  public @Nullable CallbackParameters lexicalCallbackParameters(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MethodTree) {
        Body body = model.bodyAt(current);
        if (body != null && body.root() == Body.Root.STATUS_CALLBACK) {
          return body.callbackParameters();
        }
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /** A parameter of the method around {@code path} with the given role (status or reason type). */
  public @Nullable String parameterOfType(TreePath path, boolean status) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree method) {
        for (VariableTree parameter : method.getParameters()) {
          Symbol symbol = ASTHelpers.getSymbol(parameter);
          if (symbol != null
              && (status ? model.sdk().isStatusType(symbol.type) : model.sdk().isReasonType(symbol.type))) {
            return parameter.getName().toString();
          }
        }
        return null;
      }
    }
    return null;
  }
}
