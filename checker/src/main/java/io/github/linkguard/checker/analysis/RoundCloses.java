package io.github.linkguard.checker.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a loop closes a variable at the end of every round, so that the next round's assignment replaces no open
 * client: a close in the {@code finally} of the round's {@code try} that holds the assignment, unconditional or under
 * a null check of the variable ({@code if (client != null) client.close();}), {@code try} statements around it
 * allowed. For check 4's outer locals of a loop that keeps running (a connect, send, close round). A close after the
 * {@code try} does not count: a {@code continue} or an exception the round does not catch can skip it.
 *
 * <p>Its two climbs (the statement of a block that holds a close, and whether only null checks of the variable stand
 * between) also tell {@link LocalClientLifetime} which statement after a {@code try} closes a per-call client.
 *
 * <p>Cost: a climb from each close of the variable in the body to the loop around the assignment.
 */
final class RoundCloses {
  private RoundCloses() {}

  static boolean closedAtTheEndOfEveryRound(TreePath assignment, ClientRef target, List<TreePath> closes) {
    TreePath roundPath = roundAround(assignment);
    if (roundPath == null) {
      return false;
    }
    BlockTree round = (BlockTree) roundPath.getLeaf();
    Tree assignmentStatement = statementOf(round, assignment);
    for (TreePath close : closes) {
      Tree closeStatement = statementOf(round, close);
      if (closeStatement == null || assignmentStatement == null || !onlyNullChecksAbove(close, round, target)) {
        continue;
      }
      if (closeStatement == assignmentStatement
          && closeStatement instanceof TryTree tryTree
          && tryTree.getFinallyBlock() != null
          && CompilationModel.isWithin(close, tryTree.getFinallyBlock())
          && CompilationModel.isWithin(assignment, tryTree.getBlock())) {
        return true; // try { client = new ...; ... } finally { if (client != null) client.close(); }
      }
    }
    return false;
  }

  /** The block of the innermost loop around {@code path}, when the loop's body is a block. */
  private static @Nullable TreePath roundAround(TreePath path) {
    for (TreePath current = path; current.getParentPath() != null; current = current.getParentPath()) {
      if (StatementFlow.isLoop(current.getParentPath().getLeaf())) {
        return current.getLeaf() instanceof BlockTree ? current : null;
      }
    }
    return null;
  }

  /** The statement of {@code block} that holds {@code path}; null when none does. */
  static @Nullable Tree statementOf(BlockTree block, TreePath path) {
    for (TreePath current = path; current.getParentPath() != null; current = current.getParentPath()) {
      if (current.getParentPath().getLeaf() == block) {
        return current.getLeaf();
      }
    }
    return null;
  }

  /** Every {@code if} between the close and the round tests that the variable is not null, on the branch taken. */
  static boolean onlyNullChecksAbove(TreePath close, BlockTree round, ClientRef target) {
    Tree child = close.getLeaf();
    for (TreePath current = close.getParentPath();
        current != null && current.getLeaf() != round;
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof IfTree decision) {
        ExpressionTree condition = IotHubSdk.stripParenthesesAndCasts(decision.getCondition());
        NullTest test = NullTest.of(condition);
        if (decision.getThenStatement() != child
            || test == null
            || test.trueWhenNull()
            || !target.equals(ClientRef.of(test.operand()))) {
          return false;
        }
      }
      if (StatementFlow.isLoop(current.getLeaf())) {
        return false;
      }
      child = current.getLeaf();
    }
    return true;
  }
}
