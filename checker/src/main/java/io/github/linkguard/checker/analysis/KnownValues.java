package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Whether a condition can have the value {@link ConditionEvaluator} asks about while the variables in {@code assigned}
 * hold those constants: a boolean read as itself, an enum compared with {@code ==} or {@code !=} to a constant;
 * anything else can have either value. Used by {@link LoopExits} for the flags a loop's round sets.
 */
record KnownValues(Map<Symbol, Object> assigned) implements ConditionEvaluator.Reading<Boolean> {
  @Override
  public Boolean atom(ExpressionTree atom, boolean value) {
    if (atom instanceof BinaryTree comparison
        && (comparison.getKind() == Tree.Kind.EQUAL_TO || comparison.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
      Object left = heldOrConstant(comparison.getLeftOperand());
      Object right = heldOrConstant(comparison.getRightOperand());
      if (left instanceof Symbol && right instanceof Symbol) {
        boolean equal = left.equals(right);
        return (comparison.getKind() == Tree.Kind.EQUAL_TO ? equal : !equal) == value;
      }
      return true;
    }
    Object held =
        atom instanceof IdentifierTree || atom instanceof MemberSelectTree
            ? assigned.get(ASTHelpers.getSymbol(atom))
            : null;
    return !(held instanceof Boolean known) || known == value;
  }

  /** What a comparison operand is known to be: the constant a variable holds, or an enum constant itself. */
  private @Nullable Object heldOrConstant(ExpressionTree operand) {
    Symbol symbol = ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(operand));
    if (symbol == null) {
      return null;
    }
    return symbol.getKind() == ElementKind.ENUM_CONSTANT ? symbol : assigned.get(symbol);
  }

  @Override
  public Boolean both(BinaryTree junction, Boolean left, Boolean right) {
    return left && right;
  }

  @Override
  public Boolean either(BinaryTree junction, Boolean left, Boolean right) {
    return left || right;
  }

  @Override
  public boolean readsBooleanLiteralComparisons() {
    return true;
  }

  /** A boolean literal, or an enum constant (its symbol); null for anything else. */
  static @Nullable Object constantValue(ExpressionTree value) {
    Boolean literal = ConditionEvaluator.booleanLiteral(value);
    if (literal != null) {
      return literal;
    }
    Symbol symbol = ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(value));
    return symbol != null && symbol.getKind() == ElementKind.ENUM_CONSTANT ? symbol : null;
  }
}
