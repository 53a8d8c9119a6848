package io.github.linkguard.checker.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import java.util.List;

/**
 * Whether one statement runs before another on every path, from the blocks that hold both, or on every path
 * through a method. Cost: a walk up the tree (and, for a method, a scan of the statements before each level).
 */
final class StatementOrder {
  /**
   * Whether the statement holding {@code earlier} runs on every path to {@code later}: it precedes {@code later} in
   * a block (or an old-style case's statements) around it, directly or in the block or finally of a try statement
   * there.
   */
  static boolean runsBefore(TreePath earlier, TreePath later) {
    TreePath current = earlier;
    while (current.getParentPath() != null) {
      Tree leaf = current.getLeaf();
      Tree parent = current.getParentPath().getLeaf();
      // a block's statements, or an old-style case's: entered only at its start, they run in order
      List<? extends StatementTree> statements =
          parent instanceof BlockTree block ? block.getStatements()
              : parent instanceof CaseTree caseTree && caseTree.getCaseKind() == CaseTree.CaseKind.STATEMENT
                  ? caseTree.getStatements()
                  : null;
      if (statements != null && CompilationModel.isWithin(later, parent)) {
        boolean after = false;
        for (StatementTree statement : statements) {
          if (after && CompilationModel.isWithin(later, statement)) {
            return true;
          }
          after |= statement == leaf;
        }
        return false;
      }
      if (!(parent instanceof BlockTree) && !runsWhenItsParentRuns(leaf, parent)) {
        return false;
      }
      current = current.getParentPath();
    }
    return false;
  }

  /**
   * Whether the statement holding {@code tree} runs every time the method {@code method} returns normally: it sits in
   * the method's block, in blocks of it, or in the block or finally of a try there (not in a branch, loop, catch or
   * lambda), and no statement before it in those blocks holds a {@code return} or {@code throw}.
   */
  static boolean runsOnEveryPath(TreePath tree, Tree method) {
    TreePath current = tree;
    while (current.getParentPath() != null) {
      Tree leaf = current.getLeaf();
      Tree parent = current.getParentPath().getLeaf();
      if (parent == method) {
        return leaf instanceof BlockTree;
      }
      if (parent instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == leaf) {
            break;
          }
          if (NormalCompletion.holdsReturnOrThrow(statement)) {
            return false;
          }
        }
      } else if (!runsWhenItsParentRuns(leaf, parent)) {
        return false;
      }
      current = current.getParentPath();
    }
    return false;
  }

  /**
   * Whether {@code leaf} runs whenever {@code parent} (not a block: its statements are the callers' question) runs:
   * the expression of an expression statement, or the block or finally of a try.
   */
  private static boolean runsWhenItsParentRuns(Tree leaf, Tree parent) {
    return parent instanceof ExpressionStatementTree
        || (parent instanceof TryTree tryTree && (leaf == tryTree.getBlock() || leaf == tryTree.getFinallyBlock()));
  }

  private StatementOrder() {}
}
