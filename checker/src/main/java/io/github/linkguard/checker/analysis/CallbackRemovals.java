package io.github.linkguard.checker.analysis;

import static io.github.linkguard.checker.analysis.CallerTranslation.MAX_CALLER_DEPTH;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.CallerTranslation.Translated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Check 5's exclusion by removal (contract v2): the app removes a status callback ({@code
 * setConnectionStatusChangeCallback(null, null)}, 1.x {@code registerConnectionStatusChangeCallback(null, null)}) from
 * the client it is registered on before each of its own closes of that client, on every call path, so CLIENT_CLOSE
 * never reaches it. The removal may be in the closing method, in a method it calls first ({@code detach();
 * close();}), or in every caller before the call that leads to the close; a registration again between the removal
 * and the close cancels it.
 *
 * <p>Cost: per callback and client, one pass over the compilation's closes; per close, a search at most {@code
 * CallerTranslation#MAX_CALLER_DEPTH} callers up, with a visited set, each step reading the removals and
 * registrations recorded by the scan.
 */
final class CallbackRemovals {
  private final CompilationModel model;
  private final Map<Body, Set<ClientRef>> removedOnEveryPath = new HashMap<>();
  private @Nullable Map<Body, List<TreePath>> removalsByBody;
  private @Nullable Map<Body, List<TreePath>> registrationsByBody;
  /** Whether the collections that store a parameter hold what the callers pass for it yet (done once, on demand). */
  private boolean storedParametersFollowed;

  CallbackRemovals(CompilationModel model) {
    this.model = model;
  }

