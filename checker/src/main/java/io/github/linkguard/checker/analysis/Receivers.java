package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.util.Name;
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
    return (tree instanceof IdentifierTree identifier && isThis(identifier.getName()))
        || (tree instanceof MemberSelectTree member && isThis(member.getIdentifier()));
  }

  /** {@code super} or {@code Outer.super}: the call runs exactly the method it names. */
  static boolean isSuperReference(ExpressionTree tree) {
    return (tree instanceof IdentifierTree identifier && isSuper(identifier.getName()))
        || (tree instanceof MemberSelectTree member && isSuper(member.getIdentifier()));
  }

  /**
   * Whether a name in a tree is the keyword {@code this}. Asked of most receivers: javac interns names per compilation,
   * so it is one comparison with the keyword's name in the same table, where {@code contentEquals} would decode it.
   */
  static boolean isThis(javax.lang.model.element.Name name) {
    return name instanceof Name javacName && javacName == javacName.table.names._this;
  }

  /** Whether a name in a tree is the keyword {@code super} (see {@link #isThis}). */
  static boolean isSuper(javax.lang.model.element.Name name) {
    return name instanceof Name javacName && javacName == javacName.table.names._super;
  }

  /** An unqualified call or one on {@code this}: it runs on the caller's own object. */
  static boolean isOnSelf(MethodInvocationTree call) {
    ExpressionTree receiver = receiverOf(call);
    return receiver == null || isThisReference(receiver);
  }
}
