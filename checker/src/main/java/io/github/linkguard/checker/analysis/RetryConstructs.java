package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import io.github.linkguard.checker.analysis.RetryConstruct.CatchRetry;
import io.github.linkguard.checker.analysis.RetryConstruct.LibraryRetry;
import io.github.linkguard.checker.analysis.RetryConstruct.LoopRetry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Classifies the retry constructs of a class and its re-entry loops and catches (see {@link Retries}): which open()
 * each loop, catch, helper taking a function, or retry library attempts again, and which loops and catches run an
 * open() again after it succeeded.
 *
 * <p>Cost: computed once per compilation. Every open() and every call site that leads to one is placed in the loops
 * and try statements around it in a single pass, O(sites times nesting depth); the other call sites (most of a large
 * compilation) are skipped after one set lookup. Whether a loop ends after its attempt succeeds is {@link
 * LoopExits}'s, linear per loop; retries through a function parameter are {@link RetriesThroughFunctions}'s.
 */
final class RetryConstructs {
  private record LoopInfo(
      TreePath loop, Body body, Map<ConnectionCall, TreePath> anchors, Set<ConnectionCall> retried,
      boolean reentry) {}

  private record CatchInfo(Map<ConnectionCall, CatchRetry> retried) {}

  /** A call site or open() inside a body, and where it stands relative to the loops and trys around it. */
  private record Site(TreePath path, Body body, @Nullable ConnectionCall open, Body.@Nullable Edge edge) {}

  private final CompilationModel model;
  private final MethodEffects effects;
  private final Map<Tree, LoopInfo> loops = new IdentityHashMap<>();
  private final Map<Tree, CatchInfo> catches = new IdentityHashMap<>();
  private final Map<ConnectionCall, List<RetryConstruct>> constructsByOpen = new LinkedHashMap<>();
  private final Set<Body> libraryAttempts = new HashSet<>();
  /** The bodies that directly hold a re-entry loop or catch: only their sites need the climb of {@link
   * #isInsideReentryConstruct}, which is asked of every call site of the compilation. */
  private final Set<Body> bodiesWithReentryConstructs = new HashSet<>();
  private final LoopExits loopExits;
  private final RetryLibraries.AttemptRuns attemptRuns;

  RetryConstructs(CompilationModel model, Conditions conditions, MethodEffects effects) {
    this.model = model;
    this.attemptRuns = model.graph().attemptRuns();
    this.effects = effects;
    this.loopExits = new LoopExits(model, conditions);
    Map<Tree, List<Site>> sitesInLoopBody = new IdentityHashMap<>();
    Map<Tree, List<Site>> sitesInLoopCondition = new IdentityHashMap<>();
    Map<Tree, List<Site>> sitesInTryBlock = new IdentityHashMap<>();
    Map<Tree, List<Site>> sitesInCatch = new IdentityHashMap<>();
    for (Body body : model.bodies()) {
      List<Site> sites = new ArrayList<>();
      for (ConnectionCall call : model.callsIn(body)) {
        if (call.isOpen()) {
          sites.add(new Site(call.path(), body, call, null));
        }
      }
      for (Body.Edge edge : body.outgoing()) {
        // A call or hand-off that never leads to an open() neither attempts nor re-attempts one: most of a large
        // compilation's edges, left out here so that the placement below costs what the opens' neighbourhood costs.
        if (model.reachesAnOpen(edge.to())) {
          sites.add(new Site(edge.site(), body, null, edge));
        }
      }
      for (Site site : sites) {
        Tree previous = site.path().getLeaf();
        for (TreePath current = site.path().getParentPath();
            current != null && current.getLeaf() != body.tree();
            current = current.getParentPath()) {
          Tree leaf = current.getLeaf();
          if (StatementFlow.isLoop(leaf)) {
            (previous == LoopExits.loopCondition(leaf) ? sitesInLoopCondition : sitesInLoopBody)
                .computeIfAbsent(leaf, k -> new ArrayList<>())
                .add(site);
          } else if (leaf instanceof TryTree tryTree && previous == tryTree.getBlock()) {
            sitesInTryBlock.computeIfAbsent(leaf, k -> new ArrayList<>()).add(site);
          } else if (leaf instanceof CatchTree) {
            sitesInCatch.computeIfAbsent(leaf, k -> new ArrayList<>()).add(site);
          }
          previous = leaf;
        }
      }
    }
    for (TreePath loopPath : model.loops()) {
      Body body = model.bodyAt(loopPath);
      boolean holdsAttempts =
          sitesInLoopBody.containsKey(loopPath.getLeaf()) || sitesInLoopCondition.containsKey(loopPath.getLeaf());
      if (body != null && holdsAttempts) { // a loop with no open() around is neither a retry nor a re-entry loop
        classifyLoop(
            loopPath, body,
            sitesInLoopBody.getOrDefault(loopPath.getLeaf(), List.of()),
            sitesInLoopCondition.getOrDefault(loopPath.getLeaf(), List.of()));
      }
    }
    RetriesThroughFunctions.find(
        model, loopExits, (open, retry) -> constructsByOpen.computeIfAbsent(open, k -> new ArrayList<>()).add(retry));
    addLibraryRetries();
    for (TreePath tryPath : model.tryStatements()) {
      TryTree tryTree = (TryTree) tryPath.getLeaf();
      List<Site> inBlock = sitesInTryBlock.getOrDefault(tryTree, List.of());
      for (CatchTree catchTree : tryTree.getCatches()) {
        classifyCatch(
            tryPath, new TreePath(tryPath, catchTree), inBlock,
            sitesInCatch.getOrDefault(catchTree, List.of()));
      }
    }
  }