  /**
   * Whether every client {@code callback} is registered on has it removed before each of the app's own closes of
   * that client, on every call path (callers included): then CLIENT_CLOSE never reaches it.
   */
  boolean removedBeforeEveryOwnClose(Body callback) {
    if (callback.callbackClients().isEmpty()) {
      return false;
    }
    if (!storedParametersFollowed) {
      storedParametersFollowed = true;
      model.followStoredParameters(this::argumentsPassedFor);
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
        ClientRef copied = copyOf(registered, close.client());
        if (mayBeSame(registered, close.client())) {
          // the removal must be on the variable being closed: for (c : clients) { c.set...(null, null); c.close(); }
          if (!removedBefore(close.path(), close.body(), close.client(), 0, new HashSet<>())) {
            return false;
          }
        } else if (readsTheSameField(registered, close.client()) || copied != null) {
          // session.client.close() in another class, or DeviceClient toClose = client; toClose.close(): it may close
          // the client the callback is on; the removal counts on the name closed, or on the field a local copies
          if (!removedBefore(close.path(), close.body(), close.client(), 0, new HashSet<>())
              && (copied == null || !removedBefore(close.path(), close.body(), copied, 0, new HashSet<>()))) {
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
   * The clients the callers of a parameter's method pass for it, as written there: a local holding a client it just
   * created is still that local ({@code cache.add(id, client)} right after {@code client = new DeviceClient(...)}).
   */
  private List<ClientRef> argumentsPassedFor(ClientRef parameter) {
    Body body = parameter.variable() != null && parameter.variable().owner instanceof MethodSymbol method
        ? model.bodyOf(method)
        : null;
    List<ClientRef> arguments = new ArrayList<>();
    for (Body.Edge edge : body == null ? List.<Body.Edge>of() : body.incoming()) {
      ClientRef passed = ClientRef.of(CallerTranslation.argumentFor(parameter.variable(), body, edge));
      if (passed != null) {
        arguments.add(passed);
      }
    }
    return arguments;
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

  /**
   * Whether {@code closed} names the same field as one of {@code identities} through another object, or that field
   * through this one ({@code session.client} and {@code client} in Session): the objects may be one.
   */
  private static boolean readsTheSameField(Set<Object> identities, ClientRef closed) {
    VarSymbol field = closed.variable();
    if (field == null || field.getKind() != ElementKind.FIELD) {
      return false;
    }
    for (Object identity : identities) {
      if (identity instanceof ClientRef registered
          && field.equals(registered.variable())
          && (closed.isOwnField() != registered.isOwnField())) {
        return true;
      }
    }
    return false;
  }

  /** The client an effectively final local copies ({@code DeviceClient toClose = client;}) when it is one of these. */
  private @Nullable ClientRef copyOf(Set<Object> identities, ClientRef closed) {
    ClientRef copied = closed.isLocal() ? model.aliasedClient(closed) : null;
    return copied != null && mayBeSame(identities, copied) ? copied : null;
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
    for (TreePath removal : removalsIn(body)) {
      if (client.equals(ClientRef.receiverOf((MethodInvocationTree) removal.getLeaf()))
          && StatementOrder.runsBefore(removal, site)
          && !registeredAgainBetween(removal, site, body, client)) {
        return true;
      }
    }
    // detach(); close(): a call before the site to a method that removes it on every path through it (blind-t t09)
    for (Body.Edge edge : body.outgoing()) {
      if (edge.kind() == Body.EdgeKind.SYNC
          && StatementOrder.runsBefore(edge.site(), site)
          && !registeredAgainBetween(edge.site(), site, body, client)
          && removesOnEveryPath(edge, client)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the method called at {@code edge} removes the callback from what the caller names {@code client}. */
  private boolean removesOnEveryPath(Body.Edge edge, ClientRef client) {
    for (ClientRef removed : removedOnEveryPath(edge.to(), 0)) {
      if (client.equals(CallerTranslation.translated(model, removed, edge.to(), edge).client())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The clients, as {@code method} names them, whose callback it removes on every path through it: by a removal, or
   * by a call to a method that does so, that no branch, loop, catch or earlier return of the method can skip.
   * Memoized; at most {@link CallerTranslation#MAX_CALLER_DEPTH} calls deep (a cycle gives nothing more).
   */
  private Set<ClientRef> removedOnEveryPath(Body method, int depth) {
    Set<ClientRef> known = removedOnEveryPath.get(method);
    if (known != null) {
      return known;
    }
    if (depth > MAX_CALLER_DEPTH || method.method() == null) {
      return Set.of();
    }
    removedOnEveryPath.put(method, Set.of()); // a recursive call removes nothing more
    Set<ClientRef> removed = new LinkedHashSet<>();
    for (TreePath removal : removalsIn(method)) {
      ClientRef client = ClientRef.receiverOf((MethodInvocationTree) removal.getLeaf());
      if (client != null && StatementOrder.runsOnEveryPath(removal, method.tree())) {
        removed.add(client);
      }
    }
    for (Body.Edge edge : method.outgoing()) {
      if (edge.kind() == Body.EdgeKind.SYNC && StatementOrder.runsOnEveryPath(edge.site(), method.tree())) {
        for (ClientRef inCallee : removedOnEveryPath(edge.to(), depth + 1)) {
          ClientRef inMethod = CallerTranslation.translated(model, inCallee, edge.to(), edge).client();
          if (inMethod != null) {
            removed.add(inMethod);
          }
        }
      }
    }
    removedOnEveryPath.put(method, removed);
    return removed;
  }

  /**
   * Whether a registration on {@code client} in {@code body} lies between {@code removal} and {@code site} in the
   * source, on any path: in a branch too, since where it runs the callback is back before the close.
   */
  private boolean registeredAgainBetween(TreePath removal, TreePath site, Body body, ClientRef client) {
    int from = ASTHelpers.getStartPosition(removal.getLeaf());
    int to = ASTHelpers.getStartPosition(site.getLeaf());
    for (TreePath registration : registrationsIn(body)) {
      int at = ASTHelpers.getStartPosition(registration.getLeaf());
      if (at > from
          && at < to
          && client.equals(ClientRef.receiverOf((MethodInvocationTree) registration.getLeaf()))) {
        return true;
      }
    }
    return false;
  }

  private List<TreePath> removalsIn(Body body) {
    if (removalsByBody == null) {
      removalsByBody = byBody(model.deregistrations());
    }
    return removalsByBody.getOrDefault(body, List.of());
  }

  private List<TreePath> registrationsIn(Body body) {
    if (registrationsByBody == null) {
      registrationsByBody = byBody(model.registrations());
    }
    return registrationsByBody.getOrDefault(body, List.of());
  }

  /** The calls, indexed by the body they run in: built once, so that each question reads one body's calls. */
  private Map<Body, List<TreePath>> byBody(List<TreePath> calls) {
    Map<Body, List<TreePath>> index = new HashMap<>();
    for (TreePath call : calls) {
      Body body = model.bodyAt(call);
      if (body != null) {
        index.computeIfAbsent(body, unused -> new ArrayList<>()).add(call);
      }
    }
    return index;
  }
}
