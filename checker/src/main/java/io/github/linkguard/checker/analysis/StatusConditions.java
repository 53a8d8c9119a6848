package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * What a condition on the current status lets through or rules out: the statuses a comparison, {@code equals} or a
 * switch's labels admit ({@code != CONNECTED} admits DISCONNECTED and DISCONNECTED_RETRYING), and, per status
 * expression, the statuses that {@code !=} comparisons rule out. Knows which expressions are the current status (not
 * the previous one, a constant, or a local holding the previous one).
 *
 * <p>Cost: a condition is read once per question, linear in its size, on {@link ConditionEvaluator}'s explicit stack.
 */
final class StatusConditions {
  private final CompilationModel model;
  private final PathFacts pathFacts;
  private final IotHubSdk sdk;
  private @Nullable Set<String> otherStatuses;

  StatusConditions(CompilationModel model, PathFacts pathFacts) {
    this.model = model;
    this.pathFacts = pathFacts;
    this.sdk = model.sdk();
  }

  /**
   * The statuses a condition on the current status lets through when it has {@code value}, or null when the
   * condition is not (only) about the status.
   */
  @Nullable Set<String> possibleStatuses(ExpressionTree condition, boolean value) {
    return ConditionEvaluator.evaluate(condition, value, possibleStatuses);
  }

  /** The same-class methods whose returns are being read: a method that calls itself tells nothing more. */
  private final Set<MethodSymbol> methodsBeingRead = new HashSet<>();

  /**
   * The statuses for which a boolean method of the compilation can return {@code value} ({@code shouldReconnect(s)}
   * with {@code return s == DISCONNECTED || s == DISCONNECTED_RETRYING;}): those of each return that can, or null when
   * one of them is not about the status or the method has no returns to read. A literal {@code value} admits what
   * the conditions on its way let through ({@code if (s == CONNECTED) return false; return true;}), and is not about
   * the status when none of them is.
   */
  private @Nullable Set<String> statusesReturning(@Nullable MethodSymbol method, boolean value) {
    if (method == null
        || method.getReturnType().getKind() != TypeKind.BOOLEAN
        || !methodsBeingRead.add(method)) {
      return null;
    }
    try {
      List<ExpressionTree> returned = model.returnedExpressions(method);
      if (returned.isEmpty()) {
        return null;
      }
      Set<String> statuses = new LinkedHashSet<>();
      for (ExpressionTree expression : returned) {
        Boolean literal = ConditionEvaluator.booleanLiteral(expression);
        Set<String> admitted =
            literal == null ? possibleStatuses(expression, value)
                : literal == value ? statusesWhereReturned(method, expression)
                : Set.<String>of();
        if (admitted == null) {
          return null;
        }
        statuses.addAll(admitted);
      }
      return statuses;
    } finally {
      methodsBeingRead.remove(method);
    }
  }

  /**
   * The statuses the conditions and switch cases on the way to the {@code return} of {@code expression} in {@code
   * method}'s body let through, read off the path facts of that body; null when none of them is about the status.
   */
  private @Nullable Set<String> statusesWhereReturned(MethodSymbol method, ExpressionTree expression) {
    PathFacts.Facts facts = pathFacts.factsWhereReturned(method, expression);
    if (facts == null) {
      return null;
    }
    Set<String> admitted = null;
    for (PathFacts.Condition condition : facts.conditions()) {
      admitted = narrowed(admitted, possibleStatuses(condition.expression(), condition.value()));
    }
    for (PathFacts.SwitchCase switchCase : facts.cases()) {
      if (isCurrentStatus(switchCase.selector())) {
        admitted =
            narrowed(
                admitted,
                possibleLabels(
                    switchCase.selector(), switchCase.reachingLabels(), switchCase.defaultReaches(),
                    switchCase.allLabels()));
      }
    }
    return admitted;
  }

