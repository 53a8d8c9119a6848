package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * Where a function value (lambda, method reference, anonymous or same-class task object) goes: straight to a
 * hand-off API, into a same-class method's parameter, into a variable, or nowhere that runs it elsewhere. Whether that
 * destination runs it on another thread is decided by {@link CallGraph} once every hand-off is known.
 *
 * <p>Cost of {@link #of}: a climb through the parentheses, casts and {@code ?:} branches around the value, then
 * constant work; a value returned from a lambda climbs once more per enclosing returned lambda (the nesting of one
 * expression).
 */
record Destination(
    boolean handOffApi, @Nullable MethodSymbol callee, int index, @Nullable VarSymbol variable,
    boolean returned, @Nullable MethodSymbol producer, boolean storedByALibrary, boolean givenToAnOpaqueMethod) {
  static final Destination SYNC = new Destination(false, null, -1, null);
  static final Destination HAND_OFF_API = new Destination(true, null, -1, null);
  /**
   * Kept by a library as a plain element ({@code queue.offer(task)}, {@code list.add(task)}): the parameter is a type
   * variable or {@code Object}, so the library stores the function and does not run it there.
   */
  static final Destination STORED_BY_A_LIBRARY = new Destination(false, null, -1, null, false, null, true, false);
  /**
   * Given to a method without source that is neither the JDK's nor the SDK's ({@code activity.runOnUiThread(task)},
   * {@code BackgroundWork.runLater(task, 5)} of another module): whether it runs the function now, later or on another
   * thread is not known. It is read as a hand-off that is no re-entry site of its own: the path goes on into it with
   * its guards, and it is not code on the caller's thread. A retry library's attempt is read as that library's rules
   * say ({@link CallGraph}).
   */
  static final Destination GIVEN_TO_AN_OPAQUE_METHOD =
      new Destination(false, null, -1, null, false, null, false, true);

  Destination(boolean handOffApi, @Nullable MethodSymbol callee, int index, @Nullable VarSymbol variable) {
    this(handOffApi, callee, index, variable, false, null, false, false);
  }

  /**
   * Returned to the caller ({@code return () -> ...}, or the body of a lambda that is itself returned): it runs
   * wherever the caller of {@code producer} sends the result, not where it is created.
   */
  static Destination returnedBy(@Nullable MethodSymbol producer) {
    return new Destination(false, null, -1, null, true, producer, false, false);
  }

  /** Where the function value at {@code path} goes; {@code declaredHere} tells which methods have followed source. */
  static Destination of(TreePath path, IotHubSdk sdk, Predicate<Symbol> declaredHere) {
    TreePath parent = path.getParentPath();
    Tree child = path.getLeaf();
    // a value chosen by ?: (cond ? this::reopen : this::noop) goes where the whole expression goes
    while (parent != null
        && (parent.getLeaf().getKind() == Tree.Kind.PARENTHESIZED
            || parent.getLeaf().getKind() == Tree.Kind.TYPE_CAST
            || (parent.getLeaf() instanceof ConditionalExpressionTree choice && choice.getCondition() != child))) {
      child = parent.getLeaf();
      parent = parent.getParentPath();
    }
    if (parent == null) {
      return SYNC;
    }
    Tree leaf = parent.getLeaf();
    List<? extends ExpressionTree> arguments = null;
    if (leaf instanceof MethodInvocationTree call && call.getMethodSelect() != child) {
      if (sdk.isHandOff(call)) {
        return HAND_OFF_API;
      }
      arguments = call.getArguments();
    } else if (leaf instanceof NewClassTree newClass && newClass.getClassBody() != child) {
      if (sdk.isHandOff(newClass) && !isRunInPlace(parent)) {
        return HAND_OFF_API;
      }
      arguments = newClass.getArguments();
    }
    if (arguments != null) {
      Symbol callee = ASTHelpers.getSymbol(leaf);
      int index = arguments.indexOf(child);
      if (!(callee instanceof MethodSymbol method) || index < 0) {
        return SYNC;
      }
      if (declaredHere.test(method)) {
        return new Destination(false, method, index, null);
      }
      if (takesAPlainElement(method, index)) {
        return STORED_BY_A_LIBRARY;
      }
      return isJdkOrSdkMethod(method) ? SYNC : GIVEN_TO_AN_OPAQUE_METHOD;
    }
    if (leaf instanceof MemberSelectTree started
        && started.getExpression() == child
        && started.getIdentifier().contentEquals("start")
        && parent.getParentPath() != null
        && parent.getParentPath().getLeaf() instanceof MethodInvocationTree start
        && start.getArguments().isEmpty()
        && sdk.isSubtypeOf(ASTHelpers.getType(child), "java.lang.Thread")) {
      return HAND_OFF_API; // new Restarter(client).start(): a Thread subclass started runs its run() on its thread
    }
    if (leaf instanceof VariableTree variable && variable.getInitializer() == child) {
      return new Destination(false, null, -1, ASTHelpers.getSymbol(variable));
    }
    if (leaf instanceof AssignmentTree assignment
        && assignment.getExpression() == child
        && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol variable) {
      return new Destination(false, null, -1, variable);
    }
    if (leaf instanceof ReturnTree || (leaf instanceof LambdaExpressionTree lambda && lambda.getBody() == child)) {
      return returnedBy(producingMethod(parent, sdk, declaredHere));
    }
    return SYNC;
  }

  /**
   * The method whose call yields what is returned at {@code path}: the method around it, or, for a return inside a
   * lambda that is itself returned ({@code return c -> () -> ...}), the method that returns that lambda.
   */
  private static @Nullable MethodSymbol producingMethod(
      TreePath path, IotHubSdk sdk, Predicate<Symbol> declaredHere) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree method) {
        return ASTHelpers.getSymbol(method);
      }
      if (leaf instanceof LambdaExpressionTree) {
        Destination outer = of(current, sdk, declaredHere);
        return outer.returned() ? outer.producer() : null;
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /**
   * Whether the library method's parameter at {@code index} is declared as a type variable or {@code Object} (for a
   * varargs parameter: its element type): the method can keep the value, but it cannot call it as a function.
   */
  private static boolean takesAPlainElement(MethodSymbol method, int index) {
    List<VarSymbol> parameters = method.getParameters();
    if (parameters.isEmpty()) {
      return false;
    }
    boolean inVarargs = method.isVarArgs() && index >= parameters.size() - 1;
    if (!inVarargs && index >= parameters.size()) {
      return false;
    }
    Type declared = parameters.get(Math.min(index, parameters.size() - 1)).type;
    if (inVarargs && declared instanceof Type.ArrayType array) {
      declared = array.elemtype;
    }
    return declared != null
        && (declared.getKind() == TypeKind.TYPEVAR
            || (declared.tsym != null && declared.tsym.getQualifiedName().contentEquals("java.lang.Object")));
  }

  /**
   * A method of the JDK ({@code forEach}, {@code ifPresent}, {@code computeIfAbsent}: the function runs in place) or of
   * the SDK (its callbacks are known by their interfaces).
   */
  private static boolean isJdkOrSdkMethod(MethodSymbol method) {
    String owner = method.outermostClass().getQualifiedName().toString();
    return owner.startsWith("java.")
        || owner.startsWith("javax.")
        || owner.startsWith("jdk.")
        || owner.startsWith("com.microsoft.azure.sdk.iot.");
  }

  /** {@code new Thread(task).run()}: run() executes the task on the calling thread; only start() hands it off. */
  private static boolean isRunInPlace(TreePath newThread) {
    TreePath parent = IotHubSdk.withEnclosingParentheses(newThread).getParentPath();
    return parent != null
        && parent.getLeaf() instanceof MemberSelectTree member
        && member.getIdentifier().contentEquals("run")
        && parent.getParentPath().getLeaf() instanceof MethodInvocationTree;
  }
}
