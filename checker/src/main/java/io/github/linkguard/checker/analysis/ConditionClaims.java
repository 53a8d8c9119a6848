package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.linkguard.checker.analysis.PathFacts.Condition;
import io.github.linkguard.checker.analysis.PathFacts.Facts;
import io.github.linkguard.checker.analysis.PathFacts.SwitchCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Whether a condition with a known value, or a switch case, establishes a claim about the connection (see {@link
 * Claim}), and which part of the condition does: comparisons of the status or reason with a constant
 * ({@code ==}/{@code !=}, {@code equals} either way, {@code Objects.equals}), effectively final boolean locals,
 * same-class boolean methods, switch expressions yielding booleans, configured guard methods, and tracked state
 * ({@link TrackedStateMeaning}). {@code !}, {@code &&} and {@code ||} are {@link ConditionEvaluator}'s.
 *
 * <p>Cost: linear in the size of the condition; following a boolean method's {@code return}s or a local's initializer
 * goes at most four levels deep, so a chain of such methods costs a bounded amount per condition.
 */
final class ConditionClaims implements UntrackedClaims {
  private static final String DISCONNECTED_RETRYING = "DISCONNECTED_RETRYING";

  private final CompilationModel model;
  private final IotHubSdk sdk;
  private final StatusConditions statuses;
  private final PathFacts pathFacts;
  private final TrackedStateMeaning tracked;

  ConditionClaims(CompilationModel model, StatusConditions statuses, PathFacts pathFacts) {
    this.model = model;
    this.sdk = model.sdk();
    this.statuses = statuses;
    this.pathFacts = pathFacts;
    this.tracked = new TrackedStateMeaning(model, this, pathFacts);
  }

  @Override
  public boolean establishes(ExpressionTree condition, boolean value, Claim claim) {
    return establishing(condition, value, claim, false, 0) != null;
  }

  @Override
  public boolean factEstablishes(Condition condition, Claim claim) {
    return establishingFact(condition, claim, false) != null;
  }

  @Override
  public boolean caseEstablishes(SwitchCase switchCase, Claim claim) {
    return caseEstablishes(switchCase, claim, false);
  }

  /** What one fact establishes: a condition with its value, or a switch statement some of whose cases leave. */
  @Nullable ExpressionTree establishingFact(Condition condition, Claim claim, boolean useTracked) {
    if (condition.holder() instanceof SwitchTree switchTree) {
      PathFacts.SwitchExit exit = pathFacts.exitOf(switchTree);
      boolean establishes =
          possibleValuesEstablish(
              switchTree.getExpression(), exit.reachingLabels(), exit.defaultReaches(), exit.allLabels(), claim,
              useTracked);
      return establishes ? condition.expression() : null;
    }
    return establishing(condition.expression(), condition.value(), claim, useTracked, 0);
  }

  /**
   * The part of {@code condition} that establishes {@code claim} when the condition has {@code value}, or null.
   * {@code useTracked} is off while the meaning of tracked booleans is being worked out.
   */
  @Nullable ExpressionTree establishing(
      ExpressionTree condition, boolean value, Claim claim, boolean useTracked, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    return ConditionEvaluator.evaluate(condition, value, new Establishing(claim, useTracked, depth));
  }

  /**
   * The part of a condition that establishes the claim: one operand that does when both hold, the junction when each
   * operand that may be the one holding does; a {@code !} around an atom that does.
   */
  private final class Establishing implements ConditionEvaluator.Reading<@Nullable ExpressionTree> {
    private final Claim claim;
    private final boolean useTracked;
    private final int depth;

    Establishing(Claim claim, boolean useTracked, int depth) {
      this.claim = claim;
      this.useTracked = useTracked;
      this.depth = depth;
    }