  /** The statuses both let through, where both hold; either's, when the other says nothing (null). */
  private static @Nullable Set<String> narrowed(@Nullable Set<String> one, @Nullable Set<String> other) {
    if (one == null || other == null) {
      return one == null ? other : one;
    }
    Set<String> common = new LinkedHashSet<>(one);
    common.retainAll(other);
    return common;
  }

  /**
   * When both operands hold, the statuses both let through (an operand on something else narrows nothing); when
   * either may, those of either, and nothing known when one is not about the status.
   */
  private final ConditionEvaluator.Reading<@Nullable Set<String>> possibleStatuses =
      new ConditionEvaluator.Reading<>() {
        @Override
        public @Nullable Set<String> atom(ExpressionTree tree, boolean value) {
          if (tree instanceof BinaryTree binary) {
            if (binary.getKind() != Tree.Kind.EQUAL_TO && binary.getKind() != Tree.Kind.NOT_EQUAL_TO) {
              return null;
            }
            boolean equal = (binary.getKind() == Tree.Kind.EQUAL_TO) == value;
            return statusComparison(binary.getLeftOperand(), binary.getRightOperand(), equal);
          }
          if (tree instanceof MethodInvocationTree call
              && ASTHelpers.getSymbol(call) != null
              && ASTHelpers.getSymbol(call).getSimpleName().contentEquals("equals")) {
            MethodSymbol method = ASTHelpers.getSymbol(call);
            List<? extends ExpressionTree> arguments = call.getArguments();
            if (arguments.size() == 1 && ASTHelpers.getReceiver(call) != null) {
              return statusComparison(ASTHelpers.getReceiver(call), arguments.get(0), value);
            }
            if (arguments.size() == 2 && method.isStatic()) {
              return statusComparison(arguments.get(0), arguments.get(1), value);
            }
          }
          if (tree instanceof MethodInvocationTree call) {
            return statusesReturning(ASTHelpers.getSymbol(call), value);
          }
          return null;
        }

        @Override
        public @Nullable Set<String> both(BinaryTree junction, @Nullable Set<String> left, @Nullable Set<String> right) {
          return narrowed(left, right);
        }

        @Override
        public @Nullable Set<String> either(
            BinaryTree junction, @Nullable Set<String> left, @Nullable Set<String> right) {
          if (left == null || right == null) {
            return null;
          }
          Set<String> union = new LinkedHashSet<>(left);
          union.addAll(right);
          return union;
        }

        @Override
        public boolean eitherDecidedBy(@Nullable Set<String> left) {
          return left == null;
        }
      };

  private @Nullable Set<String> statusComparison(ExpressionTree a, ExpressionTree b, boolean equal) {
    String constant = sdk.statusConstant(b);
    ExpressionTree subject = a;
    if (constant == null) {
      constant = sdk.statusConstant(a);
      subject = b;
    }
    if (constant == null || !isCurrentStatus(subject)) {
      return null;
    }
    if (equal) {
      return Set.of(constant);
    }
    Set<String> others = new LinkedHashSet<>(enumConstants(sdk.statusEnumType()));
    others.remove(constant);
    return others;
  }

