package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Which expressions create a new client: SDK constructors and factories, same-class factory methods (every value
 * they return is a new client, or a local that holds one wherever it is returned: {@link FreshLocalAtReturns}), a call
 * of an interface or abstract method every implementation of which that it reaches is such a factory, a choice between
 * two of these, and effectively final locals initialized with one.
 *
 * <p>Cost: what a method returns is collected once per method, in one walk of its own body; whether it is a factory
 * is decided once per method (a method met again while its own answer is pending counts as no factory). A question
 * about an expression follows only that expression's conditionals and the initializers of the locals it names.
 * Still recursion: a factory returning another factory's result is decided inside the first, so the depth follows a
 * chain of factory methods (each decided once); turning it into a worklist is left for a later change.
 */
final class ClientCreations {
  private final IotHubSdk sdk;
  private final ClassScan scan;
  private final CallGraph graph;
  private final Map<MethodSymbol, Boolean> factoryMethods = new HashMap<>();
  private final Map<MethodSymbol, List<ExpressionTree>> returnedByMethod = new HashMap<>();
  private final Map<VarSymbol, Boolean> freshLocals = new HashMap<>();

  ClientCreations(IotHubSdk sdk, ClassScan scan, CallGraph graph) {
    this.sdk = sdk;
    this.scan = scan;
    this.graph = graph;
  }

  /** A same-class method whose every return value is a new client. */
  boolean isFactoryMethod(@Nullable Symbol symbol) {
    if (!(symbol instanceof MethodSymbol method) || !scan.links.isDeclaredHere(method)) {
      return false;
    }
    Boolean known = factoryMethods.get(method);
    if (known != null) {
      return known;
    }
    factoryMethods.put(method, false); // recursion guard
    boolean factory = false;
    Body body = scan.methodBodies().get(method);
    if (body != null && sdk.isClientType(method.getReturnType())) {
      List<ExpressionTree> returned = returnedExpressions(method);
      factory = !returned.isEmpty();
      for (ExpressionTree value : returned) {
        factory &= isNewClient(value) || isFreshLocal(value, (MethodTree) body.tree());
      }
    }
    factoryMethods.put(method, factory);
    return factory;
  }

  /**
   * {@code factory.create(spec)} on an interface or abstract method: every implementation the call reaches (those the
   * compilation instantiates, as the call graph resolves it) is a factory method, so the call makes a new client.
   */
  private boolean dispatchesOnlyToFactories(MethodInvocationTree call) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null || scan.methodBodies().get(method) != null || !sdk.isClientType(method.getReturnType())) {
      return false; // a method with a body of its own is judged by it (isFactoryMethod)
    }
    boolean reachesOne = false;
    for (Body.Edge edge : graph.edgesAt(call)) {
      if (edge.kind() == Body.EdgeKind.SYNC) {
        if (!isFactoryMethod(edge.to().method())) {
          return false;
        }
        reachesOne = true;
      }
    }
    return reachesOne;
  }

  /**
   * A local of the method that holds a client created in it wherever the method returns it ({@code DeviceClient c =
   * null; try { c = new DeviceClient(...); return c; } ...}); decided once per method and local.
   */
  private boolean isFreshLocal(ExpressionTree value, MethodTree method) {
    if (!(IotHubSdk.stripParenthesesAndCasts(value) instanceof IdentifierTree identifier)
        || !(ASTHelpers.getSymbol(identifier) instanceof VarSymbol local)
        || local.getKind() == ElementKind.FIELD) {
      return false;
    }
    return freshLocals.computeIfAbsent(
        local, l -> FreshLocalAtReturns.atEveryReturn(method.getBody(), l, this::isNewClient));
  }

  /**
   * A same-class factory method that also opens what it returns ({@code DeviceClient c = new ...; c.open(); return
   * c;}): whoever stores its result holds an open client.
   */
  boolean returnsOpenedClient(@Nullable Symbol symbol) {
    if (!isFactoryMethod(symbol)) {
      return false;
    }
    Body body = scan.methodBodies().get((MethodSymbol) symbol);
    for (ExpressionTree value : returnedExpressions((MethodSymbol) symbol)) {
      ClientRef returned = ClientRef.of(value);
      boolean opened = false;
      for (ConnectionCall call : scan.connectionCalls.in(body)) {
        opened |= call.isOpen() && returned != null && returned.equals(call.client());
      }
      if (!opened) {
        return false;
      }
    }
    return true;
  }

  /** The expressions a same-class method returns (not those of lambdas or classes inside it). */
  List<ExpressionTree> returnedExpressions(MethodSymbol method) {
    return returnedByMethod.computeIfAbsent(
        method,
        m -> {
          Body body = scan.methodBodies().get(m);
          return body == null ? List.of() : body.returnedExpressions();
        });
  }

  /**
   * A constructor, SDK factory, same-class factory method, a choice between two of these, or a local initialized with
   * one of these.
   */
  boolean isNewClient(@Nullable ExpressionTree expression) {
    if (expression == null) {
      return false;
    }
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    if (sdk.isClientCreation(tree)) {
      return true;
    }
    if (tree instanceof MethodInvocationTree call) {
      return isFactoryMethod(ASTHelpers.getSymbol(call)) || dispatchesOnlyToFactories(call);
    }
    if (tree instanceof ConditionalExpressionTree conditional) {
      // useWebSockets ? new DeviceClient(cs, MQTT_WS) : new DeviceClient(cs, MQTT)
      return isNewClient(conditional.getTrueExpression()) && isNewClient(conditional.getFalseExpression());
    }
    if (tree instanceof IdentifierTree
        && ASTHelpers.getSymbol(tree) instanceof VarSymbol local
        && local.getKind() != ElementKind.FIELD) {
      ExpressionTree initializer = scan.locals.finalInitializer(local);
      return initializer != null && initializer != expression && isNewClient(initializer);
    }
    return false;
  }
}
