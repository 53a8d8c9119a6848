package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Whether a method's local holds a client created in that method on every path to each {@code return} of it (or to
 * one statement of it):
 * {@code DeviceClient c = null; try { c = new DeviceClient(...); c.open(); return c; } catch (...) { ... } throw ...}
 * returns a new client wherever it returns. A transfer of {@link StatementFlow}: the fact is "the local holds a new
 * client here", true on no path, kept where both paths keep it; an assignment of a new client sets it, any other
 * assignment clears it, and a loop's round starts without it when the loop assigns the local (no fixpoint needed).
 *
 * <p>Cost: one pass over the method's statements, plus a look into each statement the flow does not enter for
 * assignments of the local; asked only of methods returning a client type that return a local.
 */
final class FreshLocalAtReturns implements StatementFlow.Transfer<Boolean> {
  private final VarSymbol local;
  private final Predicate<@Nullable ExpressionTree> isNewClient;
  /** The statement asked about, or null when the question is about every {@code return local;}. */
  private final @Nullable StatementTree point;
  private boolean everyReturnFresh = true;
  private boolean pointReached;
  private boolean freshAtPoint = true;

  private FreshLocalAtReturns(
      VarSymbol local, Predicate<@Nullable ExpressionTree> isNewClient, @Nullable StatementTree point) {
    this.local = local;
    this.isNewClient = isNewClient;
    this.point = point;
  }

  /** Whether every {@code return local;} of {@code body} returns a client created in it. */
  static boolean atEveryReturn(StatementTree body, VarSymbol local, Predicate<@Nullable ExpressionTree> isNewClient) {
    FreshLocalAtReturns transfer = new FreshLocalAtReturns(local, isNewClient, null);
    new StatementFlow<>(transfer).run(body, false);
    return transfer.everyReturnFresh;
  }

  /**
   * Whether the local holds a client created in {@code body} on every path to {@code point}, a statement of it
   * ({@code DeviceClient c = null; try { c = new ...; c.open(); } catch (...) { throw ...; } field = c;}).
   */
  static boolean atStatement(
      StatementTree body, VarSymbol local, StatementTree point, Predicate<@Nullable ExpressionTree> isNewClient) {
    FreshLocalAtReturns transfer = new FreshLocalAtReturns(local, isNewClient, point);
    new StatementFlow<>(transfer).run(body, false);
    return transfer.pointReached && transfer.freshAtPoint;
  }

  @Override
  public Boolean dead() {
    return true;
  }

  @Override
  public Boolean join(Boolean first, Boolean second) {
    return first && second;
  }

  @Override
  public Boolean leaf(StatementTree statement, Boolean in) {
    if (statement == point) {
      pointReached = true;
      freshAtPoint &= in;
    }
    if (statement instanceof ReturnTree returned && names(returned.getExpression())) {
      everyReturnFresh &= in;
    }
    if (NormalCompletion.isJump(statement)) {
      return dead(); // the flow carries a break or continue to where it lands
    }
    if (statement instanceof VariableTree variable && ASTHelpers.getSymbol(variable) == local) {
      return isNewClient.test(variable.getInitializer());
    }
    if (statement instanceof ExpressionStatementTree expression
        && IotHubSdk.stripParenthesesAndCasts(expression.getExpression()) instanceof AssignmentTree assignment
        && names(assignment.getVariable())) {
      return isNewClient.test(assignment.getExpression());
    }
    return in && !assigns(statement);
  }

  @Override
  public Boolean enter(Tree holder, @Nullable Tree part, Boolean in) {
    // The flow does not look into conditions and selectors, and a loop's later round starts from the end of the one
    // before (not followed: no fixpoint): where those assign the local, the part starts without the fact.
    Tree assigning =
        holder instanceof IfTree ifTree ? ifTree.getCondition()
            : holder instanceof SwitchTree switchTree ? switchTree.getExpression()
            : holder instanceof SynchronizedTree synchronizedTree ? synchronizedTree.getExpression()
            : StatementFlow.isLoop(holder) ? holder : null;
    return in && (assigning == null || !assigns(assigning));
  }

  private boolean names(@Nullable ExpressionTree expression) {
    return expression != null && ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(expression)) == local;
  }

  /** Whether {@code tree} assigns the local anywhere inside it (lambdas and classes included: they cannot). */
  private boolean assigns(Tree tree) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        found[0] |= names(assignment.getVariable());
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree assignment, Void unused) {
        found[0] |= names(assignment.getVariable());
        return super.visitCompoundAssignment(assignment, null);
      }
    }.scan(tree, null);
    return found[0];
  }
}
