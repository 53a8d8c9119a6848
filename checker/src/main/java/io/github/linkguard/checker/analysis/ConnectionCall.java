package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An open(), close() or closeNow() on a client, or the unregistering of a multiplexed client (its close), where it
 * stands and on which client. Equality is written out, the same as the generated one (trees, paths and bodies by
 * identity), for a cold process's sake: a record's generated equals and hashCode are linked through {@code
 * java.lang.runtime.ObjectMethods} on their first call (docs/performance.md, "Cold builds").
 */
public record ConnectionCall(
    MethodInvocationTree tree, TreePath path, ConnectionOp op, @Nullable ClientRef client, Body body) {

  @Override
  public boolean equals(Object other) {
    return other instanceof ConnectionCall call
        && tree == call.tree
        && path == call.path
        && op == call.op
        && Objects.equals(client, call.client)
        && body == call.body;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(tree); // equal calls are calls of one tree
  }

  /**
   * The client expression: the receiver (null for an unqualified call inside a client subclass), or the client a
   * MultiplexingClient unregisters.
   */
  public @Nullable ExpressionTree clientExpression() {
    return op == ConnectionOp.UNREGISTER ? tree.getArguments().get(0) : ASTHelpers.getReceiver(tree);
  }

  public boolean isOpen() {
    return op == ConnectionOp.OPEN;
  }
}