  // ---------------------------------------------------------------- loops

  private void classifyLoop(TreePath loopPath, Body body, List<Site> inBody, List<Site> inCondition) {
    Map<ConnectionCall, TreePath> anchors = new LinkedHashMap<>();
    Set<ConnectionCall> conditionOpens = new HashSet<>();
    for (Site site : inCondition) {
      for (ConnectionCall open : opensAt(site)) {
        anchors.putIfAbsent(open, site.path());
        conditionOpens.add(open);
      }
    }
    for (Site site : inBody) {
      for (ConnectionCall open : opensAt(site)) {
        anchors.putIfAbsent(open, site.path());
      }
    }
    Set<ConnectionCall> retried = new LinkedHashSet<>();
    if (loopExits.runsAtMostOnce(loopPath.getLeaf())) {
      loops.put(loopPath.getLeaf(), new LoopInfo(loopPath, body, anchors, retried, false)); // one round: no loop
      return;
    }
    boolean keepsRunning = false;
    for (var entry : anchors.entrySet()) {
      boolean opensInCondition = conditionOpens.contains(entry.getKey());
      boolean leavesAfterSuccess = opensInCondition || loopExits.leavesAfterSuccess(loopPath, entry.getValue());
      if (leavesAfterSuccess && !opensInCondition && leavesAfterFailureToo(loopPath, entry.getValue())) {
        continue; // the round that makes this attempt is the last, whatever its outcome: no retry, nor a running loop
      }
      if (leavesAfterSuccess) {
        retried.add(entry.getKey());
        constructsByOpen
            .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
            .add(new LoopRetry(loopPath, entry.getValue(), false));
      } else {
        keepsRunning = true;
      }
    }
    boolean reentry = keepsRunning && !handlesOneItemPerRound(loopPath.getLeaf());
    loops.put(loopPath.getLeaf(), new LoopInfo(loopPath, body, anchors, retried, reentry));
    if (reentry) {
      bodiesWithReentryConstructs.add(body);
    }
  }

