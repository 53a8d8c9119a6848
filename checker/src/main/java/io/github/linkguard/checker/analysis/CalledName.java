package io.github.linkguard.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.util.Name;
import org.jspecify.annotations.Nullable;

/** The simple name a call names, as javac interned it: compared by identity, it costs no String per call. */
final class CalledName {
  private CalledName() {}

  /** The name of the method {@code call} names; null for a call javac's parser never makes. */
  static @Nullable Name of(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree identifier) {
      return (Name) identifier.getName();
    }
    if (select instanceof MemberSelectTree member) {
      return (Name) member.getIdentifier();
    }
    return null;
  }
}
