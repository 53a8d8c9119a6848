package io.github.linkguard.checker.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreePathScanner;

/**
 * {@link SameBodyScanner} for scans that need each tree's path: lambdas and classes inside the body run some other
 * time (their {@code return}s leave them, not the body), so they are not entered.
 */
abstract class SameBodyPathScanner extends TreePathScanner<Void, Void> {
  @Override
  public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
    return null;
  }

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    return null;
  }
}
