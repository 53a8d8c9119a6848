package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.PathFacts.Condition;
import io.github.linkguard.checker.analysis.PathFacts.Facts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Check 4(b) ({@code IotHubClientReplacedWithoutClose}): a {@code put} of a new client into a {@code Map} of clients
 * at a re-entry site (or a {@code replace}, {@code compute}, {@code computeIfPresent} or {@code merge} that stores
 * one), unless the value it replaces is closed ({@code remove}/{@code get} then close before it, a close of the value
 * {@code put} returns, or of the old value the function is given), or the put runs only where the map holds nothing
 * for the key.
 *
 * <p>Cost: per put, the path facts at it and the closes of map lookups in its body, found once per body, so that a
 * body with many puts and many closes stays linear.
 */
final class MapPutRule {
  private final CompilationModel model;
  private final Analyses analyses;
  private final ReentryFacts reentry;
  /** Whether a value is a parameter that a re-entry caller passes a client it just created (check 4(a)'s reading). */
  private final BiPredicate<ExpressionTree, Body> newClientFromAReentryCaller;

  MapPutRule(
      Analyses analyses, ReentryFacts reentry, BiPredicate<ExpressionTree, Body> newClientFromAReentryCaller) {
    this.model = analyses.model();
    this.analyses = analyses;
    this.reentry = reentry;
    this.newClientFromAReentryCaller = newClientFromAReentryCaller;
  }

  private final Map<Tree, Boolean> registeringMethods = new IdentityHashMap<>();

  /** See {@link ReplacementRule#registersOnAMultiplexingClientAround}; one scan per method. */
  boolean registersOnAMultiplexingClientAround(TreePath path) {
    MethodTree method = ASTHelpers.findEnclosingNode(path, MethodTree.class);
    return method != null && registeringMethods.computeIfAbsent(method, MapPutRule::registersOnAMultiplexingClient);
  }

