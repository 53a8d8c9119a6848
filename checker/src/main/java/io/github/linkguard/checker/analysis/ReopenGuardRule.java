package io.github.linkguard.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.github.linkguard.checker.analysis.Conditions.Establishment;
import io.github.linkguard.checker.analysis.PathFacts.Facts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rule of check 5 ({@code IotHubReopenAfterClientClose}): in code a status callback runs synchronously, a
 * DISCONNECTED guard (or a condition that lets DISCONNECTED through with other statuses) that leads to a reconnect
 * without a CLIENT_CLOSE exclusion; not for a callback removed ({@code setConnectionStatusChangeCallback(null,
 * null)}) before each of the app's own closes. Found once for the whole compilation, at the first question.
 *
 * <p>Cost: one pass over the bodies the status callbacks reach; per body, its reconnect sites (creations read off the
 * scan's client-valued calls, no walk of its own; reach worked out once per body, iteratively: see {@link
 * #reachesUnexcludedReconnect}); the exclusion by callers is {@code ReentryFacts#bodiesOnlyEnteredWhere} over those
 * bodies and their callers only; the removals before the app's closes: see {@link CallbackRemovals}.
 */
public final class ReopenGuardRule {
  /**
   * A check 5 finding: a DISCONNECTED guard in a status callback with no CLIENT_CLOSE exclusion; {@code
   * admitsOtherStatuses} when it is a status condition that also lets through statuses the SDK owns (contract v2).
   */
  public record ReopenGuard(
      Establishment establishment, TreePath reconnect, Body body, boolean admitsOtherStatuses) {
    /** The if, loop, ?:, && / || or case whose condition is the guard: where the check matches. */
    public Tree holder() {
      return establishment.condition() != null
          ? establishment.condition().holder()
          : establishment.switchCase().caseTree();
    }
  }

  private final CompilationModel model;
  private final Analyses analyses;
  private final ReentryFacts reentry;
  private final CallbackRemovals removals;
  private @Nullable Map<Tree, List<ReopenGuard>> reopenGuards;
  private final Map<Body, Boolean> reachesUnexcludedReconnect = new HashMap<>();

  ReopenGuardRule(Analyses analyses, ReentryFacts reentry) {
    this.model = analyses.model();
    this.analyses = analyses;
    this.reentry = reentry;
    this.removals = new CallbackRemovals(model);
  }

  /** The check 5 findings whose guard is the condition of {@code holder} (an if, loop, ?:, && or ||, or case). */
  public List<ReopenGuard> at(Tree holder) {
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
        reentry.bodiesOnlyEnteredWhere(
            site -> !isUnexcluded(site),
            reconnectsByBody.keySet());
    for (Map.Entry<Body, List<TreePath>> entry : reconnectsByBody.entrySet()) {
      Body body = entry.getKey();
      if (excluded.contains(body)) {
        continue;
      }
      for (TreePath reconnect : entry.getValue()) {
        Facts facts = analyses.pathFacts().factsAt(reconnect);
        if (analyses.conditions().holds(facts, Claim.NOT_CLIENT_CLOSE)) {
          continue;
        }
        List<Establishment> guards = analyses.conditions().establishments(facts, Claim.DISCONNECTED);
        boolean admitsOtherStatuses = guards.isEmpty();
        if (admitsOtherStatuses) {
          // contract v2: a condition that lets DISCONNECTED through with other statuses; only the nearest one
          guards = analyses.conditions().admittingDisconnectedAmongOthers(facts);
          guards = guards.isEmpty() ? guards : guards.subList(0, 1);
        }
        for (Establishment guard : guards) {
          byGuard.putIfAbsent(guard.reportTree(), new ReopenGuard(guard, reconnect, body, admitsOtherStatuses));
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
      if (body.root() == Body.Root.STATUS_CALLBACK && !removals.removedBeforeEveryOwnClose(body)) {
        roots.add(body);
      }
    }
    return CompilationModel.closure(roots, Set.of(Body.EdgeKind.SYNC));
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
    // commands.offer(() -> { client.close(); client.open(false); }): a reconnect written here and kept for later
    // still follows the guard around it (a method reference only kept reaches nothing here)
    for (CallGraph.KeptFunction kept : model.graph().keptForLaterIn(body)) {
      if (!(kept.site().getLeaf() instanceof MemberReferenceTree)) {
        for (Body target : kept.targets()) {
          if (reachesUnexcludedReconnect(target)) {
            sites.add(kept.site());
            break;
          }
        }
      }
    }
    return sites;
  }

  /** The client creations of a body, in source order: its client-valued calls that create one. */
  private List<TreePath> creationsIn(Body body) {
    List<TreePath> creations = new ArrayList<>();
    for (TreePath call : model.clientValuedCallsIn(body)) {
      if (model.isNewClient((ExpressionTree) call.getLeaf())) {
        creations.add(call);
      }
    }
    return creations;
  }

  /**
   * Whether a reconnect lies down {@code start}'s calls and hand-offs with no CLIENT_CLOSE exclusion on the way: its
   * own open() or creation, or a site leading to a body that has one. Worked out iteratively for every body {@code
   * start} reaches that is not known yet (a call chain as long as the program costs heap, not stack): the reached
   * bodies are collected, then the answer spreads back from the bodies with a reconnect of their own, over the edges
   * whose site has no exclusion.
   */
  private boolean reachesUnexcludedReconnect(Body start) {
    Boolean known = reachesUnexcludedReconnect.get(start);
    if (known != null) {
      return known;
    }
    Set<Body> unknown = new LinkedHashSet<>();
    Deque<Body> work = new ArrayDeque<>(List.of(start));
    while (!work.isEmpty()) {
      Body body = work.pop();
      if (!reachesUnexcludedReconnect.containsKey(body) && unknown.add(body)) {
        for (Body.Edge edge : body.outgoing()) {
          work.push(edge.to());
        }
      }
    }
    Map<Body, List<Body.Edge>> incoming = new HashMap<>();
    Deque<Body> reaching = new ArrayDeque<>();
    for (Body body : unknown) {
      boolean reaches = hasUnexcludedReconnectOfItsOwn(body);
      for (Body.Edge edge : body.outgoing()) {
        if (unknown.contains(edge.to())) {
          incoming.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge);
        } else if (!reaches && reachesUnexcludedReconnect.get(edge.to()) && isUnexcluded(edge.site())) {
          reaches = true;
        }
      }
      reachesUnexcludedReconnect.put(body, reaches);
      if (reaches) {
        reaching.add(body);
      }
    }
    while (!reaching.isEmpty()) {
      for (Body.Edge edge : incoming.getOrDefault(reaching.poll(), List.of())) {
        if (!reachesUnexcludedReconnect.get(edge.from()) && isUnexcluded(edge.site())) {
          reachesUnexcludedReconnect.put(edge.from(), true);
          reaching.add(edge.from());
        }
      }
    }
    return reachesUnexcludedReconnect.get(start);
  }

  private boolean hasUnexcludedReconnectOfItsOwn(Body body) {
    for (ConnectionCall call : model.callsIn(body)) {
      if (call.isOpen() && isUnexcluded(call.path())) {
        return true;
      }
    }
    for (TreePath creation : creationsIn(body)) {
      if (isUnexcluded(creation)) {
        return true;
      }
    }
    return false;
  }

  private boolean isUnexcluded(TreePath site) {
    return !analyses.conditions().holds(analyses.pathFacts().factsAt(site), Claim.NOT_CLIENT_CLOSE);
  }
}