    @Override
    public @Nullable ExpressionTree atom(ExpressionTree tree, boolean value) {
      if (tree instanceof BinaryTree binary) {
        ExpressionTree left = binary.getLeftOperand();
        ExpressionTree right = binary.getRightOperand();
        return switch (binary.getKind()) {
          case EQUAL_TO -> comparison(left, right, value, claim, useTracked) ? binary : null;
          case NOT_EQUAL_TO -> comparison(left, right, !value, claim, useTracked) ? binary : null;
          default -> null;
        };
      }
      if (tree instanceof MethodInvocationTree call) {
        return establishingCall(call, value, claim, useTracked, depth);
      }
      if (tree instanceof SwitchExpressionTree switchExpression) {
        return switchYieldEstablishes(switchExpression, value, claim, useTracked, depth) ? tree : null;
      }
      if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (!(symbol instanceof VarSymbol variable)) {
          return null;
        }
        if (variable.getKind() == ElementKind.FIELD) {
          return useTracked && claim == Claim.DISCONNECTED && tracked.trackedBooleanGuards(variable, value) ? tree : null;
        }
        ExpressionTree initializer = model.finalLocalInitializer(variable);
        if (initializer != null && isBoolean(variable.type)) {
          return establishing(initializer, value, claim, useTracked, depth + 1) != null ? tree : null;
        }
      }
      return null;
    }

    @Override
    public @Nullable ExpressionTree both(
        BinaryTree junction, @Nullable ExpressionTree left, @Nullable ExpressionTree right) {
      return left != null ? left : right;
    }

    @Override
    public boolean bothDecidedBy(@Nullable ExpressionTree left) {
      return left != null;
    }

    @Override
    public @Nullable ExpressionTree either(
        BinaryTree junction, @Nullable ExpressionTree left, @Nullable ExpressionTree right) {
      return left != null && right != null ? junction : null;
    }

    @Override
    public boolean eitherDecidedBy(@Nullable ExpressionTree left) {
      return left == null;
    }

