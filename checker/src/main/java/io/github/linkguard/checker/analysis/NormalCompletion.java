package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a statement can end normally, and whether a loop body breaks out of its loop: conservative answers on the
 * syntax tree (false only when a statement certainly ends abruptly), shared by the path facts, the switch flow and
 * the retry analysis. Each call walks the statement once: O(its size).
 */
final class NormalCompletion {
  private NormalCompletion() {}

  /**
   * Conservative: false only when the statement certainly ends abruptly (return, throw, break, continue...).
   *
   * <p>Not {@code Reachability.canCompleteNormally}, which follows the JLS (an endless loop, a switch whose every case
   * returns, a labeled block left by its own break) and whose answers differ between Error Prone releases.
   */
  public static boolean canCompleteNormally(@Nullable StatementTree statement) {
    if (statement == null) {
      return true;
    }
    if (statement instanceof ReturnTree
        || statement instanceof ThrowTree
        || statement instanceof BreakTree
        || statement instanceof ContinueTree
        || statement instanceof YieldTree) {
      return false;
    }
    if (statement instanceof BlockTree block) {
      for (StatementTree inner : block.getStatements()) {
        if (!canCompleteNormally(inner)) {
          return false;
        }
      }
      return true;
    }
    if (statement instanceof IfTree ifTree) {
      return ifTree.getElseStatement() == null
          || canCompleteNormally(ifTree.getThenStatement())
          || canCompleteNormally(ifTree.getElseStatement());
    }
    if (statement instanceof SynchronizedTree synchronizedTree) {
      return canCompleteNormally(synchronizedTree.getBlock());
    }
    if (statement instanceof LabeledStatementTree labeled) {
      return canCompleteNormally(labeled.getStatement());
    }
    if (statement instanceof TryTree tryTree) {
      if (tryTree.getFinallyBlock() != null && !canCompleteNormally(tryTree.getFinallyBlock())) {
        return false;
      }
      if (canCompleteNormally(tryTree.getBlock())) {
        return true;
      }
      for (var catchTree : tryTree.getCatches()) {
        if (canCompleteNormally(catchTree.getBlock())) {
          return true;
        }
      }
      return false;
    }
    if (statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      return !(symbol instanceof MethodSymbol method
          && method.getSimpleName().contentEquals("exit")
          && method.owner.getQualifiedName().contentEquals("java.lang.System"));
    }
    return true;
  }

  /** A break in {@code body} that leaves the loop around it (not one of a nested loop or switch). */
  static boolean breaksOut(StatementTree body) {
    boolean[] breaks = {false};
    Set<String> innerLabels = new LinkedHashSet<>();
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitBreak(BreakTree tree, Boolean nested) {
        breaks[0] |=
            tree.getLabel() == null ? !nested : !innerLabels.contains(tree.getLabel().toString());
        return null;
      }

      @Override
      public Void visitLabeledStatement(LabeledStatementTree tree, Boolean nested) {
        innerLabels.add(tree.getLabel().toString());
        return super.visitLabeledStatement(tree, nested);
      }

      @Override
      public Void visitWhileLoop(WhileLoopTree tree, Boolean nested) {
        return super.visitWhileLoop(tree, true);
      }

      @Override
      public Void visitDoWhileLoop(DoWhileLoopTree tree, Boolean nested) {
        return super.visitDoWhileLoop(tree, true);
      }

      @Override
      public Void visitForLoop(ForLoopTree tree, Boolean nested) {
        return super.visitForLoop(tree, true);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Boolean nested) {
        return super.visitEnhancedForLoop(tree, true);
      }

      @Override
      public Void visitSwitch(SwitchTree tree, Boolean nested) {
        return super.visitSwitch(tree, true);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Boolean nested) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Boolean nested) {
        return null;
      }
    }.scan(body, false);
    return breaks[0];
  }
}
