package io.github.linkguard.checker.analysis;

import static io.github.linkguard.checker.analysis.Receivers.receiverOf;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Clients kept in collections: which loop or {@code forEach} variable is an element of which collection, which
 * collections a client is stored in, and the {@code DeviceClient::close} references that close every element. The
 * scan records them; {@link #identities} then says which client references may be the same client.
 *
 * <p>Cost: constant per record; {@link #identities} is constant apart from the collections one client is stored in.
 */
final class ClientCollections {
  private final IotHubSdk sdk;
  private final LocalVariables locals;
  private final Map<VarSymbol, ClientRef> elementVariables = new HashMap<>();
  private final Map<ClientRef, Set<ClientRef>> collectionsHolding = new HashMap<>();
  private final List<TreePath> closeReferences = new ArrayList<>();
  /** The names of the methods that store their last argument in a collection, interned: asked of every call. */
  private final Set<Name> storingMethods;

  /**
   * An element of a collection of clients, as an identity (see {@link #identities}). Equality written out, the same
   * as the generated one, for a cold process's sake (see {@code Dispatch.Call}).
   */
  private record ElementOf(ClientRef collection) {
    @Override
    public boolean equals(Object other) {
      return other instanceof ElementOf element && collection.equals(element.collection);
    }

    @Override
    public int hashCode() {
      return collection.hashCode();
    }
  }

  ClientCollections(IotHubSdk sdk, LocalVariables locals, Names names) {
    this.sdk = sdk;
    this.locals = locals;
    this.storingMethods =
        Set.of(
            names.fromString("add"), names.fromString("put"), names.fromString("offer"),
            names.fromString("addLast"), names.fromString("putIfAbsent"));
  }

  /** {@code for (DeviceClient c : clients)} or {@code clients.forEach(c -> ...)}: c is an element of clients. */
  void noteElementVariable(@Nullable Symbol variable, ExpressionTree collection) {
    ClientRef holder = collectionRef(collection);
    if (variable instanceof VarSymbol element && holder != null && sdk.isClientType(element.type)) {
      elementVariables.put(element, holder);
    }
  }

  /** {@code clients.add(client)}, {@code clients.put(id, client)}: the collection holds that client. */
  void noteClientStoredInCollection(MethodInvocationTree call) {
    Name name = CalledName.of(call);
    if (name == null || call.getArguments().isEmpty() || !storingMethods.contains(name)) {
      return;
    }
    ExpressionTree value = call.getArguments().get(call.getArguments().size() - 1);
    ClientRef client = ClientRef.of(value);
    ClientRef holder = collectionRef(receiverOf(call));
    if (client != null && holder != null && sdk.isClientType(ASTHelpers.getType(value))) {
      collectionsHolding.computeIfAbsent(client, k -> new LinkedHashSet<>()).add(holder);
    }
  }

  /**
   * {@code cache.add(id, client)} whose body is {@code clients.put(id, client)}: what a method stores from a parameter,
   * the collection also holds for every argument its callers pass there ({@code passedFor} names them in the callers'
   * terms), and on up through callers that pass a parameter of their own. Run once, after the call graph exists.
   *
   * <p>Cost: a worklist over the stored parameters; a parameter is read again only when its set of holders grows, so
   * at most once per holder.
   */
  void followStoredParameters(Function<ClientRef, List<ClientRef>> passedFor) {
    Deque<ClientRef> stored = new ArrayDeque<>();
    for (ClientRef client : collectionsHolding.keySet()) {
      if (isParameter(client)) {
        stored.add(client);
      }
    }
    while (!stored.isEmpty()) {
      ClientRef parameter = stored.poll();
      Set<ClientRef> holders = collectionsHolding.get(parameter);
      for (ClientRef argument : passedFor.apply(parameter)) {
        boolean grew =
            !argument.equals(parameter)
                && collectionsHolding.computeIfAbsent(argument, k -> new LinkedHashSet<>()).addAll(holders);
        if (grew && isParameter(argument)) {
          stored.add(argument);
        }
      }
    }
  }

  private static boolean isParameter(ClientRef client) {
    return client.isLocal() && client.variable() != null && client.variable().getKind() == ElementKind.PARAMETER;
  }

  /** {@code clients.forEach(DeviceClient::close)}: a reference to a client's close, run on every element. */
  void noteCloseReference(TreePath reference) {
    closeReferences.add(reference);
  }

  /**
   * The collection an expression iterates: {@code clients} for {@code clients}, {@code clients.values()}... A field
   * is the collection whichever object it is read through ({@code gateway.points} in {@code main} and {@code points}
   * in the gateway's own methods): the question is whether two clients may be the same.
   */
  private static @Nullable ClientRef collectionRef(@Nullable ExpressionTree expression) {
    ExpressionTree tree = expression == null ? null : IotHubSdk.stripParenthesesAndCasts(expression);
    while (tree instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && Set.of("values", "stream", "parallelStream", "iterator").contains(IotHubSdk.methodName(call))
        && receiverOf(call) != null) {
      tree = IotHubSdk.stripParenthesesAndCasts(receiverOf(call));
    }
    ClientRef collection = tree == null ? null : ClientRef.of(tree);
    VarSymbol field = collection == null ? null : collection.variable();
    return field != null && field.getKind() == ElementKind.FIELD ? ClientRef.ofVariable(field) : collection;
  }

  /** The collection {@code lambda} is given to element by element: {@code clients} in {@code clients.forEach(...)}. */
  static @Nullable ExpressionTree forEachReceiver(TreePath lambda) {
    TreePath argument = IotHubSdk.withEnclosingParentheses(lambda);
    return argument.getParentPath() != null
            && argument.getParentPath().getLeaf() instanceof MethodInvocationTree call
            && IotHubSdk.methodName(call).equals("forEach")
            && call.getArguments().contains(argument.getLeaf())
        ? receiverOf(call)
        : null;
  }

  /**
   * What a client expression may stand for besides itself: an element of each collection it is read from or stored
   * in ({@code for (DeviceClient c : clients)}, {@code clients.get(id)}, {@code clients.put(id, client)}; after {@link
   * #followStoredParameters}, also what callers pass to a parameter that is stored). Two client references whose sets
   * meet may be the same client.
   */
  Set<Object> identities(ClientRef client) {
    Set<Object> identities = new LinkedHashSet<>();
    identities.add(client);
    VarSymbol variable = client.isLocal() ? client.variable() : null;
    ClientRef from = variable == null ? null : elementVariables.get(variable);
    if (from == null && variable != null) {
      from = collectionLookedUp(locals.finalInitializer(variable));
    }
    if (from != null) {
      identities.add(new ElementOf(from));
    }
    for (ClientRef holder : collectionsHolding.getOrDefault(client, Set.of())) {
      identities.add(new ElementOf(holder));
    }
    return identities;
  }

  /**
   * The element of a collection that {@code expression} takes from it ({@code clients.get(id)}, {@code
   * clients.remove(0)}, {@code clients.iterator().next()}), or null: the identity of a client that is read straight
   * from its collection, with no variable of its own.
   */
  @Nullable Object elementLookedUp(@Nullable ExpressionTree expression) {
    ClientRef holder = collectionLookedUp(expression);
    return holder == null ? null : new ElementOf(holder);
  }

  private static @Nullable ClientRef collectionLookedUp(@Nullable ExpressionTree expression) {
    return expression != null
            && IotHubSdk.stripParenthesesAndCasts(expression) instanceof MethodInvocationTree lookup
            && LOOKUPS.contains(IotHubSdk.methodName(lookup))
        ? collectionRef(receiverOf(lookup))
        : null;
  }

  /** The methods that hand out an element of a collection. */
  private static final Set<String> LOOKUPS = Set.of("get", "remove", "poll", "getOrDefault", "next");

  /** Method references to a client's close, run on every element they are given. */
  List<TreePath> closeReferences() {
    return closeReferences;
  }

  /** The collection a {@code forEach(DeviceClient::close)} closes the elements of, or null. */
  @Nullable Object closedCollection(TreePath closeReference) {
    TreePath argument = IotHubSdk.withEnclosingParentheses(closeReference);
    if (argument.getParentPath() != null
        && argument.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && IotHubSdk.methodName(call).equals("forEach")) {
      ClientRef holder = collectionRef(receiverOf(call));
      return holder == null ? null : new ElementOf(holder);
    }
    return null;
  }
}