    @Override
    public @Nullable ExpressionTree negated(UnaryTree not, @Nullable ExpressionTree operand) {
      return operand != null && operand == IotHubSdk.stripParenthesesAndCasts(not.getExpression()) ? not : operand;
    }
  }

  private @Nullable ExpressionTree establishingCall(
      MethodInvocationTree call, boolean value, Claim claim, boolean useTracked, int depth) {
    Symbol symbol = ASTHelpers.getSymbol(call);
    if (!(symbol instanceof MethodSymbol method)) {
      return null;
    }
    String name = method.getSimpleName().toString();
    List<? extends ExpressionTree> arguments = call.getArguments();
    if (name.equals("equals") && arguments.size() == 1 && !method.isStatic()) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      return receiver != null && comparison(receiver, arguments.get(0), value, claim, useTracked)
          ? call
          : null;
    }
    if (name.equals("equals")
        && arguments.size() == 2
        && method.isStatic()
        && method.owner.getQualifiedName().contentEquals("java.util.Objects")) {
      return comparison(arguments.get(0), arguments.get(1), value, claim, useTracked) ? call : null;
    }
    if (claim == Claim.DISCONNECTED && value && sdk.isConfiguredGuardMethod(call)) {
      return call;
    }
    if (useTracked && claim == Claim.DISCONNECTED && name.equals("get") && arguments.isEmpty()) {
      VarSymbol field = TrackedStateMeaning.fieldRead(ASTHelpers.getReceiver(call));
      if (field != null && tracked.trackedBooleanGuards(field, value)) {
        return call;
      }
    }
    if (isBoolean(method.getReturnType()) && returnsEstablishing(method, value, claim, useTracked, depth)) {
      return call;
    }
    return null;
  }

  /**
   * A same-class boolean method whose every {@code return} that can yield {@code value} establishes the claim:
   * {@code boolean linkLost() { var s = status.get(); log(s); return s == DISCONNECTED; }}.
   */
  private boolean returnsEstablishing(
      MethodSymbol method, boolean value, Claim claim, boolean useTracked, int depth) {
    List<ExpressionTree> returned = model.returnedExpressions(method);
    boolean yieldsValue = false;
    for (ExpressionTree expression : returned) {
      Boolean constant = ConditionEvaluator.booleanLiteral(expression);
      if (constant != null && constant != value) {
        continue;
      }
      if ((constant != null || establishing(expression, value, claim, useTracked, depth + 1) == null)
          && !holdsWhereReturned(method, expression, claim, useTracked)) {
        return false;
      }
      yieldsValue = true;
    }
    return yieldsValue;
  }

  /**
   * Whether the claim holds wherever {@code method} returns {@code expression}: the return sits under the test that
   * establishes it ({@code case DISCONNECTED: return reason != CLIENT_CLOSE;}, after {@code if (status !=
   * DISCONNECTED) return false;}, or after one such exit per other status), read off the path facts of the helper's
   * own body.
   */
  private boolean holdsWhereReturned(MethodSymbol method, ExpressionTree expression, Claim claim, boolean useTracked) {
    Facts facts = pathFacts.factsWhereReturned(method, expression);
    if (facts == null) {
      return false;
    }
    for (Condition condition : facts.conditions()) {
      if (establishingFact(condition, claim, useTracked) != null) {
        return true;
      }
    }
    for (SwitchCase switchCase : facts.cases()) {
      if (caseEstablishes(switchCase, claim, useTracked)) {
        return true;
      }
    }
    // one early exit per other status before the return, as Conditions reads them at a call site
    return claim == Claim.DISCONNECTED && statuses.eliminatingEveryOtherStatus(facts.conditions()) != null;
  }

  /** {@code a == b} when {@code equal}, else {@code a != b}. */
  private boolean comparison(
      ExpressionTree a, ExpressionTree b, boolean equal, Claim claim, boolean useTracked) {
    return compared(a, b, equal, claim, useTracked) || compared(b, a, equal, claim, useTracked);
  }

  private boolean compared(
      ExpressionTree subject, ExpressionTree constant, boolean equal, Claim claim, boolean useTracked) {
    String status = sdk.statusConstant(constant);
    if (status != null && statuses.isCurrentStatus(subject)) {
      return switch (claim) {
        case DISCONNECTED -> equal && status.equals(IotHubSdk.DISCONNECTED);
        case CONNECTED -> equal && status.equals("CONNECTED");
        case NOT_CONNECTED -> equal != status.equals("CONNECTED");
        case RETRYING -> equal && status.equals(DISCONNECTED_RETRYING);
        case NOT_CLIENT_CLOSE -> false;
      };
    }
    String reason = sdk.reasonConstant(constant);
    if (reason != null && sdk.isReasonType(ASTHelpers.getType(subject))) {
      return claim == Claim.NOT_CLIENT_CLOSE && (equal != reason.equals(IotHubSdk.CLIENT_CLOSE));
    }
    if (useTracked && claim == Claim.DISCONNECTED) {
      Symbol constantSymbol = ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(constant));
      VarSymbol field = tracked.trackedEnum(subject);
      if (constantSymbol != null && constantSymbol.getKind() == ElementKind.ENUM_CONSTANT && field != null) {
        String name = constantSymbol.getSimpleName().toString();
        if (equal) {
          return tracked.meansDisconnected(field, name);
        }
        // != C holds for every other constant: all of them must mean disconnected
        List<String> others = new ArrayList<>(StatusConditions.enumConstants(constantSymbol.owner.type));
        others.remove(name);
        if (others.isEmpty()) {
          return false;
        }
        for (String other : others) {
          if (!tracked.meansDisconnected(field, other)) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  boolean caseEstablishes(SwitchCase switchCase, Claim claim, boolean useTracked) {
    return possibleValuesEstablish(
        switchCase.selector(), switchCase.reachingLabels(), switchCase.defaultReaches(), switchCase.allLabels(),
        claim, useTracked);
  }

  /**
   * {@code boolean down = switch (status) { case DISCONNECTED -> true; default -> false; };}: whether the switch
   * yields {@code value} only for selector values that establish the claim. A case whose result is not a boolean
   * literal may yield either.
   */
  private boolean switchYieldEstablishes(
      SwitchExpressionTree switchExpression, boolean value, Claim claim, boolean useTracked, int depth) {
    Set<String> yielding = new LinkedHashSet<>();
    Set<String> labeled = new LinkedHashSet<>();
    boolean defaultYields = false;
    for (CaseTree caseTree : switchExpression.getCases()) {
      List<String> labels = new ArrayList<>();
      for (ExpressionTree label : caseTree.getExpressions()) {
        Symbol constant = ASTHelpers.getSymbol(label);
        if (constant == null || constant.getKind() != ElementKind.ENUM_CONSTANT) {
          return false; // patterns, null: not a plain switch over the constants
        }
        labels.add(constant.getSimpleName().toString());
      }
      labeled.addAll(labels);
      List<ExpressionTree> yielded = SwitchFlow.yieldedValues(caseTree);
      Set<Boolean> results = yieldedLiterals(yielded);
      boolean mayYield = results == null || results.contains(value);
      // case DISCONNECTED -> reason == RETRY_EXPIRED (or { ...; yield reason != CLIENT_CLOSE; }): the case's own
      // results can establish the claim
      boolean resultEstablishes = results == null && yielded != null && !yielded.isEmpty();
      for (int i = 0; resultEstablishes && i < yielded.size(); i++) {
        resultEstablishes = establishing(yielded.get(i), value, claim, useTracked, depth + 1) != null;
      }
      if (mayYield && !resultEstablishes) {
        if (labels.isEmpty()) {
          defaultYields = true;
        } else {
          yielding.addAll(labels);
        }
      }
    }
    if (yielding.isEmpty() && !defaultYields) {
      return true; // every case that yields the value establishes the claim by itself
    }
    return possibleValuesEstablish(
        switchExpression.getExpression(), yielding, defaultYields, labeled, claim, useTracked);
  }

  /** The boolean literals a case yields ({@link SwitchFlow#yieldedValues}), or null when it may yield something else. */
  private static @Nullable Set<Boolean> yieldedLiterals(@Nullable List<ExpressionTree> yielded) {
    if (yielded == null) {
      return null; // an old-style case without a yield falls through to the next one: unknown here
    }
    Set<Boolean> results = new HashSet<>();
    for (ExpressionTree value : yielded) {
      Boolean literal = ConditionEvaluator.booleanLiteral(value);
      if (literal == null) {
        return null;
      }
      results.add(literal);
    }
    return results;
  }

  /** Whether the selector's possible values, as far as the labels tell them, establish the claim. */
  private boolean possibleValuesEstablish(
      ExpressionTree selector, Set<String> reachingLabels, boolean defaultReaches, Set<String> allLabels,
      Claim claim, boolean useTracked) {
    Set<String> possible = new LinkedHashSet<>(reachingLabels);
    Type selectorType = ASTHelpers.getType(IotHubSdk.stripParenthesesAndCasts(selector));
    if (defaultReaches) {
      for (String constant : StatusConditions.enumConstants(selectorType)) {
        if (!allLabels.contains(constant)) {
          possible.add(constant);
        }
      }
    }
    if (possible.isEmpty()) {
      return false;
    }
    if (statuses.isCurrentStatus(selector)) {
      return switch (claim) {
        case DISCONNECTED -> possible.equals(Set.of(IotHubSdk.DISCONNECTED));
        case CONNECTED -> possible.equals(Set.of("CONNECTED"));
        case NOT_CONNECTED -> !possible.contains("CONNECTED");
        case RETRYING -> possible.equals(Set.of(DISCONNECTED_RETRYING));
        case NOT_CLIENT_CLOSE -> false;
      };
    }
    if (sdk.isReasonType(selectorType)) {
      return claim == Claim.NOT_CLIENT_CLOSE && !possible.contains(IotHubSdk.CLIENT_CLOSE);
    }
    VarSymbol trackedSelector = useTracked && claim == Claim.DISCONNECTED ? tracked.trackedEnum(selector) : null;
    if (trackedSelector != null) {
      for (String constant : possible) {
        if (!tracked.meansDisconnected(trackedSelector, constant)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isBoolean(@Nullable Type type) {
    return type != null
        && (type.getKind() == javax.lang.model.type.TypeKind.BOOLEAN
            || (type.tsym != null && type.tsym.getQualifiedName().contentEquals("java.lang.Boolean")));
  }
}
