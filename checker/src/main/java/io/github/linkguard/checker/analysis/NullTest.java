package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import org.jspecify.annotations.Nullable;

/**
 * A test of an expression against null: {@code x == null}, {@code x != null}, {@code Objects.isNull(x)} or {@code
 * Objects.nonNull(x)} (also statically imported); {@code trueWhenNull} tells which way it goes.
 */
record NullTest(ExpressionTree operand, boolean trueWhenNull) {

  /** The null test {@code condition} is, or null when it is none. */
  static @Nullable NullTest of(ExpressionTree condition) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(condition);
    if (tree instanceof BinaryTree binary
        && (binary.getKind() == Tree.Kind.EQUAL_TO || binary.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
      boolean equal = binary.getKind() == Tree.Kind.EQUAL_TO;
      if (isNullLiteral(binary.getRightOperand())) {
        return new NullTest(binary.getLeftOperand(), equal);
      }
      if (isNullLiteral(binary.getLeftOperand())) {
        return new NullTest(binary.getRightOperand(), equal);
      }
      return null;
    }
    MethodSymbol method = tree instanceof MethodInvocationTree call ? ASTHelpers.getSymbol(call) : null;
    if (method != null
        && ((MethodInvocationTree) tree).getArguments().size() == 1
        && method.isStatic()
        && method.owner.getQualifiedName().contentEquals("java.util.Objects")) {
      ExpressionTree operand = ((MethodInvocationTree) tree).getArguments().get(0);
      if (method.getSimpleName().contentEquals("isNull")) {
        return new NullTest(operand, true);
      }
      if (method.getSimpleName().contentEquals("nonNull")) {
        return new NullTest(operand, false);
      }
    }
    return null;
  }

  static boolean isNullLiteral(ExpressionTree tree) {
    return tree instanceof LiteralTree literal && literal.getKind() == Tree.Kind.NULL_LITERAL;
  }
}
