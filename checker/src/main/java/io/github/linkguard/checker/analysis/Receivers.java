package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import org.jspecify.annotations.Nullable;

/**
 * What a call is made on, as written: the explicit receiver, {@code this} or {@code super}. Syntax only, shared by the
 * scan, the call graph and the method effects. Constant time.
 */
final class Receivers {
  private Receivers() {}

  /** The expression before the method's name, or null for an unqualified call. */
  static @Nullable ExpressionTree receiverOf(MethodInvocationTree call) {
    return ASTHelpers.getReceiver(call);
  }

  /** {@code this} or {@code Outer.this}. */
  static boolean isThisReference(@Nullable ExpressionTree tree) {
    return (tree instanceof IdentifierTree identifier && identifier.getName().contentEquals("this"))
        || (tree instanceof MemberSelectTree member && member.getIdentifier().contentEquals("this"));
  }

  /** {@code super} or {@code Outer.super}: the call runs exactly the method it names. */
  static boolean isSuperReference(ExpressionTree tree) {
    return (tree instanceof IdentifierTree identifier && identifier.getName().contentEquals("super"))
        || (tree instanceof MemberSelectTree member && member.getIdentifier().contentEquals("super"));
  }

  /** An unqualified call or one on {@code this}: it runs on the caller's own object. */
  static boolean isOnSelf(MethodInvocationTree call) {
    ExpressionTree receiver = receiverOf(call);
    return receiver == null || isThisReference(receiver);
  }
}
