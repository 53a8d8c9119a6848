package io.github.linkguard.checker.analysis;

import static io.github.linkguard.checker.analysis.CallerTranslation.MAX_CALLER_DEPTH;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.linkguard.checker.analysis.CallerTranslation.Translated;
import io.github.linkguard.checker.analysis.Conditions.Establishment;
import io.github.linkguard.checker.analysis.PathFacts.Facts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
 * #reachesUnexcludedReconnect}); the exclusion by
 * callers is {@code ReentryFacts#bodiesOnlyEnteredWhere} over those bodies and their callers only; the search for a
 * removal goes at most {@code CallerTranslation#MAX_CALLER_DEPTH} callers up, with a visited set.
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
  private @Nullable Map<Tree, List<ReopenGuard>> reopenGuards;
  private final Map<Body, Boolean> reachesUnexcludedReconnect = new HashMap<>();

  ReopenGuardRule(Analyses analyses, ReentryFacts reentry) {
    this.model = analyses.model();
    this.analyses = analyses;
    this.reentry = reentry;
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
      if (body.root() == Body.Root.STATUS_CALLBACK && !removedBeforeEveryOwnClose(body)) {
        roots.add(body);
      }
    }
    return CompilationModel.closure(roots, Set.of(Body.EdgeKind.SYNC));
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
        removedSomewhere |=
            removedFrom != null
                && (mayBeSame(registered, removedFrom) || passedAs(registered, removedFrom, model.bodyAt(removal)));
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
        if (!close.op().closes()) {
          continue;
        }
        if (close.client() == null) {
          // clients.remove(0).close(): a client read straight from a collection that may hold this one
          Object element = model.elementLookedUp(Receivers.receiverOf(close.tree()));
          if (element != null && registered.contains(element)) {
            return false;
          }
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

  /**
   * Whether {@code parameter}, a parameter of {@code body}, is given one of the clients in {@code identities} by a
   * caller: a removal inside a helper ({@code shutDown(client)}) removes it from what its callers pass.
   */
  private boolean passedAs(Set<Object> identities, ClientRef parameter, @Nullable Body body) {
    if (body == null || !parameter.isLocal()) {
      return false;
    }
    for (Body.Edge edge : body.incoming()) {
      ClientRef argument = CallerTranslation.translated(model, parameter, body, edge).client();
      if (argument != null && mayBeSame(identities, argument)) {
        return true;
      }
    }
    return false;
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

  /**
   * A close of a parameter: the method removes the callback from that parameter before the close, or every call that
   * passes {@code client} there has removed it first.
   */
  private boolean removedBeforeCallsClosing(ConnectionCall close, ClientRef client) {
    MethodSymbol method = close.body().method();
    int index = method == null ? -1 : method.getParameters().indexOf(close.client().variable());
    if (index < 0) {
      return true;
    }
    if (removedInBodyBefore(close.path(), close.body(), close.client())) {
      return true; // shutDown(link) { link.set...(null, null); link.close(); }: whoever passes the client
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
    if (removedInBodyBefore(site, body, client)) {
      return true;
    }
    if (depth > MAX_CALLER_DEPTH || !visiting.add(body) || body.root() != Body.Root.NONE
        || body.incoming().isEmpty()) {
      return false;
    }
    for (Body.Edge edge : body.incoming()) {
      Translated inCaller = CallerTranslation.translated(model, client, body, edge);
      if (inCaller.client() == null
          || !removedBefore(edge.site(), edge.from(), inCaller.client(), depth + 1, visiting)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code body} removes the callback from {@code client} before {@code site}, on every path to it, and does
   * not register a callback on it again in between (blind-r r18: removed, registered again, then closed).
   */
  private boolean removedInBodyBefore(TreePath site, Body body, ClientRef client) {
    for (TreePath removal : model.deregistrations()) {
      if (model.bodyAt(removal) == body
          && client.equals(ClientRef.receiverOf((MethodInvocationTree) removal.getLeaf()))
          && StatementOrder.runsBefore(removal, site)
          && !registeredAgainBetween(removal, site, body, client)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a registration on {@code client} in {@code body} lies between {@code removal} and {@code site} in the
   * source, on any path: in a branch too, since where it runs the callback is back before the close.
   */
  private boolean registeredAgainBetween(TreePath removal, TreePath site, Body body, ClientRef client) {
    int from = ASTHelpers.getStartPosition(removal.getLeaf());
    int to = ASTHelpers.getStartPosition(site.getLeaf());
    for (TreePath registration : model.registrations()) {
      int at = ASTHelpers.getStartPosition(registration.getLeaf());
      if (at > from
          && at < to
          && model.bodyAt(registration) == body
          && client.equals(ClientRef.receiverOf((MethodInvocationTree) registration.getLeaf()))) {
        return true;
      }
    }
    return false;
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