  /**
   * {@code status == DISCONNECTED || reason != CLIENT_CLOSE} (when it holds): a test of the reason OR-ed with a status
   * condition that admits DISCONNECTED lets every other status through with some reason, and DISCONNECTED with any:
   * a condition that admits DISCONNECTED together with other statuses, though not only about the status.
   */
  boolean admitsDisconnectedOrAReason(ExpressionTree condition, boolean value) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(condition);
    if (!value || tree.getKind() != Tree.Kind.CONDITIONAL_OR) {
      return false;
    }
    BinaryTree or = (BinaryTree) tree;
    return (isReasonTest(or.getRightOperand()) && admitsDisconnected(or.getLeftOperand()))
        || (isReasonTest(or.getLeftOperand()) && admitsDisconnected(or.getRightOperand()));
  }

  private boolean admitsDisconnected(ExpressionTree operand) {
    Set<String> possible = possibleStatuses(operand, true);
    return possible != null && possible.contains(IotHubSdk.DISCONNECTED);
  }

  /** {@code reason == X} or {@code reason != X}, either way round, on a reason constant. */
  private boolean isReasonTest(ExpressionTree operand) {
    return IotHubSdk.stripParenthesesAndCasts(operand) instanceof BinaryTree comparison
        && (comparison.getKind() == Tree.Kind.EQUAL_TO || comparison.getKind() == Tree.Kind.NOT_EQUAL_TO)
        && (sdk.reasonConstant(comparison.getLeftOperand()) != null
            || sdk.reasonConstant(comparison.getRightOperand()) != null);
  }

  boolean admitsDisconnectedAmongOthers(@Nullable Set<String> possible) {
    return possible != null
        && possible.contains(IotHubSdk.DISCONNECTED)
        && possible.size() > 1
        && !possible.containsAll(enumConstants(sdk.statusEnumType()));
  }

  Set<String> possibleLabels(
      ExpressionTree selector, Set<String> reachingLabels, boolean defaultReaches, Set<String> allLabels) {
    Set<String> possible = new LinkedHashSet<>(reachingLabels);
    if (defaultReaches) {
      for (String constant : enumConstants(ASTHelpers.getType(IotHubSdk.stripParenthesesAndCasts(selector)))) {
        if (!allLabels.contains(constant)) {
          possible.add(constant);
        }
      }
    }
    return possible;
  }

  Set<String> statusesOtherThanDisconnected() {
    if (otherStatuses == null) {
      Set<String> others = new LinkedHashSet<>(enumConstants(sdk.statusEnumType()));
      others.remove(IotHubSdk.DISCONNECTED);
      otherStatuses = others;
    }
    return otherStatuses;
  }

  /**
   * Of {@code conditions} (each holding with its value), the one that completes ruling out every status but
   * DISCONNECTED on one status expression ({@code s != CONNECTED && s != DISCONNECTED_RETRYING}, or one early exit
   * per other status), or null when they do not: a DISCONNECTED guard by elimination.
   */
  PathFacts.@Nullable Condition eliminatingEveryOtherStatus(List<PathFacts.Condition> conditions) {
    if (statusesOtherThanDisconnected().isEmpty()) {
      return null;
    }
    Map<String, Set<String>> excludedByStatus = new HashMap<>();
    for (PathFacts.Condition condition : conditions) {
      for (var entry : excludedStatuses(condition.expression(), condition.value()).entrySet()) {
        Set<String> excluded = excludedByStatus.computeIfAbsent(entry.getKey(), k -> new HashSet<>());
        excluded.addAll(entry.getValue());
        if (excluded.containsAll(statusesOtherThanDisconnected())) {
          return condition;
        }
      }
    }
    return null;
  }

  /** The status constants {@code condition} rules out when it has {@code value}, by status expression. */
  Map<String, Set<String>> excludedStatuses(ExpressionTree condition, boolean value) {
    return ConditionEvaluator.evaluate(condition, value, excludedStatuses);
  }

  /**
   * The statuses a {@code !=} (or a false {@code ==} or {@code equals}) on a status expression rules out, by status
   * expression, where every such comparison holds: one of several operands holding rules out nothing.
   */
  private final ConditionEvaluator.Reading<Map<String, Set<String>>> excludedStatuses =
      new ConditionEvaluator.Reading<>() {
        @Override
        public Map<String, Set<String>> atom(ExpressionTree tree, boolean value) {
          ExpressionTree left = null;
          ExpressionTree right = null;
          boolean equal = false;
          if (tree instanceof BinaryTree binary) {
            Tree.Kind kind = binary.getKind();
            if (kind != Tree.Kind.EQUAL_TO && kind != Tree.Kind.NOT_EQUAL_TO) {
              return Map.of();
            }
            left = binary.getLeftOperand();
            right = binary.getRightOperand();
            equal = (kind == Tree.Kind.EQUAL_TO) == value;
          } else if (tree instanceof MethodInvocationTree call
              && ASTHelpers.getSymbol(call).getSimpleName().contentEquals("equals")
              && !ASTHelpers.getSymbol(call).isStatic()
              && call.getArguments().size() == 1) {
            left = ASTHelpers.getReceiver(call);
            right = call.getArguments().get(0);
            equal = value;
          }
          if (left == null || right == null || equal) {
            return Map.of();
          }
          Map<String, Set<String>> excluded = new HashMap<>();
          for (ExpressionTree[] pair : new ExpressionTree[][] {{left, right}, {right, left}}) {
            String constant = sdk.statusConstant(pair[1]);
            String subject = constant != null && isCurrentStatus(pair[0]) ? sameValueKey(pair[0]) : null;
            if (subject != null) {
              excluded.computeIfAbsent(subject, k -> new LinkedHashSet<>()).add(constant);
            }
          }
          return excluded;
        }

        @Override
        public Map<String, Set<String>> both(
            BinaryTree junction, Map<String, Set<String>> left, Map<String, Set<String>> right) {
          if (left.isEmpty() || right.isEmpty()) {
            return left.isEmpty() ? right : left;
          }
          Map<String, Set<String>> together = new HashMap<>(left);
          right.forEach(
              (subject, constants) ->
                  together.merge(
                      subject, constants, (a, b) -> {
                        Set<String> union = new LinkedHashSet<>(a);
                        union.addAll(b);
                        return union;
                      }));
          return together;
        }

        @Override
        public Map<String, Set<String>> either(
            BinaryTree junction, Map<String, Set<String>> left, Map<String, Set<String>> right) {
          return Map.of();
        }

        @Override
        public boolean readsEither() {
          return false; // nothing to learn there: read as an atom, which rules out nothing
        }
      };

  /**
   * A key equal for two reads of the same variable, field, or no-argument getter on the same receiver
   * ({@code ctx.getNewStatus()}), or null for anything else.
   */
  private static @Nullable String sameValueKey(ExpressionTree expression) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    if (tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()) {
      String select = sameValueKey(call.getMethodSelect());
      return select == null ? null : select + "()";
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (symbol == null) {
      return null;
    }
    boolean onThis =
        tree instanceof MemberSelectTree select
            && select.getExpression() instanceof IdentifierTree receiver
            && Receivers.isThis(receiver.getName());
    if (tree instanceof IdentifierTree || onThis) {
      return symbol.owner + "#" + symbol.getSimpleName() + "@" + System.identityHashCode(symbol);
    }
    if (tree instanceof MemberSelectTree member) {
      String receiver = sameValueKey(member.getExpression());
      return receiver == null ? null : receiver + "." + symbol.getSimpleName();
    }
    return null;
  }

  /** An expression of type IotHubConnectionStatus that is the current (not the previous) status. */
  boolean isCurrentStatus(ExpressionTree expression) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    if (!sdk.isStatusType(ASTHelpers.getType(tree)) || sdk.statusConstant(tree) != null) {
      return false;
    }
    if (sdk.isPreviousStatusRead(tree)) {
      return false;
    }
    if (ASTHelpers.getSymbol(tree) instanceof VarSymbol local && local.getKind() != ElementKind.FIELD) {
      ExpressionTree initializer = model.finalLocalInitializer(local);
      return initializer == null || !sdk.isPreviousStatusRead(initializer);
    }
    return true;
  }

  static List<String> enumConstants(@Nullable Type type) {
    if (type == null || type.tsym == null || type.tsym.getKind() != ElementKind.ENUM) {
      return List.of();
    }
    List<String> constants = new ArrayList<>();
    for (Symbol member : type.tsym.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(member.getSimpleName().toString());
      }
    }
    return constants;
  }
}
