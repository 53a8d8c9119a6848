package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.Conditions.Claim;
import io.github.linkguard.checker.analysis.Conditions.Establishment;
import io.github.linkguard.checker.analysis.Dominance.Condition;
import io.github.linkguard.checker.analysis.Dominance.Facts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Each check's decision for the nodes of one class, from the contract's definitions; and the arbitration that gives
 * every open() at most one diagnostic. Lazily computed and memoized, so that the checks' matchers only look up.
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

  /** Check 1: an open() at a re-entry site with no DISCONNECTED guard (and, outside callbacks, no exemption). */
  public boolean opensWithoutGuard(ConnectionCall open) {
    if (!open.isOpen() || !isAtReentrySite(open.path(), open.body()) || isGuarded(open.path(), open.body())) {
      return false;
    }
    if (isInStatusCallback(open.body())) {
      return true;
    }
    Facts facts = model.dominance().factsAt(open.path());
    return !facts.closed(open.client()) && !facts.created(open.client());
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

  public boolean isInStatusCallback(Body body) {
    return model.statusRegion().contains(body);
  }

  /** Code that can run while the device already has a live link. */
  public boolean isAtReentrySite(TreePath path, Body body) {
    return model.reentryBodies().contains(body) || model.retries().isInsideReentryConstruct(path, body);
  }

  /** A DISCONNECTED guard dominates the point, or every call and hand-off of its body is dominated by one. */
  public boolean isGuarded(TreePath path, Body body) {
    return isGuardedSite(path) || guardedBodies().contains(body);
  }

  private boolean isGuardedSite(TreePath path) {
    return guardedSites.computeIfAbsent(
        path.getLeaf(),
        leaf -> model.conditions().holds(model.dominance().factsAt(path), Claim.DISCONNECTED));
  }

  /** The least fixed point of "every incoming call or hand-off is at a guarded site or in a guarded body". */
  private Set<Body> guardedBodies() {
    if (guardedBodies == null) {
      Set<Body> guarded = new LinkedHashSet<>();
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Body body : model.bodies()) {
          if (guarded.contains(body)
              || body.incoming().isEmpty()
              || body.root() == Body.Root.STATUS_CALLBACK
              || body.root() == Body.Root.SDK_CALLBACK) {
            continue;
          }
          boolean allGuarded = true;
          for (Body.Edge edge : body.incoming()) {
            if (!guarded.contains(edge.from()) && !isGuardedSite(edge.site())) {
              allGuarded = false;
              break;
            }
          }
          if (allGuarded) {
            guarded.add(body);
            changed = true;
          }
        }
      }
      guardedBodies = guarded;
    }
    return guardedBodies;
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
      if (!isAtReentrySite(path, body)) {
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
    if (facts.closed(target) || isNullChecked(facts, target)) {
      return null;
    }
    return new Replacement(ReplacementKind.ASSIGNED_OVER_OPEN_CLIENT, path, assignment.getVariable(), null);
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
   * The new client of an attempt that a retry construct elsewhere repeats by calling this method (e.g.
   * {@code createAndOpen()} in a retry loop): its re-creation is check 2's.
   */
  private boolean isCreatedForARetriedAttempt(ClientRef target, Body body, TreePath assignment) {
    int assigned = ASTHelpers.getStartPosition(assignment.getLeaf());
    for (ConnectionCall open : model.callsIn(body)) {
      if (!open.isOpen() || !target.equals(open.client()) || ASTHelpers.getStartPosition(open.tree()) < assigned) {
        continue;
      }
      for (Retries.Construct construct : model.retries().constructsFor(open)) {
        if (model.bodyAt(construct.anchor()) != body) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean mayHoldOpenClient(ClientRef target, Body body) {
    for (ConnectionCall call : model.connectionCalls()) {
      if (call.isOpen() && target.equals(call.client()) && (!target.isLocal() || call.body() == body)) {
        return true;
      }
    }
    return false;
  }

  /** {@code if (c == null) c = new ...}: creation is skipped while a client exists. */
  private static boolean isNullChecked(Facts facts, ClientRef target) {
    for (Condition condition : facts.conditions()) {
      if (IotHubSdk.stripParentheses(condition.expression()) instanceof BinaryTree binary) {
        boolean equal = binary.getKind() == Tree.Kind.EQUAL_TO;
        if (!equal && binary.getKind() != Tree.Kind.NOT_EQUAL_TO) {
          continue;
        }
        ExpressionTree other =
            Dominance.isNullLiteral(binary.getRightOperand())
                ? binary.getLeftOperand()
                : Dominance.isNullLiteral(binary.getLeftOperand()) ? binary.getRightOperand() : null;
        if (other != null && target.equals(ClientRef.of(other)) && equal == condition.value()) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean putOverOpenClient(TreePath path) {
    MethodInvocationTree put = (MethodInvocationTree) path.getLeaf();
    Body body = model.bodyAt(path);
    if (body == null || !model.isNewClient(put.getArguments().get(1)) || !isAtReentrySite(path, body)) {
      return false;
    }
    ExpressionTree mapExpression =
        put.getMethodSelect() instanceof MemberSelectTree member ? member.getExpression() : null;
    ClientRef map = ClientRef.of(mapExpression);
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
    // clients.remove(id).close(), or DeviceClient old = clients.get(id); old.close(); before the put.
    int putStart = ASTHelpers.getStartPosition(put);
    for (ConnectionCall call : model.callsIn(body)) {
      if (call.op().closes()
          && ASTHelpers.getStartPosition(call.tree()) < putStart
          && isMapLookup(call.receiver(), map)) {
        return false;
      }
    }
    return true;
  }

  private boolean isMapLookup(@Nullable ExpressionTree expression, @Nullable ClientRef map) {
    if (expression == null || map == null) {
      return false;
    }
    ExpressionTree tree = IotHubSdk.stripParentheses(expression);
    if (tree instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree member) {
      String name = member.getIdentifier().toString();
      return (name.equals("get") || name.equals("remove")) && map.equals(ClientRef.of(member.getExpression()));
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
    if (field != null) {
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

  /** Whether the local is used as anything but a receiver, an assignment target or in a null check. */
  private static boolean escapes(VarSymbol local, Body body) {
    boolean[] escapes = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (ASTHelpers.getSymbol(identifier) == local && !isHarmlessUse(getCurrentPath())) {
          escapes[0] = true;
        }
        return null;
      }
    }.scan(body.path(), null);
    return escapes[0];
  }

  private static boolean isHarmlessUse(TreePath use) {
    Tree leaf = use.getLeaf();
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree member && member.getExpression() == leaf) {
      return use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree;
    }
    if (parent instanceof AssignmentTree assignment && assignment.getVariable() == leaf) {
      return true;
    }
    if (parent instanceof BinaryTree binary
        && (Dominance.isNullLiteral(binary.getLeftOperand()) || Dominance.isNullLiteral(binary.getRightOperand()))) {
      return true;
    }
    // Captured by a lambda or class: it is used on another path we cannot follow.
    for (TreePath current = use; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof LambdaExpressionTree || current.getLeaf() instanceof ClassTree) {
        return false;
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
      if (isInFinally(close, body)) {
        return true;
      }
    }
    for (ConnectionCall open : model.callsIn(body)) {
      if (open.isOpen() && client.equals(open.client()) && closedInTryAndEveryCatch(open.path(), closes, body)) {
        return true;
      }
    }
    return false;
  }

  /** {@code try { c.open(); ... c.close(); } catch (E e) { c.close(); ... }} around the open(). */
  private static boolean closedInTryAndEveryCatch(TreePath open, List<TreePath> closes, Body body) {
    Tree previous = open.getLeaf();
    for (TreePath current = open.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof TryTree tryTree
          && previous == tryTree.getBlock()
          && !tryTree.getCatches().isEmpty()) {
        boolean closedInBlock = false;
        for (TreePath close : closes) {
          closedInBlock |=
              ClassModel.isWithin(close, tryTree.getBlock())
                  && ASTHelpers.getStartPosition(close.getLeaf()) > ASTHelpers.getStartPosition(open.getLeaf());
        }
        boolean closedInCatches = true;
        for (var catchTree : tryTree.getCatches()) {
          boolean closedHere = !Dominance.canCompleteNormally(catchTree.getBlock());
          for (TreePath close : closes) {
            closedHere |= ClassModel.isWithin(close, catchTree);
          }
          closedInCatches &= closedHere;
        }
        return closedInBlock && closedInCatches;
      }
      previous = current.getLeaf();
    }
    return false;
  }

  private static boolean isInFinally(TreePath path, Body body) {
    Tree previous = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof TryTree tryTree && previous == tryTree.getFinallyBlock()) {
        return true;
      }
      previous = current.getLeaf();
    }
    return false;
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
    Map<Tree, ReopenGuard> byGuard = new IdentityHashMap<>();
    for (Body body : model.statusRegion()) {
      for (TreePath reconnect : reconnectSites(body)) {
        Facts facts = model.dominance().factsAt(reconnect);
        if (model.conditions().holds(facts, Claim.NOT_CLIENT_CLOSE)) {
          continue;
        }
        for (Establishment guard : model.conditions().establishments(facts, Claim.DISCONNECTED)) {
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
