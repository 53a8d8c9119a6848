package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import io.github.linkguard.checker.analysis.PendingLinks.Forward;
import io.github.linkguard.checker.analysis.RetryConstruct.LoopRetry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Retries through a function parameter: a method of the compilation that runs its function parameter in a loop that
 * ends once the function succeeds ({@code withRetry(() -> client.open())}) retries the opens of the lambdas and
 * method references it is given: passed to it directly, through parameters forwarded to it ({@code execute(attempt)}
 * calling {@code doExecute(attempt)}, as hand-rolled RetryTemplates do), or kept in an effectively final local or a
 * field that is passed. An anonymous class in the same place is reached by dispatch instead, and retried by the loop
 * itself.
 *
 * <p>Cost: only functions that run an open() are followed. Their calls give the methods to search; forwards of
 * parameters are followed forwards from those methods to the looping methods (a set of visited methods), and the
 * loops' retried parameters backwards along the same forwards (a worklist): O(opening functions + forwards + the
 * loops of the methods reached).
 */
final class RetriesThroughFunctions {
  /** Where a function value is passed: argument {@code index} of {@code call}. */
  private record Passed(MethodInvocationTree call, int index) {}

  /** A lambda or method reference that runs an open(): its body, and the calls it is passed to. */
  private record OpeningFunction(Body body, List<Passed> passes) {}

  /** An object of a class of the compilation created right in argument {@code index} of {@code call}. */
  private record PassedObject(Passed passed, ClassSymbol created) {}

  /** A parameter a loop calls {@code invoked} on until the call succeeds, and that loop. */
  private record ParameterRetry(LoopRetry retry, MethodSymbol invoked) {}

  private RetriesThroughFunctions() {}

  /** Calls {@code found} with each open() retried through a function parameter, and the loop that retries it. */
  static void find(CompilationModel model, LoopExits loopExits, BiConsumer<ConnectionCall, LoopRetry> found) {
    List<OpeningFunction> openingFunctions = new ArrayList<>(openingFunctions(model));
    openingFunctions.addAll(openingFieldFunctions(model));
    List<PassedObject> openingObjects = openingObjects(model);
    if (openingFunctions.isEmpty() && openingObjects.isEmpty()) {
      return;
    }
    Map<MethodSymbol, List<Forward>> forwardsByCaller = new HashMap<>();
    for (Forward forward : model.scan().links.forwards) {
      if (forward.parameter().owner instanceof MethodSymbol caller) {
        forwardsByCaller.computeIfAbsent(caller, k -> new ArrayList<>()).add(forward);
      }
    }
    Set<MethodSymbol> given = new HashSet<>(); // methods a function that opens can be passed to, forwards included
    Deque<MethodSymbol> work = new ArrayDeque<>();
    for (OpeningFunction function : openingFunctions) {
      for (Passed passed : function.passes()) {
        MethodSymbol method = ASTHelpers.getSymbol(passed.call());
        if (method != null && given.add(method)) {
          work.add(method);
        }
      }
    }
    for (PassedObject object : openingObjects) {
      MethodSymbol method = ASTHelpers.getSymbol(object.passed().call());
      if (method != null && given.add(method)) {
        work.add(method);
      }
    }
    while (!work.isEmpty()) {
      for (Forward forward : forwardsByCaller.getOrDefault(work.poll(), List.of())) {
        if (given.add(forward.callee())) {
          work.add(forward.callee());
        }
      }
    }
    Map<MethodSymbol, Map<Integer, ParameterRetry>> retried = retriedParameters(model, loopExits, given);
    if (retried.isEmpty()) {
      return;
    }
    addForwardedRetries(retried, forwardsByCaller, given);
    for (OpeningFunction function : openingFunctions) {
      for (Passed passed : function.passes()) {
        ParameterRetry retry = retryOf(retried, passed);
        if (retry != null) {
          for (ConnectionCall open : model.syncReachableOpens(function.body())) {
            found.accept(open, retry.retry());
          }
          break; // one retry per function: its first call that runs it in a loop
        }
      }
    }
    for (PassedObject object : openingObjects) {
      // withRetry(new Callable<>() { ... }): the loop's op.call() runs the object's own call()
      ParameterRetry retry = retryOf(retried, object.passed());
      MethodSymbol implementation =
          retry == null ? null : retry.invoked().implementation(object.created(), model.state().getTypes(), true);
      Body body = implementation == null ? null : model.bodyOf(implementation);
      for (ConnectionCall open : body == null ? Set.<ConnectionCall>of() : model.syncReachableOpens(body)) {
        found.accept(open, retry.retry());
      }
    }
  }

  private static @Nullable ParameterRetry retryOf(
      Map<MethodSymbol, Map<Integer, ParameterRetry>> retried, Passed passed) {
    Map<Integer, ParameterRetry> byIndex = retried.get(ASTHelpers.getSymbol(passed.call()));
    return byIndex == null ? null : byIndex.get(passed.index());
  }

