package io.github.linkguard.checker.analysis;

import static io.github.linkguard.checker.analysis.CallerTranslation.MAX_CALLER_DEPTH;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.github.linkguard.checker.analysis.CallerTranslation.Translated;
import io.github.linkguard.checker.analysis.PathFacts.Facts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The contract's paths from a root, as facts the rules share: which code is at a re-entry site, which sites and
 * bodies a DISCONNECTED guard covers, what a status callback reaches unguarded, and whether every caller on such a
 * path closed or created a client before the call. It decides no check's finding.
 *
 * <p>Cost: memoized per compilation (one instance per {@link Verdicts}). Guarded bodies and the status callbacks'
 * unguarded reach are worklists over the call graph with a visited set, O(edges); the search through callers goes
 * at most {@link CallerTranslation#MAX_CALLER_DEPTH} callers up, with a visited set.
 */
final class ReentryFacts {
  private final CompilationModel model;
  private final Analyses analyses;
  private final Map<Tree, Boolean> guardedSites = new IdentityHashMap<>();
  private @Nullable Set<Body> reentryBodies;
  private @Nullable Set<Body> guardedBodies;

  ReentryFacts(Analyses analyses) {
    this.model = analyses.model();
    this.analyses = analyses;
  }

  /**
   * Whether every caller that leads to {@code body} on an unguarded path from a re-entry site has closed (or, when
   * {@code creationCounts}, created) {@code client} before the call, on every path: {@code client} in the callee's
   * terms, translated through the call (a parameter is the argument; {@code this}'s field is the receiver's). A
   * lambda or anonymous class belongs to the method that creates it, so its creation counts as a call.
   */
  boolean establishedByEveryCaller(Body body, ClientRef client, boolean creationCounts) {
    return establishedByEveryCaller(
        body, client, creationCounts,
        (facts, inCaller) -> facts.closed(inCaller) || (creationCounts && facts.created(inCaller)), true, 0,
        new HashSet<>());
  }

  /**
   * Whether every caller that leads to {@code body} from a re-entry site has made {@code client} safe to replace
   * before the call, on every path ({@code safe}: closed it, or checked that it holds none), as check 4 asks: guarded
   * paths count too (a status guard says nothing about the old client), and so do paths from a status callback.
   */
  boolean madeSafeByEveryCaller(Body body, ClientRef client, BiPredicate<Facts, ClientRef> safe) {
    return establishedByEveryCaller(body, client, false, safe, false, 0, new HashSet<>());
  }

  private boolean establishedByEveryCaller(
      Body body, ClientRef client, boolean creationCounts, BiPredicate<Facts, ClientRef> established,
      boolean skipGuardedPaths, int depth, Set<Body> visiting) {
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
          || (skipGuardedPaths && (isGuardedSite(edge.site()) || guardedBodies().contains(edge.from())))) {
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
      Translated translated = CallerTranslation.translated(model, client, body, edge);
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
      if (!established.test(analyses.pathFacts().factsAt(edge.site()), inCaller)
          && (fromStartUp
              || !establishedByEveryCaller(
                  edge.from(), inCaller, creationCounts, established, skipGuardedPaths, depth + 1, visiting))) {
        return false;
      }
    }
    return anyCaller;
  }

  /** A task given to {@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay} or a periodic Timer. */
  static boolean isRunPeriodically(TreePath task) {
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

  /** Code that can run while the device already has a live link. */
  boolean isAtReentrySite(TreePath path, Body body) {
    return reentryBodies().contains(body)
        || insideReentryConstruct.computeIfAbsent(
            path.getLeaf(), leaf -> analyses.retries().isInsideReentryConstruct(path, body));
  }

  /** Per call site or tree: whether a re-entry loop or catch of its body holds it (asked once per edge per rule). */
  private final Map<Tree, Boolean> insideReentryConstruct = new IdentityHashMap<>();

  boolean isGuardedSite(TreePath path) {
    return guardedSites.computeIfAbsent(
        path.getLeaf(),
        leaf -> analyses.conditions().holds(analyses.pathFacts().factsAt(path), Claim.DISCONNECTED));
  }

  /**
   * The bodies entered from re-entry code only at DISCONNECTED-guarded sites. Asked only about a body with an open()
   * and the callers that lead to it (check 1 and its callers' exemptions), so only those are computed: on a large
   * compilation with few opens, most bodies and their entering sites are never looked at.
   */
  Set<Body> guardedBodies() {
    if (guardedBodies == null) {
      guardedBodies = bodiesOnlyEnteredWhere(this::isGuardedSite, model.bodiesWithAnOpen());
    }
    return guardedBodies;
  }

  /**
   * The bodies entered from re-entry code only where {@code holds}: entered at least once that way, and no path from
   * a root reaches them through a call or hand-off from re-entry code at a site where it does not hold. That is the
   * greatest fixed point of "every such entering edge is at a site where {@code holds}, or comes from a body of the
   * set", so a cycle entered only where it holds stays in the set: a task the guarded callback hands off, which
   * schedules itself again from its {@code catch}, keeps the callback's guard. Calls from start-up code do not count;
   * callback roots are entered by the SDK, never only through such sites, and a cycle no edge enters from outside
   * (see {@link #enteredFromOutside}) is a root of its own. A worklist over the edges: a body leaves the set once,
   * when an edge that does not hold comes from a body outside it, so the computation is linear in the edges.
   *
   * <p>When only some bodies are asked about ({@code asked} not null), only they and their transitive callers are
   * computed: whether a body stays depends on nothing else, and on a large compilation (the SDK's own sources) the
   * predicate is the expensive part.
   */
  Set<Body> bodiesOnlyEnteredWhere(Predicate<TreePath> holds, @Nullable Collection<Body> asked) {
    Set<Body> scope =
        asked == null ? null : Regions.callers(asked, Set.of(Body.EdgeKind.SYNC, Body.EdgeKind.HAND_OFF));
    Set<Body> entered = new LinkedHashSet<>();
    Map<Body, List<Body.Edge>> failingEdges = new HashMap<>(); // entering edges at a site where it does not hold
    for (Body body : model.bodies()) {
      if (body.root() == Body.Root.STATUS_CALLBACK || body.root() == Body.Root.SDK_CALLBACK
          || (scope != null && !scope.contains(body))) {
        continue;
      }
      for (Body.Edge edge : body.incoming()) {
        if (carriesReentryPath(edge)) {
          entered.add(body);
          if (!holds.test(edge.site())) {
            failingEdges.computeIfAbsent(body, k -> new ArrayList<>()).add(edge);
          }
        }
      }
    }
    entered.retainAll(enteredFromOutside(entered));
    Map<Body, List<Body>> failingCallees = new HashMap<>();
    ArrayDeque<Body> leaving = new ArrayDeque<>();
    for (Map.Entry<Body, List<Body.Edge>> failing : failingEdges.entrySet()) {
      for (Body.Edge edge : failing.getValue()) {
        if (entered.contains(edge.from())) {
          failingCallees.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(failing.getKey());
        } else {
          leaving.add(failing.getKey()); // entered from a root, or from start-up code, where it does not hold
        }
      }
    }
    while (!leaving.isEmpty()) {
      Body body = leaving.poll();
      if (entered.remove(body)) {
        leaving.addAll(failingCallees.getOrDefault(body, List.of()));
      }
    }
    return entered;
  }

  /**
   * The candidates a path can enter at all: reached through calls and hand-offs that carry a path, from a body that is
   * not a candidate (a callback, start-up code, a root). A task that only hands itself on again ({@code
   * scheduler.schedule(this, ...)}) and is started where no edge shows it (kept in a field) is a root of its own, with
   * no guard: it is not entered only through sites where a predicate holds.
   */
  private Set<Body> enteredFromOutside(Set<Body> candidates) {
    Set<Body> reached = new HashSet<>();
    ArrayDeque<Body> work = new ArrayDeque<>();
    for (Body body : candidates) {
      for (Body.Edge edge : body.incoming()) {
        if (!candidates.contains(edge.from()) && carriesReentryPath(edge) && reached.add(body)) {
          work.add(body);
        }
      }
    }
    while (!work.isEmpty()) {
      for (Body.Edge edge : work.poll().outgoing()) {
        if (candidates.contains(edge.to()) && carriesReentryPath(edge) && reached.add(edge.to())) {
          work.add(edge.to());
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
  boolean carriesReentryPath(Body.Edge edge) {
    return edge.kind() == Body.EdgeKind.HAND_OFF || isAtReentrySite(edge.site(), edge.from());
  }

  /**
   * Bodies a status callback reaches with no DISCONNECTED guard on the way (synchronously or through hand-offs),
   * each with the first such callback in source order; a guard counts wherever it dominates the path.
   */
  private @Nullable Map<Body, Body> unguardedFromStatusCallback;

  Map<Body, Body> unguardedFromStatusCallback() {
    if (unguardedFromStatusCallback == null) {
      unguardedFromStatusCallback = model.reachedFromStatusCallbacks(edge -> !isGuardedSite(edge.site()));
    }
    return unguardedFromStatusCallback;
  }

  /**
   * Bodies that can run while the device already has a live link: callbacks, hand-offs, and everything reachable
   * from them or from a loop or catch that is a re-entry site. One pass over the edges, then one closure.
   */
  private Set<Body> reentryBodies() {
    if (reentryBodies == null) {
      Set<Body> roots = new LinkedHashSet<>();
      for (Body body : model.bodies()) {
        if (body.root() != Body.Root.NONE) {
          roots.add(body);
        }
        for (Body.Edge edge : body.outgoing()) {
          if (analyses.retries().isInsideReentryConstruct(edge.site(), body)) {
            roots.add(edge.to());
          }
        }
      }
      reentryBodies = CompilationModel.closure(roots, Set.of(Body.EdgeKind.SYNC, Body.EdgeKind.HAND_OFF));
    }
    return reentryBodies;
  }
}
