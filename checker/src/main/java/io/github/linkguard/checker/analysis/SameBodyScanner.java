package io.github.linkguard.checker.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreeScanner;

/**
 * Scans the code that runs as part of one body: lambdas and classes inside it run some other time (a callback, a
 * task), so they are not entered.
 */
abstract class SameBodyScanner extends TreeScanner<Void, Void> {
  @Override
  public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
    return null;
  }

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    return null;
  }
}
