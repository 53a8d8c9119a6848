package io.github.linkguard.checker.analysis;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The one place that takes a condition apart over {@code !}, {@code &&}, {@code ||}, parentheses and casts, to
 * answer what the condition tells when it has a known value. A {@link Reading} says what its other parts (the
 * <em>atoms</em>: comparisons, calls, variables...) tell, and how the parts combine.
 *
 * <p>{@code a && b} true, or {@code a || b} false: both operands have that value ({@link Reading#both}); {@code a && b}
 * false, or {@code a || b} true: one of them has it ({@link Reading#either}); {@code !a} with a value: {@code a} with
 * the other one.
 *
 * <p>Cost: each part is read at most once, so linear in the size of the condition, and less where the left operand
 * already decides; the nesting is followed on an explicit stack, never on the thread's, so thousands of operands
 * cost no stack depth.
 */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  /** What a question learns from the parts of a condition. */
  interface Reading<T> {
    /** What {@code atom} (no {@code !}, {@code &&} or {@code ||}; parentheses stripped) tells when it has {@code value}. */
    T atom(ExpressionTree atom, boolean value);

    /** Both operands of {@code junction} have their value: what the two readings tell together. */
    T both(BinaryTree junction, T left, T right);

    /** One of the operands of {@code junction} has its value: what the two readings tell whichever it is. */
    T either(BinaryTree junction, T left, T right);

    /** Whether the left operand's reading alone is what {@link #both} gives (the right operand is then not read). */
    default boolean bothDecidedBy(T left) {
      return false;
    }

    /** Whether the left operand's reading alone is what {@link #either} gives (the right operand is then not read). */
    default boolean eitherDecidedBy(T left) {
      return false;
    }

    /**
     * Whether this question learns anything from one of two operands holding; when not, such a junction is read as
     * an atom (the right place to say it tells nothing).
     */
    default boolean readsEither() {
      return true;
    }

    /**
     * Whether {@code x == true}, {@code x != false} (either order) read as {@code x}, and {@code x == false}, {@code x
     * != true} as {@code !x}; when not, such a comparison is an atom.
     */
    default boolean readsBooleanLiteralComparisons() {
      return false;
    }

    /** The reading of {@code not}, given that of its operand with the other value. */
    default T negated(UnaryTree not, T operand) {
      return operand;
    }
  }

  /** What {@code condition} tells, for {@code reading}, when it has {@code value}. */
  static <T> T evaluate(ExpressionTree condition, boolean value, Reading<T> reading) {
    Deque<Frame<T>> open = new ArrayDeque<>();
    ExpressionTree next = IotHubSdk.stripParenthesesAndCasts(condition);
    boolean nextValue = value;
    while (true) {
      // down the left spine to an atom
      while (true) {
        if (next instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
          open.push(new Frame<>(not, nextValue));
          next = IotHubSdk.stripParenthesesAndCasts(not.getExpression());
          nextValue = !nextValue;
        } else if (next instanceof BinaryTree junction
            && isJunction(junction)
            && (reading.readsEither() || bothHold(junction, nextValue))) {
          open.push(new Frame<>(junction, nextValue));
          next = IotHubSdk.stripParenthesesAndCasts(junction.getLeftOperand());
        } else if (next instanceof BinaryTree comparison
            && reading.readsBooleanLiteralComparisons()
            && booleanLiteralCompared(comparison) != null) {
          // x == literal has value v exactly when x has (v == literal); x != literal when x has (v != literal)
          ExpressionTree literal = booleanLiteralCompared(comparison);
          boolean literalValue = booleanLiteral(literal);
          boolean equal = comparison.getKind() == Tree.Kind.EQUAL_TO;
          nextValue = equal ? nextValue == literalValue : nextValue != literalValue;
          next =
              IotHubSdk.stripParenthesesAndCasts(
                  literal == comparison.getRightOperand() ? comparison.getLeftOperand() : comparison.getRightOperand());
        } else {
          break;
        }
      }
      T result = reading.atom(next, nextValue);
      // up while the parts are complete; on to a right operand when one is still to read
      boolean descend = false;
      while (!descend) {
        Frame<T> top = open.peek();
        if (top == null) {
          return result;
        }
        if (top.tree instanceof UnaryTree not) {
          open.pop();
          result = reading.negated(not, result);
          continue;
        }
        BinaryTree junction = (BinaryTree) top.tree;
        boolean both = bothHold(junction, top.value);
        if (!top.leftRead) {
          if (both ? reading.bothDecidedBy(result) : reading.eitherDecidedBy(result)) {
            open.pop();
            continue;
          }
          top.left = result;
          top.leftRead = true;
          next = IotHubSdk.stripParenthesesAndCasts(junction.getRightOperand());
          nextValue = top.value;
          descend = true;
        } else {
          open.pop();
          result = both ? reading.both(junction, top.left, result) : reading.either(junction, top.left, result);
        }
      }
    }
  }

  /** The boolean literal {@code comparison} compares with (the right one when both are), or null. */
  private static @Nullable ExpressionTree booleanLiteralCompared(BinaryTree comparison) {
    if (comparison.getKind() != Tree.Kind.EQUAL_TO && comparison.getKind() != Tree.Kind.NOT_EQUAL_TO) {
      return null;
    }
    if (booleanLiteral(comparison.getRightOperand()) != null) {
      return comparison.getRightOperand();
    }
    return booleanLiteral(comparison.getLeftOperand()) != null ? comparison.getLeftOperand() : null;
  }

  private static boolean isJunction(BinaryTree tree) {
    return tree.getKind() == Tree.Kind.CONDITIONAL_AND || tree.getKind() == Tree.Kind.CONDITIONAL_OR;
  }

  /** {@code a && b} true or {@code a || b} false: both operands have {@code value}. */
  private static boolean bothHold(BinaryTree junction, boolean value) {
    return (junction.getKind() == Tree.Kind.CONDITIONAL_AND) == value;
  }

  /** A {@code !} or a junction whose operands are being read; {@code left} once the left one is. */
  private static final class Frame<T> {
    final Tree tree;
    final boolean value;
    @Nullable T left;
    boolean leftRead;

    Frame(Tree tree, boolean value) {
      this.tree = tree;
      this.value = value;
    }
  }

  /** {@code true} or {@code false} written as a literal (in parentheses or a cast), else null. */
  static @Nullable Boolean booleanLiteral(ExpressionTree tree) {
    return IotHubSdk.stripParenthesesAndCasts(tree) instanceof LiteralTree literal
            && literal.getValue() instanceof Boolean value
        ? value
        : null;
  }
}