  /**
   * Objects of classes of the compilation (anonymous or named) created right in an argument of a call of a method of
   * the compilation, when one of their methods runs an open(): only such objects can add a retry through a parameter.
   */
  private static List<PassedObject> openingObjects(CompilationModel model) {
    List<PassedObject> objects = new ArrayList<>();
    Map<ClassSymbol, Boolean> opening = new HashMap<>();
    for (PendingLinks.CreatedArgument argument : model.scan().links.createdArguments) {
      ClassSymbol created = PendingLinks.classCreatedBy(argument.creation());
      if (created != null && opening.computeIfAbsent(created, c -> hasMethodReachingAnOpen(model, c))) {
        objects.add(new PassedObject(new Passed(argument.call(), argument.index()), created));
      }
    }
    return objects;
  }

  private static boolean hasMethodReachingAnOpen(CompilationModel model, ClassSymbol created) {
    for (Symbol member : created.members().getSymbols(symbol -> symbol instanceof MethodSymbol)) {
      Body body = model.bodyOf((MethodSymbol) member);
      if (body != null && model.syncReachesAnOpen(body)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lambdas and method references that run an open() and are passed to a call, one per edge into their bodies
   * (in body order), each with where it is passed: only the called methods' loops can retry an open() through a
   * function parameter, and only these functions can then add a retry.
   */
  private static List<OpeningFunction> openingFunctions(CompilationModel model) {
    List<OpeningFunction> functions = new ArrayList<>();
    for (Body body : model.bodies()) {
      if (!model.syncReachesAnOpen(body)) {
        continue;
      }
      for (Body.Edge edge : body.incoming()) {
        List<Passed> passes = edge.kind() == Body.EdgeKind.SYNC ? passedAt(model, edge) : List.of();
        if (!passes.isEmpty()) {
          functions.add(new OpeningFunction(edge.to(), passes));
        }
      }
    }
    return functions;
  }

  /**
   * The lambdas that run an open() and are kept in a field ({@code private final Attempt connect = round -> ...}, or
   * assigned to it), each with the calls of the compilation that pass that field: passed on, such a lambda is the
   * attempt of the method it is passed to, as one kept in a local is. Only lambdas that run an open() are looked at,
   * and the calls are read once, when there is one.
   */
  private static List<OpeningFunction> openingFieldFunctions(CompilationModel model) {
    Map<Body, VarSymbol> heldIn = new LinkedHashMap<>();
    for (Body body : model.bodies()) {
      // the set lookup first: it leaves the trees of most bodies of a large compilation untouched
      if (model.syncReachesAnOpen(body) && body.tree() instanceof LambdaExpressionTree) {
        VarSymbol field = fieldStoredIn(body.path());
        if (field != null) {
          heldIn.put(body, field);
        }
      }
    }
    if (heldIn.isEmpty()) {
      return List.of();
    }
    Map<VarSymbol, List<Passed>> passesOfField = new HashMap<>();
    for (VarSymbol field : heldIn.values()) {
      passesOfField.put(field, new ArrayList<>());
    }
    for (PendingLinks.PendingEdge edge : model.scan().links.edges) {
      if (edge.site().getLeaf() instanceof MethodInvocationTree call) {
        for (int i = 0; i < call.getArguments().size(); i++) {
          ExpressionTree argument = IotHubSdk.stripParenthesesAndCasts(call.getArguments().get(i));
          List<Passed> passes =
              argument instanceof IdentifierTree || argument.getKind() == Tree.Kind.MEMBER_SELECT
                  ? passesOfField.get(ASTHelpers.getSymbol(argument))
                  : null;
          if (passes != null) {
            passes.add(new Passed(call, i));
          }
        }
      }
    }
    List<OpeningFunction> functions = new ArrayList<>();
    for (Map.Entry<Body, VarSymbol> held : heldIn.entrySet()) {
      List<Passed> passes = passesOfField.get(held.getValue());
      if (!passes.isEmpty()) {
        functions.add(new OpeningFunction(held.getKey(), passes));
      }
    }
    return functions;
  }

  /** The field a lambda is stored in: its initializer, or the value assigned to it; null otherwise. */
  private static @Nullable VarSymbol fieldStoredIn(TreePath lambda) {
    TreePath value = IotHubSdk.withEnclosingParentheses(lambda);
    Tree parent = value.getParentPath() == null ? null : value.getParentPath().getLeaf();
    Symbol target =
        parent instanceof VariableTree declaration && declaration.getInitializer() == value.getLeaf()
            ? ASTHelpers.getSymbol(declaration)
            : parent instanceof AssignmentTree assignment && assignment.getExpression() == value.getLeaf()
                ? ASTHelpers.getSymbol(assignment.getVariable())
                : null;
    return target instanceof VarSymbol field && field.getKind() == ElementKind.FIELD ? field : null;
  }

  /**
   * Where the function value at the edge's site is passed: the call it is an argument of, or the calls in the body
   * that creates it that pass the effectively final local it initializes.
   */
  private static List<Passed> passedAt(CompilationModel model, Body.Edge edge) {
    TreePath site = edge.site();
    if (!(site.getLeaf() instanceof LambdaExpressionTree) && !(site.getLeaf() instanceof MemberReferenceTree)) {
      return List.of();
    }
    TreePath value = IotHubSdk.withEnclosingParentheses(site);
    Tree parent = value.getParentPath() == null ? null : value.getParentPath().getLeaf();
    if (parent instanceof MethodInvocationTree call) {
      int index = call.getArguments().indexOf(value.getLeaf());
      return index < 0 ? List.of() : List.of(new Passed(call, index));
    }
    VarSymbol local = parent instanceof VariableTree declaration && declaration.getInitializer() == value.getLeaf()
        ? ASTHelpers.getSymbol(declaration)
        : null;
    if (local == null || local.getKind() == ElementKind.FIELD || model.finalLocalInitializer(local) == null) {
      return List.of();
    }
    List<Passed> passes = new ArrayList<>();
    new SameBodyScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        for (int i = 0; i < call.getArguments().size(); i++) {
          ExpressionTree argument = IotHubSdk.stripParenthesesAndCasts(call.getArguments().get(i));
          if (argument instanceof IdentifierTree && ASTHelpers.getSymbol(argument) == local) {
            passes.add(new Passed(call, i));
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(edge.from().tree(), null);
    return passes;
  }

  /**
   * For each method in {@code given}, the parameters it calls inside a loop that ends once the call succeeds, with
   * that loop.
   */
  private static Map<MethodSymbol, Map<Integer, ParameterRetry>> retriedParameters(
      CompilationModel model, LoopExits loopExits, Set<MethodSymbol> given) {
    Map<MethodSymbol, Map<Integer, ParameterRetry>> retried = new HashMap<>();
    for (TreePath loopPath : model.loops()) {
      Body loopBody = model.bodyAt(loopPath);
      MethodSymbol method = loopBody == null ? null : loopBody.method();
      if (method == null || method.getParameters().isEmpty() || !given.contains(method)) {
        continue;
      }
      new SameBodyScanner() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          int index = -1;
          ExpressionTree callReceiver = ASTHelpers.getReceiver(call);
          if (callReceiver != null
              && IotHubSdk.stripParenthesesAndCasts(callReceiver) instanceof IdentifierTree receiver
              && ASTHelpers.getSymbol(receiver) instanceof VarSymbol parameter) {
            index = method.getParameters().indexOf(parameter);
          }
          TreePath invocation = index >= 0 ? TreePath.getPath(loopPath, call) : null;
          if (invocation != null && loopExits.leavesAfterSuccess(loopPath, invocation)) {
            retried
                .computeIfAbsent(method, m -> new HashMap<>())
                .putIfAbsent(
                    index, new ParameterRetry(new LoopRetry(loopPath, invocation, true), ASTHelpers.getSymbol(call)));
          }
          return super.visitMethodInvocation(call, null);
        }
      }.scan(loopPath.getLeaf(), null);
    }
    return retried;
  }

  /**
   * A parameter forwarded to a retried parameter is retried by the same loop ({@code execute(attempt)} calling
   * {@code doExecute(attempt)}): backwards along the forwards, each parameter once.
   */
  private static void addForwardedRetries(
      Map<MethodSymbol, Map<Integer, ParameterRetry>> retried,
      Map<MethodSymbol, List<Forward>> forwardsByCaller,
      Set<MethodSymbol> given) {
    Map<MethodSymbol, List<Forward>> forwardsByCallee = new HashMap<>();
    for (MethodSymbol caller : given) {
      for (Forward forward : forwardsByCaller.getOrDefault(caller, List.of())) {
        forwardsByCallee.computeIfAbsent(forward.callee(), k -> new ArrayList<>()).add(forward);
      }
    }
    Deque<MethodSymbol> work = new ArrayDeque<>(retried.keySet());
    while (!work.isEmpty()) {
      MethodSymbol callee = work.poll();
      Map<Integer, ParameterRetry> calleeRetries = retried.get(callee);
      for (Forward forward : forwardsByCallee.getOrDefault(callee, List.of())) {
        ParameterRetry retry = calleeRetries.get(forward.index());
        MethodSymbol caller = (MethodSymbol) forward.parameter().owner;
        int index = caller.getParameters().indexOf(forward.parameter());
        if (retry != null
            && index >= 0
            && retried.computeIfAbsent(caller, m -> new HashMap<>()).putIfAbsent(index, retry) == null) {
          work.add(caller);
        }
      }
    }
  }
}
