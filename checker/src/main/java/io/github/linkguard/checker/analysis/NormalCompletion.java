package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a statement can end normally, and whether a loop body breaks out of its loop: conservative answers on the
 * syntax tree (false only when a statement certainly ends abruptly), shared by the path facts, the switch flow and
 * the retry analysis. Both are transfers of {@link StatementFlow}; each call follows the statement once: O(its size).
 */
final class NormalCompletion {
  private NormalCompletion() {}

  /**
   * Completion as this project reads it: a jump does not complete; a loop and a switch statement always do (they are
   * not entered), an if without else does, a labeled statement only when its statement does (a break to its own label
   * does not count), a try when its finally does and its block or a catch does; {@code System.exit} does not.
   */
  private static final class Completes implements StatementFlow.SomePath, StatementFlow.Shallow<Boolean> {
    @Override
    public Boolean leaf(StatementTree statement, Boolean in) {
      return in && !isJump(statement) && !exits(statement);
    }

    @Override
    public Boolean labeledExit(LabeledStatementTree labeled, Boolean bodyOut, Boolean breaks) {
      return bodyOut;
    }
  }

  /** Keeps no state: one flow serves every call. */
  private static final StatementFlow<Boolean> COMPLETION = new StatementFlow<>(new Completes());

  /** Follows every statement, only to collect the jumps that leave the one it runs on. */
  private static final StatementFlow.SomePath REACHES = (statement, in) -> in;

  /**
   * Conservative: false only when the statement certainly ends abruptly (return, throw, break, continue...).
   *
   * <p>Not {@code Reachability.canCompleteNormally}, which follows the JLS (an endless loop, a switch whose every case
   * returns, a labeled block left by its own break) and whose answers differ between Error Prone releases.
   */
  public static boolean canCompleteNormally(@Nullable StatementTree statement) {
    return COMPLETION.run(statement, true);
  }

  /** A break in {@code body} that leaves the loop around it (not one of a nested loop or switch). */
  static boolean breaksOut(StatementTree body) {
    return leavesLoop(body, null, Set.of());
  }

  /**
   * A jump in {@code body}, other than those in {@code ignored}, that leaves {@code loop}, the loop around it: a
   * break, or (when {@code loop} is given) a {@code continue} of an outer loop ({@code continue relays;} in a retry
   * loop nested in {@code relays: for (...)}), which ends this loop as a break would.
   */
  static boolean leavesLoop(StatementTree body, @Nullable Tree loop, Set<? extends Tree> ignored) {
    StatementFlow<Boolean> flow = new StatementFlow<>(REACHES);
    flow.run(body, true);
    for (StatementFlow.Jump<Boolean> jump : flow.pending()) {
      if (!ignored.contains(jump.jump())
          && (jump.jump() instanceof BreakTree
              || (loop != null && jump.jump() instanceof ContinueTree && jump.target() != loop))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code statement} holds a {@code continue}, or also a {@code break} when {@code breaksToo}, outside nested
   * lambdas and classes: of any loop or switch, a conservative answer to "can the rest of this round be skipped".
   */
  static boolean holdsLoopJump(StatementTree statement, boolean breaksToo) {
    return holdsAny(statement, breaksToo ? Set.of(Tree.Kind.BREAK, Tree.Kind.CONTINUE) : Set.of(Tree.Kind.CONTINUE));
  }

  /**
   * Whether {@code statement} holds a {@code return} or {@code throw} outside nested lambdas and classes: whether it
   * may leave the method before the statements after it run.
   */
  static boolean holdsReturnOrThrow(StatementTree statement) {
    return holdsAny(statement, Set.of(Tree.Kind.RETURN, Tree.Kind.THROW));
  }

  /**
   * Whether {@code statement} holds a {@code yield} outside nested lambdas and classes (also one of a switch expression
   * nested in it): a conservative answer to "can it leave the switch expression around it".
   */
  static boolean holdsYield(StatementTree statement) {
    return holdsAny(statement, Set.of(Tree.Kind.YIELD));
  }

  /** Whether {@code statement} holds a tree of one of {@code kinds}, outside nested lambdas and classes. */
  private static boolean holdsAny(StatementTree statement, Set<Tree.Kind> kinds) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (found[0] || tree == null) {
          return null;
        }
        if (kinds.contains(tree.getKind())) {
          found[0] = true;
          return null;
        }
        return super.scan(tree, unused);
      }
    }.scan(statement, null);
    return found[0];
  }

  static boolean isJump(StatementTree statement) {
    return statement instanceof ReturnTree
        || statement instanceof ThrowTree
        || statement instanceof BreakTree
        || statement instanceof ContinueTree
        || statement instanceof YieldTree;
  }

  /** {@code System.exit(...);}: javac takes it to complete, this project does not. */
  static boolean exits(StatementTree statement) {
    if (statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      return symbol instanceof MethodSymbol method
          && method.getSimpleName().contentEquals("exit")
          && method.owner.getQualifiedName().contentEquals("java.lang.System");
    }
    return false;
  }
}