  private static boolean registersOnAMultiplexingClient(Tree method) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (IotHubSdk.methodName(call).equals("registerDeviceClient")
            && ASTHelpers.getSymbol(call) != null // unattributed code: no symbol to ask
            && IotHubSdk.isMultiplexingClientMethod(ASTHelpers.getSymbol(call))) {
          found[0] = true;
        }
        return found[0] ? null : super.visitMethodInvocation(call, unused);
      }
    }.scan(method, null);
    return found[0];
  }

  /** Whether this {@code put} stores a new client, at a re-entry site, over one it does not close. */
  boolean putsOverOpenClient(TreePath path) {
    MethodInvocationTree put = (MethodInvocationTree) path.getLeaf();
    Body body = model.bodyAt(path);
    if (body == null || !storesANewClientOverTheOld(path, put, body) || !reentry.isAtReentrySite(path, body)) {
      return false;
    }
    ClientRef map = ClientRef.of(ASTHelpers.getReceiver(put));
    if (map != null
        && (isAbsenceChecked(analyses.pathFacts().factsAt(path), map) || isAbsenceCheckedByEveryCaller(put, body, map))) {
      return false;
    }
    ExpressionTree key = put.getArguments().get(0);
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
    // Optional.ofNullable(clients.put(id, ...)).ifPresent(DeviceClient::close);
    if (closedThroughAnOptional(path)) {
      return false;
    }
    // DeviceClient old = clients.get(id); if (old != null) old.close(); -- on every path to the put
    for (PathFacts.ClientEvent event : analyses.pathFacts().factsAt(path).localCloses()) {
      VarSymbol closed = event.client().variable();
      if (closed != null) {
        ExpressionTree initializer = model.finalLocalInitializer(closed);
        if (initializer != null && isMapLookup(initializer, map, key)) {
          return false;
        }
      }
    }
    // clients.remove(id).close(); as a statement before the put (possibly in a try of its own)
    for (ConnectionCall call : closesOfLookups(body)) {
      if (isMapLookup(call.clientExpression(), map, key) && StatementOrder.runsBefore(call.path(), path)) {
        return false;
      }
    }
    // Optional.ofNullable(clients.get(id)).ifPresent(c -> c.close()); as a statement before the put
    if (closedThroughAnOptionalBefore(path, body, map, key)) {
      return false;
    }
    // closeUnit(id); clients.put(id, ...): a helper that looks up and closes the value under the key it is given
    for (Body.Edge edge : callsOfLookupClosers(body)) {
      if (StatementOrder.runsBefore(edge.site(), path)
          && closesUnderItsKey(edge.to(), (MethodInvocationTree) edge.site().getLeaf(), map, key)) {
        return false;
      }
    }
    return true;
  }

  private final Map<Body, List<Body.Edge>> callsOfLookupClosers = new HashMap<>();

  /**
   * The synchronous calls in {@code body}, on this object, of methods that close what a map lookup returns: found once
   * per body, so that many puts in one body stay linear in its calls.
   */
  private List<Body.Edge> callsOfLookupClosers(Body body) {
    return callsOfLookupClosers.computeIfAbsent(
        body,
        b -> {
          List<Body.Edge> calls = new ArrayList<>();
          for (Body.Edge edge : b.outgoing()) {
            if (edge.kind() == Body.EdgeKind.SYNC
                && edge.site().getLeaf() instanceof MethodInvocationTree call
                && Receivers.isOnSelf(call)
                && !closesOfLookups(edge.to()).isEmpty()) {
              calls.add(edge);
            }
          }
          return calls;
        });
  }

  /**
   * Whether the value at {@code valuePath} is wrapped in {@code Optional.ofNullable(...)} (or {@code Optional.of})
   * whose {@code ifPresent} is given a function that closes its argument.
   */
  private boolean closedThroughAnOptional(TreePath valuePath) {
    TreePath wrapping = IotHubSdk.withEnclosingParentheses(valuePath).getParentPath();
    if (!(wrapping.getLeaf() instanceof MethodInvocationTree optional) || optional.getArguments().size() != 1) {
      return false;
    }
    MethodSymbol factory = ASTHelpers.getSymbol(optional);
    if (factory == null
        || !factory.isStatic()
        || !factory.owner.getQualifiedName().contentEquals("java.util.Optional")) {
      return false;
    }
    TreePath select = IotHubSdk.withEnclosingParentheses(wrapping).getParentPath();
    return select.getLeaf() instanceof MemberSelectTree member
        && member.getIdentifier().contentEquals("ifPresent")
        && select.getParentPath().getLeaf() instanceof MethodInvocationTree ifPresent
        && ifPresent.getArguments().size() == 1
        && closesItsArgument(new TreePath(select.getParentPath(), ifPresent.getArguments().get(0)));
  }

  /**
   * {@code Optional.ofNullable(clients.get(id)).ifPresent(DeviceClient::close);} running before the put, for the put's
   * map and key.
   */
  private boolean closedThroughAnOptionalBefore(
      TreePath path, Body body, @Nullable ClientRef map, ExpressionTree key) {
    for (TreePath lookup : lookupsClosedThroughAnOptional(body)) {
      TreePath statement = Fixes.statementOf(lookup);
      if (statement != null
          && isMapLookup((ExpressionTree) lookup.getLeaf(), map, key)
          && StatementOrder.runsBefore(statement, path)) {
        return true;
      }
    }
    return false;
  }

  private final Map<Body, List<TreePath>> lookupsClosedThroughAnOptional = new HashMap<>();

  /**
   * The map lookups in {@code body} whose value an {@code Optional}'s {@code ifPresent} closes: one walk of the body,
   * on its first put, kept for its other puts.
   */
  private List<TreePath> lookupsClosedThroughAnOptional(Body body) {
    return lookupsClosedThroughAnOptional.computeIfAbsent(
        body,
        b -> {
          List<TreePath> lookups = new ArrayList<>();
          new SameBodyScanner() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
              if (IotHubSdk.methodName(call).equals("ifPresent")
                  && ASTHelpers.getReceiver(call) instanceof MethodInvocationTree optional
                  && optional.getArguments().size() == 1
                  && mayBeMapLookup(optional.getArguments().get(0))) {
                TreePath lookup = TreePath.getPath(b.path(), optional.getArguments().get(0));
                if (lookup != null && closedThroughAnOptional(lookup)) {
                  lookups.add(lookup);
                }
              }
              return super.visitMethodInvocation(call, null);
            }
          }.scan(b.code() != null ? b.code() : b.tree(), null);
          return lookups;
        });
  }

  /** A function that closes the client it is given: {@code DeviceClient::close}, {@code c -> c.close()}, a helper. */
  private boolean closesItsArgument(TreePath function) {
    Tree tree = function.getLeaf();
    MethodSymbol method = tree instanceof MemberReferenceTree reference ? ASTHelpers.getSymbol(reference) : null;
    if (method != null) {
      if ((method.getSimpleName().contentEquals("close") || method.getSimpleName().contentEquals("closeNow"))
          && method.getParameters().isEmpty()
          && model.sdk().isClientType(method.owner.type)) {
        return true;
      }
      Body helper = model.bodyOf(method);
      return helper != null
          && method.isStatic()
          && method.getParameters().size() == 1
          && closesAnywhere(helper, ClientRef.ofVariable(method.getParameters().get(0)));
    }
    Body lambda = tree instanceof LambdaExpressionTree ? model.bodyAt(function) : null;
    return lambda != null
        && lambda.tree() == tree
        && ((LambdaExpressionTree) tree).getParameters().size() == 1
        && closesAnywhere(
            lambda, ClientRef.ofVariable(ASTHelpers.getSymbol(((LambdaExpressionTree) tree).getParameters().get(0))));
  }

  /**
   * Whether {@code helper}, called by {@code call} on this object, closes what its own {@code map.get(k)} or {@code
   * map.remove(k)} returns, with {@code k} a parameter to which the call passes {@code key}.
   */
  private boolean closesUnderItsKey(
      Body helper, MethodInvocationTree call, @Nullable ClientRef map, ExpressionTree key) {
    MethodSymbol method = helper.method();
    if (method == null || map == null || !map.isOwnField()) { // the call is on this: callsOfLookupClosers
      return false;
    }
    for (ConnectionCall close : closesOfLookups(helper)) {
      ExpressionTree lookup = throughFinalLocals(close.clientExpression());
      if ((isCallOn(lookup, map, "get") || isCallOn(lookup, map, "remove"))
          && lookup instanceof MethodInvocationTree get
          && get.getArguments().size() == 1
          && ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(get.getArguments().get(0)))
              instanceof VarSymbol parameter) {
        int index = method.getParameters().indexOf(parameter);
        if (index >= 0 && index < call.getArguments().size() && sameKey(call.getArguments().get(index), key)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the call stores a new client over the value the map holds without closing that value itself: a put or
   * replace of a new client; {@code compute}/{@code computeIfPresent} whose function returns a new client and does
   * not close the old value it is given; {@code merge} of a new client whose function returns the new value (or
   * another new client) and does not close the old one.
   */
  private boolean storesANewClientOverTheOld(TreePath path, MethodInvocationTree put, Body body) {
    List<? extends ExpressionTree> arguments = put.getArguments();
    MapStoreKind kind = model.mapStoreKind(put);
    if (kind == null) {
      return false;
    }
    if (kind.storesItsLastArgument()) {
      // registry.register(id, client) with put(id, client), called from re-entry code that just made the client
      ExpressionTree value = arguments.get(arguments.size() - 1);
      return model.isNewClient(value) || newClientFromAReentryCaller.test(value, body);
    }
    ExpressionTree last = IotHubSdk.stripParenthesesAndCasts(arguments.get(arguments.size() - 1));
    if (!(last instanceof LambdaExpressionTree function) || function.getParameters().size() != 2) {
      return false; // a method reference or a function object: what it stores is not read
    }
    Body functionBody = model.bodyAt(new TreePath(path, function));
    if (functionBody == null || functionBody.tree() != function) {
      return false;
    }
    boolean merging = kind == MapStoreKind.MERGE;
    if (merging && !model.isNewClient(arguments.get(1))) {
      return false;
    }
    VarSymbol oldValue = ASTHelpers.getSymbol(function.getParameters().get(merging ? 0 : 1));
    VarSymbol givenValue = merging ? ASTHelpers.getSymbol(function.getParameters().get(1)) : null;
    if (oldValue == null || closesAnywhere(functionBody, ClientRef.ofVariable(oldValue))) {
      return false;
    }
    for (ExpressionTree returned : returnedBy(function, functionBody)) {
      if (model.isNewClient(returned)
          || (givenValue != null && ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(returned)) == givenValue)) {
        return true;
      }
    }
    return false;
  }

  /** What the function returns: its expression body, or the values of its own {@code return} statements. */
  private static List<ExpressionTree> returnedBy(LambdaExpressionTree function, Body functionBody) {
    return function.getBody() instanceof ExpressionTree expression
        ? List.of(expression)
        : functionBody.returnedExpressions();
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
            if (call.op().closes() && mayBeMapLookup(call.clientExpression())) {
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
  private boolean isAbsenceChecked(Facts facts, ClientRef map) {
    for (Condition condition : facts.conditions()) {
      if (establishesAbsence(condition.expression(), condition.value(), map)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code cache.add(id, client)} whose body stores its parameter ({@code clients.put(id, client)}): every caller calls
   * it only where the map holds nothing ({@code if (cache.get(id) == null)}, through a method of the map's class that
   * returns its lookup), so the put replaces no client.
   */
  private boolean isAbsenceCheckedByEveryCaller(MethodInvocationTree put, Body body, ClientRef map) {
    MethodSymbol method = body.method();
    ExpressionTree value = put.getArguments().get(put.getArguments().size() - 1);
    if (method == null
        || body.root() != Body.Root.NONE
        || body.incoming().isEmpty()
        || !method.getParameters().contains(ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(value)))) {
      return false;
    }
    for (Body.Edge edge : body.incoming()) {
      if (!isAbsenceChecked(analyses.pathFacts().factsAt(edge.site()), map)) {
        return false;
      }
    }
    return true;
  }

  private boolean establishesAbsence(ExpressionTree expression, boolean value, ClientRef map) {
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
      return (isCallOn(test.operand(), map, "get") || isLookupThroughAMethod(test.operand(), map))
          && test.trueWhenNull() == value;
    }
    return !value && isCallOn(tree, map, "containsKey");
  }

  /** {@code cache.get(id)} where every {@code return} of that method is {@code map.get(...)}. */
  private boolean isLookupThroughAMethod(ExpressionTree expression, ClientRef map) {
    MethodSymbol method =
        IotHubSdk.stripParenthesesAndCasts(expression) instanceof MethodInvocationTree call
            ? ASTHelpers.getSymbol(call)
            : null;
    List<ExpressionTree> returned = method == null ? List.of() : model.returnedExpressions(method);
    for (ExpressionTree value : returned) {
      if (!isCallOn(value, map, "get")) {
        return false;
      }
    }
    return !returned.isEmpty();
  }

  private static boolean isCallOn(ExpressionTree expression, ClientRef map, String method) {
    return IotHubSdk.stripParenthesesAndCasts(expression) instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree member
        && member.getIdentifier().contentEquals(method)
        && map.equals(ClientRef.of(member.getExpression()));
  }

  /** {@code map.method(key)}: a lookup of {@code key} in {@code map}. */
  private boolean isCallOn(ExpressionTree expression, ClientRef map, String method, ExpressionTree key) {
    return isCallOn(expression, map, method)
        && IotHubSdk.stripParenthesesAndCasts(expression) instanceof MethodInvocationTree call
        && !call.getArguments().isEmpty()
        && sameKey(call.getArguments().get(0), key);
  }

  /**
   * Whether two key expressions name the same key: equal constants, or the same expression once effectively final
   * locals are read through ({@code k} initialized with {@code id} is {@code id}); a lookup of another key closes
   * another value.
   */
  private boolean sameKey(ExpressionTree first, ExpressionTree second) {
    ExpressionTree a = throughFinalLocals(first);
    ExpressionTree b = throughFinalLocals(second);
    Object constant = ASTHelpers.constValue(a);
    return constant != null ? constant.equals(ASTHelpers.constValue(b)) : a.toString().equals(b.toString());
  }

  private ExpressionTree throughFinalLocals(ExpressionTree expression) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    // locals are declared before they are read, so the chain of initializers ends
    while (tree instanceof IdentifierTree
        && ASTHelpers.getSymbol(tree) instanceof VarSymbol local
        && local.getKind() == ElementKind.LOCAL_VARIABLE
        && model.finalLocalInitializer(local) != null) {
      tree = IotHubSdk.stripParenthesesAndCasts(model.finalLocalInitializer(local));
    }
    return tree;
  }

  private boolean isMapLookup(@Nullable ExpressionTree expression, @Nullable ClientRef map, ExpressionTree key) {
    if (expression == null || map == null) {
      return false;
    }
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    if (isCallOn(tree, map, "get", key) || isCallOn(tree, map, "remove", key)) {
      return true;
    }
    if (ASTHelpers.getSymbol(tree) instanceof VarSymbol local && local.getKind() != ElementKind.FIELD) {
      ExpressionTree initializer = model.finalLocalInitializer(local);
      return initializer != null && initializer != expression && isMapLookup(initializer, map, key);
    }
    return false;
  }

  private boolean closesAnywhere(Body body, ClientRef client) {
    return !analyses.effects().closeSites(body, client).isEmpty();
  }
}
