package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import org.jspecify.annotations.Nullable;

/** An open(), close() or closeNow() on a client, where it stands and on which client. */
public record ConnectionCall(
    MethodInvocationTree tree, TreePath path, ConnectionOp op, @Nullable ClientRef client, Body body) {

  /** The client expression, or null for an unqualified call inside a client subclass. */
  public @Nullable ExpressionTree receiver() {
    return ASTHelpers.getReceiver(tree);
  }

  public boolean isOpen() {
    return op == ConnectionOp.OPEN;
  }
}
