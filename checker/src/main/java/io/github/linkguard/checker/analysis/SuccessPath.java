package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a loop's round knows after its attempt succeeded: the locals that are set only when a failure is caught still
 * hold their first value, so an {@code if} on them ({@code if (failed) return;}) runs one branch only. {@link
 * LoopExits} uses it so that a loop left only when the attempt failed is not taken for a retry.
 *
 * <p>Cost: one pass over a block's statements per block (and per loop, as {@link LoopExits} asks); what a method
 * returns when nothing fails is read once per method.
 */
final class SuccessPath {
  private final CompilationModel model;
  /** Per method: what it returns when nothing fails, or null when that is not one boolean literal. */
  private final Map<Body, @Nullable Boolean> resultsWhenNothingFails = new HashMap<>();

  SuccessPath(CompilationModel model) {
    this.model = model;
  }

  /**
   * The locals of a block that still hold their first value when no failure was caught: assigned again only in {@code
   * catch} clauses ({@code boolean failed = false; try { open(); } catch (...) { failed = true; }}), and first a
   * constant or what a method of the compilation returns when nothing fails ({@code failed = !openOnce();}).
   */
  KnownValues valuesAfterSuccess(List<? extends StatementTree> statements) {
    Map<Symbol, Object> values = new HashMap<>();
    for (StatementTree statement : statements) {
      Object value =
          statement instanceof VariableTree local && local.getInitializer() != null
              ? valueAfterSuccess(local.getInitializer())
              : null;
      if (value != null && ASTHelpers.getSymbol(statement) != null) {
        values.put(ASTHelpers.getSymbol(statement), value);
      }
    }
    for (StatementTree statement : values.isEmpty() ? List.<StatementTree>of() : statements) {
      values.keySet().removeAll(Assignments.among(statement, values.keySet(), false).keySet());
    }
    return new KnownValues(values);
  }

  private @Nullable Object valueAfterSuccess(ExpressionTree initializer) {
    Object constant = KnownValues.constantValue(initializer);
    if (constant != null) {
      return constant;
    }
    ExpressionTree value = IotHubSdk.stripParenthesesAndCasts(initializer);
    boolean negated = value instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT;
    if (negated) {
      value = IotHubSdk.stripParenthesesAndCasts(((UnaryTree) value).getExpression());
    }
    Body called = value instanceof MethodInvocationTree call ? model.bodyOf(ASTHelpers.getSymbol(call)) : null;
    if (called == null) {
      return null;
    }
    if (!resultsWhenNothingFails.containsKey(called)) {
      resultsWhenNothingFails.put(called, resultWhenNothingFails(called));
    }
    Boolean result = resultsWhenNothingFails.get(called);
    return result == null ? null : result != negated;
  }

  /**
   * The boolean literal every {@code return} of a method outside its {@code catch} clauses gives ({@code try { open();
   * return true; } catch (...) { return false; }}): what it returns when nothing failed; null when they differ, one is
   * not a literal, or there is none.
   */
  private static @Nullable Boolean resultWhenNothingFails(Body method) {
    Set<Boolean> results = new HashSet<>();
    boolean[] unknown = {!(method.tree() instanceof MethodTree)};
    new SameBodyScanner() {
      @Override
      public Void visitCatch(CatchTree clause, Void unused) {
        return null;
      }

      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        Boolean literal = tree.getExpression() == null ? null : ConditionEvaluator.booleanLiteral(tree.getExpression());
        unknown[0] |= literal == null;
        if (literal != null) {
          results.add(literal);
        }
        return null;
      }
    }.scan(method.tree() instanceof MethodTree tree ? tree.getBody() : null, null);
    return unknown[0] || results.size() != 1 ? null : results.iterator().next();
  }

  /**
   * What of {@code statement} runs after a round whose attempt succeeded: the branch of an {@code if} that the locals
   * set only on failure decide ({@code if (failed) return;} runs nothing then), else the whole statement; null when
   * nothing of it runs.
   */
  static @Nullable StatementTree partRunAfterSuccess(StatementTree statement, KnownValues afterSuccess) {
    if (afterSuccess.assigned().isEmpty() || !(statement instanceof IfTree decision)) {
      return statement;
    }
    boolean canHold = ConditionEvaluator.evaluate(decision.getCondition(), true, afterSuccess);
    boolean canFail = ConditionEvaluator.evaluate(decision.getCondition(), false, afterSuccess);
    if (canHold && canFail) {
      return statement;
    }
    return canHold ? decision.getThenStatement() : decision.getElseStatement();
  }

  /**
   * {@code try { client.open(); ok = true; } catch (...) { ... } finally { keepTrying = !ok; }}: the finally sets a
   * variable of the loop condition, from the constants the try block assigns after the attempt, to a value under
   * which the condition is false. Only top-level statements of both blocks are read.
   */
  static boolean finallyEndsTheLoopAfter(
      TryTree tryTree, TreePath anchor, @Nullable ExpressionTree condition, Set<Symbol> conditionVariables) {
    if (tryTree.getFinallyBlock() == null || condition == null) {
      return false;
    }
    // the statement of the try block that holds the attempt (none when the attempt is in a catch or the finally)
    Tree attemptStatement = null;
    for (TreePath current = anchor;
        current.getParentPath() != null && current.getLeaf() != tryTree;
        current = current.getParentPath()) {
      if (current.getParentPath().getLeaf() == tryTree.getBlock()) {
        attemptStatement = current.getLeaf();
        break;
      }
    }
    Map<Symbol, Object> afterSuccess = new HashMap<>();
    boolean afterAttempt = false;
    for (StatementTree statement : tryTree.getBlock().getStatements()) {
      AssignmentTree assignment = Assignments.of(statement);
      Object value = assignment == null ? null : KnownValues.constantValue(assignment.getExpression());
      Symbol variable = assignment == null ? null : ASTHelpers.getSymbol(assignment.getVariable());
      if (afterAttempt && value != null && variable != null) {
        afterSuccess.put(variable, value);
      }
      afterAttempt |= statement == attemptStatement;
    }
    if (attemptStatement == null || afterSuccess.isEmpty()) {
      return false;
    }
    KnownValues succeeded = new KnownValues(afterSuccess);
    for (StatementTree statement : tryTree.getFinallyBlock().getStatements()) {
      AssignmentTree assignment = Assignments.of(statement);
      Symbol variable = assignment == null ? null : ASTHelpers.getSymbol(assignment.getVariable());
      if (variable == null || !conditionVariables.contains(variable)) {
        continue;
      }
      boolean mayBeTrue = ConditionEvaluator.evaluate(assignment.getExpression(), true, succeeded);
      boolean mayBeFalse = ConditionEvaluator.evaluate(assignment.getExpression(), false, succeeded);
      if (mayBeTrue != mayBeFalse
          && !ConditionEvaluator.evaluate(condition, true, new KnownValues(Map.of(variable, mayBeTrue)))) {
        return true;
      }
    }
    return false;
  }
}