  /**
   * Whether a failure of the attempt at {@code anchor} also leaves the loop: the innermost {@code try} around it in the
   * loop catches it, and each of its catches ends the loop (a return, a throw, a break, with no continue) or runs on to
   * a statement that does, a continue of an enclosing loop included ({@code catch (...) { client = new ...; try {
   * client.open(false); } catch (...) { } break; }} after a failed send, blind suite BB). A failure no catch in the
   * loop takes leaves it too, but such a loop is read as a retry whose failures need no close, as before.
   */
  private static boolean leavesAfterFailureToo(TreePath loopPath, TreePath anchor) {
    Tree loop = loopPath.getLeaf();
    for (TreePath current = anchor;
        current.getParentPath() != null && current.getParentPath().getLeaf() != loop;
        current = current.getParentPath()) {
      TreePath parent = current.getParentPath();
      if (parent.getLeaf() instanceof TryTree tryTree
          && tryTree.getBlock() == current.getLeaf()
          && !tryTree.getCatches().isEmpty()) {
        for (CatchTree catchTree : tryTree.getCatches()) {
          if (NormalCompletion.holdsLoopJump(catchTree.getBlock(), false)
              || (NormalCompletion.canCompleteNormally(catchTree.getBlock()) && !leavesAfter(parent, loop))) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Whether the statements that run after {@code statement}, up to the loop's end, leave the loop first. */
  private static boolean leavesAfter(TreePath statement, Tree loop) {
    for (TreePath current = statement; current.getParentPath() != null; current = current.getParentPath()) {
      Tree parent = current.getParentPath().getLeaf();
      if (parent == loop || StatementFlow.isLoop(parent) || parent instanceof CaseTree) {
        return false;
      }
      boolean after = false;
      for (StatementTree next : parent instanceof BlockTree block ? block.getStatements() : List.<StatementTree>of()) {
        // continue batches; -- at this level (no loop between), a continue of another loop is of an enclosing one,
        // which ends this loop as a break does
        if (after && (next instanceof ReturnTree || next instanceof ThrowTree
            || (next instanceof JCTree.JCBreak exit && exit.target == loop)
            || (next instanceof JCTree.JCContinue outerNext && outerNext.target != loop))) {
          return true;
        }
        if (after && (!NormalCompletion.canCompleteNormally(next) || NormalCompletion.holdsLoopJump(next, true))) {
          return false;
        }
        after |= next == current.getLeaf();
      }
    }
    return false;
  }

  /**
   * An enhanced {@code for}, or the same loop written out over an iterator ({@code while (it.hasNext())}, {@code for
   * (...; it.hasNext(); )}, JLS 14.14.2): each round handles another item (one client per device), so the loop is no
   * re-entry site by itself. A counted loop is not recognised as one.
   */
  private boolean handlesOneItemPerRound(Tree loop) {
    if (loop instanceof EnhancedForLoopTree) {
      return true;
    }
    // a do-while runs its first round before it asks: not the enhanced for's shape
    ExpressionTree condition = loop instanceof DoWhileLoopTree ? null : LoopExits.loopCondition(loop);
    ExpressionTree iterator =
        condition != null
                && IotHubSdk.stripParenthesesAndCasts(condition) instanceof MethodInvocationTree call
                && call.getArguments().isEmpty()
                && IotHubSdk.methodName(call).equals("hasNext")
            ? Receivers.receiverOf(call)
            : null;
    VisitorState state = model.state();
    return iterator != null
        && ASTHelpers.isSubtype(ASTHelpers.getType(iterator), state.getSymtab().iteratorType, state);
  }

  /** The attempts that retry libraries run: function values they are given, and proxied calls of @Retryable methods. */
  private void addLibraryRetries() {
    for (Body body : model.bodies()) {
      for (Body.Edge edge : body.outgoing()) {
        if (!model.syncReachesAnOpen(edge.to())) {
          continue; // an attempt with no open() in it adds no retry construct
        }
        RetryLibraries.AttemptRun run = attemptRuns.of(edge.site());
        if (run != null) {
          RetryPolicy policy = new RetryPolicy(run.call(), model, effects);
          if (policy.retries()) {
            addLibraryRetry(run.call(), edge.to(), policy);
          }
        }
      }
      if (model.syncReachesAnOpen(body) && RetryLibraries.isRetryableMethod(body, model.state())) {
        for (Body.Edge edge : body.incoming()) {
          if (edge.kind() == Body.EdgeKind.SYNC && RetryLibraries.isProxiedCall(edge.site().getLeaf())) {
            addLibraryRetry(edge.site(), body, null); // bean-name listeners are out of sight: none counts
          }
        }
      }
    }
  }

  private void addLibraryRetry(TreePath call, Body attempt, @Nullable RetryPolicy policy) {
    for (ConnectionCall open : model.syncReachableOpens(attempt)) {
      TreePath anchor = open.body() == attempt ? open.path() : null;
      for (Body.Edge edge : attempt.outgoing()) {
        if (anchor == null
            && edge.kind() == Body.EdgeKind.SYNC
            && model.syncReachable(edge.to()).contains(open.body())) {
          anchor = edge.site();
        }
      }
      if (anchor != null) {
        libraryAttempts.add(attempt);
        constructsByOpen
            .computeIfAbsent(open, k -> new ArrayList<>())
            .add(new LibraryRetry(call, attempt, anchor, policy));
      }
    }
  }

  /** The opens a site runs synchronously: the open() itself, or those of the same-class code it calls. */
  private Set<ConnectionCall> opensAt(Site site) {
    if (site.open() != null) {
      return Set.of(site.open());
    }
    Body.Edge edge = site.edge();
    if (edge != null && edge.kind() == Body.EdgeKind.SYNC) {
      return model.syncReachableOpens(edge.to());
    }
    return Set.of();
  }

  // ---------------------------------------------------------------- catches

  private void classifyCatch(TreePath tryPath, TreePath catchPath, List<Site> inTryBlock, List<Site> inCatch) {
    Map<ConnectionCall, CatchRetry> retried = new LinkedHashMap<>();
    for (Site tried : inTryBlock) {
      for (ConnectionCall open : opensAt(tried)) {
        if (retried.containsKey(open)) {
          continue;
        }
        TreePath reattempt = reattempt(open, inCatch);
        if (reattempt != null) {
          CatchRetry construct = new CatchRetry(tryPath, catchPath, tried.path(), reattempt);
          retried.put(open, construct);
          constructsByOpen.computeIfAbsent(open, k -> new ArrayList<>()).add(construct);
        }
      }
    }
    catches.put(catchPath.getLeaf(), new CatchInfo(retried));
    if (retried.isEmpty()) {
      Body body = model.bodyAt(tryPath);
      if (body != null) {
        bodiesWithReentryConstructs.add(body);
      }
    }
  }

  /** Where a catch attempts {@code open}'s connection again, or null. */
  private @Nullable TreePath reattempt(ConnectionCall open, List<Site> inCatch) {
    for (Site site : inCatch) {
      if (site.open() != null && sameConnection(site.open(), open)) {
        return site.path();
      }
      Body.Edge edge = site.edge();
      if (edge != null) {
        for (Body reached : model.reachable(edge.to())) {
          if (reached == open.body()) {
            return site.path();
          }
          for (ConnectionCall other : model.callsIn(reached)) {
            if (other.isOpen() && sameConnection(other, open)) {
              return site.path();
            }
          }
        }
      }
    }
    return null;
  }

  private static boolean sameConnection(ConnectionCall a, ConnectionCall b) {
    if (a == b) {
      return true;
    }
    if (a.client() == null || !a.client().equals(b.client())) {
      return false;
    }
    // A local only names the same client inside its own body.
    return !a.client().isLocal() || a.body() == b.body();
  }

  // ---------------------------------------------------------------- queries

  /** The retry constructs around an open(), innermost first. */
  List<RetryConstruct> constructsFor(ConnectionCall open) {
    return constructsByOpen.getOrDefault(open, List.of());
  }

  /** Whether {@code path} (in {@code body}) sits in a loop or catch that is a re-entry site. */
  boolean isInsideReentryConstruct(TreePath path, Body body) {
    if (!bodiesWithReentryConstructs.contains(body)) {
      return false;
    }
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      LoopInfo loop = loops.get(leaf);
      if (loop != null && loop.reentry()) {
        return true;
      }
      CatchInfo catchInfo = catches.get(leaf);
      if (catchInfo != null && catchInfo.retried().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code path} sits in a retry construct: a retrying loop, the try or catch of a retrying catch, or a
   * retry library's attempt.
   */
  boolean isInsideRetryConstruct(TreePath path, Body body) {
    if (libraryAttempts.contains(body)) {
      return true;
    }
    Tree previous = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      LoopInfo loop = loops.get(leaf);
      if (loop != null && !loop.retried().isEmpty()) {
        return true;
      }
      CatchInfo catchInfo = catches.get(leaf);
      if (catchInfo != null && !catchInfo.retried().isEmpty()) {
        return true;
      }
      if (leaf instanceof TryTree tryTree && previous == tryTree.getBlock()) {
        for (CatchTree catchTree : tryTree.getCatches()) {
          CatchInfo info = catches.get(catchTree);
          if (info != null && !info.retried().isEmpty()) {
            return true;
          }
        }
      }
      previous = leaf;
    }
    return false;
  }

  /** Whether {@code catchClause} is a catch that is not a retry construct (a re-entry site). */
  boolean isReentryCatch(Tree catchClause) {
    CatchInfo info = catches.get(catchClause);
    return info != null && info.retried().isEmpty();
  }

  /** Whether the open() is in a loop that keeps running after its open() succeeds. */
  boolean isReentryLoop(Tree loop) {
    LoopInfo info = loops.get(loop);
    return info != null && info.reentry();
  }
}
