package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.linkguard.checker.analysis.Dominance.Condition;
import io.github.linkguard.checker.analysis.Dominance.Facts;
import io.github.linkguard.checker.analysis.Dominance.SwitchCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What a condition establishes about the connection: that the last known status is DISCONNECTED (a
 * <em>DISCONNECTED guard</em>), or that the reason cannot be CLIENT_CLOSE (a <em>CLIENT_CLOSE exclusion</em>).
 *
 * <p>Understands {@code ==}/{@code !=}, {@code equals} in either order and {@code Objects.equals}, {@code !},
 * {@code &&}/{@code ||}, switch cases, effectively final boolean locals, same-class boolean methods, configured guard
 * methods, and the state the class tracks in its status callback. A condition on the status itself that also admits
 * DISCONNECTED_RETRYING or CONNECTED ({@code != CONNECTED}) establishes nothing: that is the mistake the checks exist
 * for. Tracked state is trusted as the app's own model.
 *
 * <p>Cost: a condition is taken apart once per question, in time linear in its size; following a boolean method's
 * {@code return}s or a local's initializer goes at most four levels deep, so a chain of such methods
 * costs a bounded amount per condition.
 */
public final class Conditions {
  /** What a condition can establish. */
  public enum Claim {
    /** The last known status is DISCONNECTED. */
    DISCONNECTED,
    /** The status is CONNECTED (used to read the meaning of tracked booleans). */
    CONNECTED,
    /** The status is not CONNECTED (used to read the meaning of tracked booleans). */
    NOT_CONNECTED,
    /** The status is DISCONNECTED_RETRYING (used to read the meaning of tracked enum constants). */
    RETRYING,
    /** The reason is not CLIENT_CLOSE. */
    NOT_CLIENT_CLOSE
  }

  /** Which fact establishes a claim, and the expression to point a diagnostic at. */
  public record Establishment(@Nullable Condition condition, @Nullable SwitchCase switchCase, Tree reportTree) {}

  private enum Meaning {
    TRUE_MEANS_CONNECTED,
    TRUE_MEANS_DISCONNECTED,
    UNKNOWN
  }

  private static final int MAX_DEPTH = 4;
  private static final Set<String> CONNECTED_LIKE =
      Set.of("CONNECTED", "ONLINE", "UP", "OPEN", "OPENED", "READY", "ALIVE", "ACTIVE", "ESTABLISHED");

  private final ClassModel model;
  private final IotHubSdk sdk;
  private final Map<VarSymbol, Meaning> meanings = new HashMap<>();
  private final Map<VarSymbol, Map<String, Boolean>> enumMeanings = new HashMap<>();
  private static final String DISCONNECTED_RETRYING = "DISCONNECTED_RETRYING";

  Conditions(ClassModel model) {
    this.model = model;
    this.sdk = model.sdk();
  }

  /** Whether the facts establish the claim. */
  public boolean holds(Facts facts, Claim claim) {
    return !establishments(facts, claim, true).isEmpty();
  }

  /** Every fact that establishes the claim, innermost first (a DISCONNECTED guard can be nested in another). */
  public List<Establishment> establishments(Facts facts, Claim claim) {
    return establishments(facts, claim, false);
  }

  private List<Establishment> establishments(Facts facts, Claim claim, boolean firstOnly) {
    List<Establishment> all = new ArrayList<>();
    for (Condition condition : facts.conditions()) {
      ExpressionTree report = establishingFact(condition, claim, true);
      if (report != null) {
        all.add(new Establishment(condition, null, report));
        if (firstOnly) {
          return all;
        }
      }
    }
    for (SwitchCase switchCase : facts.cases()) {
      if (caseEstablishes(switchCase, claim, true)) {
        Tree report =
            switchCase.caseTree().getExpressions().isEmpty()
                ? switchCase.caseTree()
                : switchCase.caseTree().getExpressions().get(0);
        all.add(new Establishment(null, switchCase, report));
        if (firstOnly) {
          return all;
        }
      }
    }
    if (all.isEmpty() && claim == Claim.DISCONNECTED) {
      Establishment eliminated = disconnectedByElimination(facts);
      if (eliminated != null) {
        all.add(eliminated);
      }
    }
    if (all.isEmpty() && claim == Claim.NOT_CLIENT_CLOSE) {
      Establishment excluded = clientCloseExcludedOnceDisconnected(facts);
      if (excluded != null) {
        all.add(excluded);
      }
    }
    return all;
  }

  /**
   * Contract v2, check 5: the conditions on the status itself that let DISCONNECTED through together with another
   * status ({@code != CONNECTED}, {@code == DISCONNECTED || == DISCONNECTED_RETRYING}, {@code case
   * DISCONNECTED_RETRYING: case DISCONNECTED:}, an early exit on CONNECTED only), nearest to the point first. Each is
   * reported at the case label that names DISCONNECTED, else at the default, else at the condition.
   */
  public List<Establishment> admittingDisconnectedAmongOthers(Facts facts) {
    List<Establishment> found = new ArrayList<>();
    for (Condition condition : facts.conditions()) {
      if (condition.holder() instanceof SwitchTree switchTree) {
        Dominance.SwitchExit exit = model.dominance().exitOf(switchTree);
        if (isCurrentStatus(switchTree.getExpression())
            && admitsDisconnectedAmongOthers(
                possibleLabels(switchTree.getExpression(), exit.reachingLabels(), exit.defaultReaches(),
                    exit.allLabels()))) {
          found.add(new Establishment(condition, null, IotHubSdk.stripParenthesesAndCasts(condition.expression())));
        }
        continue;
      }
      if (admitsDisconnectedAmongOthers(possibleStatuses(condition.expression(), condition.value()))) {
        found.add(new Establishment(condition, null, IotHubSdk.stripParenthesesAndCasts(condition.expression())));
      }
    }
    for (SwitchCase switchCase : facts.cases()) {
      if (isCurrentStatus(switchCase.selector())
          && admitsDisconnectedAmongOthers(
              possibleLabels(switchCase.selector(), switchCase.reachingLabels(), switchCase.defaultReaches(),
                  switchCase.allLabels()))) {
        found.add(new Establishment(null, switchCase, labelNamingDisconnected(switchCase)));
      }
    }
    found.sort((a, b) -> Integer.compare(position(b.reportTree()), position(a.reportTree())));
    return found;
  }

  private static int position(Tree tree) {
    return ((com.sun.tools.javac.tree.JCTree) tree).getStartPosition();
  }

  private boolean admitsDisconnectedAmongOthers(@Nullable Set<String> possible) {
    return possible != null
        && possible.contains(IotHubSdk.DISCONNECTED)
        && possible.size() > 1
        && !possible.containsAll(enumConstants(sdk.statusEnumType()));
  }

  private Set<String> possibleLabels(
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

  /** The {@code DISCONNECTED} label of the fall-through group that reaches the case, else its default, else it. */
  private Tree labelNamingDisconnected(SwitchCase switchCase) {
    Tree switchTree = switchCase.path().getParentPath().getLeaf();
    IndexedList<CaseTree> cases =
        model.indexed(
            switchTree,
            switchTree instanceof SwitchTree statement ? statement.getCases()
                : switchTree instanceof SwitchExpressionTree expression ? expression.getCases()
                : List.<CaseTree>of());
    CaseTree defaultCase = null;
    int at = cases.indexOf(switchCase.caseTree());
    // the group: this case and the empty, falling-through cases just before it
    for (int i = at; i >= 0; i--) {
      CaseTree caseTree = cases.get(i);
      boolean endsAGroup =
          caseTree.getCaseKind() == CaseTree.CaseKind.RULE || !caseTree.getStatements().isEmpty();
      if (i < at && endsAGroup) {
        break;
      }
      for (ExpressionTree label : caseTree.getExpressions()) {
        Symbol constant = ASTHelpers.getSymbol(label);
        if (constant != null && constant.getSimpleName().contentEquals(IotHubSdk.DISCONNECTED)) {
          return label;
        }
      }
      if (ASTHelpers.isSwitchDefault(caseTree)) {
        defaultCase = caseTree;
      }
    }
    return defaultCase != null ? defaultCase : switchCase.caseTree();
  }

  /**
   * The statuses a condition on the current status lets through when it has {@code value}, or null when the
   * condition is not (only) about the status.
   */
  private @Nullable Set<String> possibleStatuses(ExpressionTree condition, boolean value) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(condition);
    if (tree instanceof UnaryTree unary && unary.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      return possibleStatuses(unary.getExpression(), !value);
    }
    if (tree instanceof BinaryTree binary) {
      switch (binary.getKind()) {
        case CONDITIONAL_AND, CONDITIONAL_OR -> {
          Set<String> left = possibleStatuses(binary.getLeftOperand(), value);
          Set<String> right = possibleStatuses(binary.getRightOperand(), value);
          // a && b true, or a || b false: both hold (an operand on something else narrows nothing)
          boolean both = (binary.getKind() == Tree.Kind.CONDITIONAL_AND) == value;
          if (both) {
            if (left == null || right == null) {
              return left == null ? right : left;
            }
            Set<String> common = new LinkedHashSet<>(left);
            common.retainAll(right);
            return common;
          }
          if (left == null || right == null) {
            return null;
          }
          Set<String> either = new LinkedHashSet<>(left);
          either.addAll(right);
          return either;
        }
        case EQUAL_TO, NOT_EQUAL_TO -> {
          boolean equal = (binary.getKind() == Tree.Kind.EQUAL_TO) == value;
          return statusComparison(binary.getLeftOperand(), binary.getRightOperand(), equal);
        }
        default -> {
          return null;
        }
      }
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
    return null;
  }

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
   * {@code if (status == DISCONNECTED && reason == CLIENT_CLOSE) return;} followed by a DISCONNECTED guard: once
   * the status is known to be DISCONNECTED, that early exit leaves on CLIENT_CLOSE.
   */
  private @Nullable Establishment clientCloseExcludedOnceDisconnected(Facts facts) {
    for (Condition condition : facts.conditions()) {
      if (!condition.value()
          && IotHubSdk.stripParenthesesAndCasts(condition.expression()) instanceof BinaryTree binary
          && binary.getKind() == Tree.Kind.CONDITIONAL_AND) {
        ExpressionTree left = binary.getLeftOperand();
        ExpressionTree right = binary.getRightOperand();
        boolean leftIsStatus = establishing(left, true, Claim.DISCONNECTED, true, 0) != null;
        boolean rightIsStatus = establishing(right, true, Claim.DISCONNECTED, true, 0) != null;
        ExpressionTree rest = leftIsStatus ? right : rightIsStatus ? left : null;
        if (rest != null
            && establishing(rest, false, Claim.NOT_CLIENT_CLOSE, true, 0) != null
            && holds(facts, Claim.DISCONNECTED)) {
          return new Establishment(condition, null, IotHubSdk.stripParenthesesAndCasts(condition.expression()));
        }
      }
    }
    return null;
  }

  /** What one fact establishes: a condition with its value, or a switch statement some of whose cases leave. */
  private @Nullable ExpressionTree establishingFact(Condition condition, Claim claim, boolean useTracked) {
    if (condition.holder() instanceof SwitchTree switchTree) {
      Dominance.SwitchExit exit = model.dominance().exitOf(switchTree);
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
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(condition);
    if (tree instanceof UnaryTree unary && unary.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      ExpressionTree inner = establishing(unary.getExpression(), !value, claim, useTracked, depth);
      if (inner == null) {
        return null;
      }
      return inner == IotHubSdk.stripParenthesesAndCasts(unary.getExpression()) ? unary : inner;
    }
    if (tree instanceof BinaryTree binary) {
      ExpressionTree left = binary.getLeftOperand();
      ExpressionTree right = binary.getRightOperand();
      switch (binary.getKind()) {
        case CONDITIONAL_AND:
          if (value) {
            ExpressionTree found = establishing(left, true, claim, useTracked, depth);
            return found != null ? found : establishing(right, true, claim, useTracked, depth);
          }
          return establishing(left, false, claim, useTracked, depth) != null
                  && establishing(right, false, claim, useTracked, depth) != null
              ? binary
              : null;
        case CONDITIONAL_OR:
          if (!value) {
            ExpressionTree found = establishing(left, false, claim, useTracked, depth);
            return found != null ? found : establishing(right, false, claim, useTracked, depth);
          }
          return establishing(left, true, claim, useTracked, depth) != null
                  && establishing(right, true, claim, useTracked, depth) != null
              ? binary
              : null;
        case EQUAL_TO:
          return comparison(left, right, value, claim, useTracked) ? binary : null;
        case NOT_EQUAL_TO:
          return comparison(left, right, !value, claim, useTracked) ? binary : null;
        default:
          return null;
      }
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
        return useTracked && claim == Claim.DISCONNECTED && trackedBooleanGuards(variable, value) ? tree : null;
      }
      ExpressionTree initializer = model.finalLocalInitializer(variable);
      if (initializer != null && isBoolean(variable.type)) {
        return establishing(initializer, value, claim, useTracked, depth + 1) != null ? tree : null;
      }
    }
    return null;
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
      VarSymbol field = fieldRead(ASTHelpers.getReceiver(call));
      if (field != null && trackedBooleanGuards(field, value)) {
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
      Boolean constant = booleanLiteral(expression);
      if (constant != null) {
        if (constant == value) {
          return false;
        }
        continue;
      }
      if (establishing(expression, value, claim, useTracked, depth + 1) == null) {
        return false;
      }
      yieldsValue = true;
    }
    return yieldsValue;
  }

  /** {@code a == b} when {@code equal}, else {@code a != b}. */
  private boolean comparison(ExpressionTree a, ExpressionTree b, boolean equal, Claim claim, boolean useTracked) {
    return compared(a, b, equal, claim, useTracked) || compared(b, a, equal, claim, useTracked);
  }

  private boolean compared(
      ExpressionTree subject, ExpressionTree constant, boolean equal, Claim claim, boolean useTracked) {
    String status = sdk.statusConstant(constant);
    if (status != null && isCurrentStatus(subject)) {
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
      VarSymbol field = trackedEnum(subject);
      if (constantSymbol != null && constantSymbol.getKind() == ElementKind.ENUM_CONSTANT && field != null) {
        String name = constantSymbol.getSimpleName().toString();
        if (equal) {
          return meansDisconnected(field, name);
        }
        // != C holds for every other constant: all of them must mean disconnected
        List<String> others = new ArrayList<>(enumConstants(constantSymbol.owner.type));
        others.remove(name);
        if (others.isEmpty()) {
          return false;
        }
        for (String other : others) {
          if (!meansDisconnected(field, other)) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private boolean caseEstablishes(SwitchCase switchCase, Claim claim, boolean useTracked) {
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
      Set<Boolean> results = yieldedLiterals(caseTree);
      boolean mayYield = results == null || results.contains(value);
      // case DISCONNECTED -> reason == RETRY_EXPIRED: the case's own result can establish the claim
      boolean resultEstablishes =
          results == null
              && caseTree.getCaseKind() == CaseTree.CaseKind.RULE
              && caseTree.getBody() instanceof ExpressionTree result
              && establishing(result, value, claim, useTracked, depth + 1) != null;
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

  /** The boolean literals a case of a switch expression yields, or null when it may yield something else. */
  private static @Nullable Set<Boolean> yieldedLiterals(CaseTree caseTree) {
    if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE && caseTree.getBody() instanceof ExpressionTree result) {
      Boolean literal = booleanLiteral(result);
      return literal == null ? null : Set.of(literal);
    }
    Set<Boolean> results = new HashSet<>();
    boolean[] unknown = {false};
    new SameBodyScanner() {
      @Override
      public Void visitYield(YieldTree tree, Void unused) {
        Boolean literal = booleanLiteral(tree.getValue());
        if (literal == null) {
          unknown[0] = true;
        } else {
          results.add(literal);
        }
        return null;
      }

      @Override
      public Void visitSwitchExpression(SwitchExpressionTree tree, Void unused) {
        return null; // its yields are its own
      }
    }.scan(caseTree.getCaseKind() == CaseTree.CaseKind.RULE ? caseTree.getBody() : caseTree, null);
    // an old-style case without a yield falls through to the next one: unknown here
    boolean fallsThrough = results.isEmpty() && caseTree.getCaseKind() != CaseTree.CaseKind.RULE;
    return unknown[0] || fallsThrough ? null : results;
  }

  /** The value of a {@code true} or {@code false} literal, or null. */
  static @Nullable Boolean booleanLiteral(ExpressionTree tree) {
    return IotHubSdk.stripParenthesesAndCasts(tree) instanceof LiteralTree literal
            && literal.getValue() instanceof Boolean value
        ? value
        : null;
  }

  /** Whether the selector's possible values, as far as the labels tell them, establish the claim. */
  private boolean possibleValuesEstablish(
      ExpressionTree selector, Set<String> reachingLabels, boolean defaultReaches, Set<String> allLabels,
      Claim claim, boolean useTracked) {
    Set<String> possible = new LinkedHashSet<>(reachingLabels);
    Type selectorType = ASTHelpers.getType(IotHubSdk.stripParenthesesAndCasts(selector));
    if (defaultReaches) {
      for (String constant : enumConstants(selectorType)) {
        if (!allLabels.contains(constant)) {
          possible.add(constant);
        }
      }
    }
    if (possible.isEmpty()) {
      return false;
    }
    if (isCurrentStatus(selector)) {
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
    VarSymbol trackedSelector = useTracked && claim == Claim.DISCONNECTED ? trackedEnum(selector) : null;
    if (trackedSelector != null) {
      for (String constant : possible) {
        if (!meansDisconnected(trackedSelector, constant)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Conditions that together rule out every status but DISCONNECTED: {@code s != CONNECTED && s !=
   * DISCONNECTED_RETRYING}, or one early exit per other status. Each rules out what it excludes on the same status
   * expression; the innermost one that contributes is the guard.
   */
  private @Nullable Establishment disconnectedByElimination(Facts facts) {
    if (statusesOtherThanDisconnected().isEmpty()) {
      return null;
    }
    Map<String, Set<String>> excludedByStatus = new HashMap<>();
    for (Condition condition : facts.conditions()) {
      Map<String, Set<String>> excludedHere = new HashMap<>();
      excludedStatuses(condition.expression(), condition.value(), excludedHere);
      for (var entry : excludedHere.entrySet()) {
        Set<String> excluded = excludedByStatus.computeIfAbsent(entry.getKey(), k -> new LinkedHashSet<>());
        excluded.addAll(entry.getValue());
        if (excluded.containsAll(statusesOtherThanDisconnected())) {
          return new Establishment(condition, null, IotHubSdk.stripParenthesesAndCasts(condition.expression()));
        }
      }
    }
    return null;
  }

  private @Nullable Set<String> otherStatuses;

  private Set<String> statusesOtherThanDisconnected() {
    if (otherStatuses == null) {
      Set<String> others = new LinkedHashSet<>(enumConstants(sdk.statusEnumType()));
      others.remove(IotHubSdk.DISCONNECTED);
      otherStatuses = others;
    }
    return otherStatuses;
  }

  /** The status constants {@code condition} rules out when it has {@code value}, by status expression. */
  private void excludedStatuses(ExpressionTree condition, boolean value, Map<String, Set<String>> excluded) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(condition);
    if (tree instanceof UnaryTree unary && unary.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      excludedStatuses(unary.getExpression(), !value, excluded);
      return;
    }
    ExpressionTree left = null;
    ExpressionTree right = null;
    boolean equal = false;
    if (tree instanceof BinaryTree binary) {
      Tree.Kind kind = binary.getKind();
      if ((kind == Tree.Kind.CONDITIONAL_AND && value) || (kind == Tree.Kind.CONDITIONAL_OR && !value)) {
        excludedStatuses(binary.getLeftOperand(), value, excluded);
        excludedStatuses(binary.getRightOperand(), value, excluded);
        return;
      }
      if (kind != Tree.Kind.EQUAL_TO && kind != Tree.Kind.NOT_EQUAL_TO) {
        return;
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
      return;
    }
    for (ExpressionTree[] pair : new ExpressionTree[][] {{left, right}, {right, left}}) {
      String constant = sdk.statusConstant(pair[1]);
      String subject = constant != null && isCurrentStatus(pair[0]) ? sameValueKey(pair[0]) : null;
      if (subject != null) {
        excluded.computeIfAbsent(subject, k -> new LinkedHashSet<>()).add(constant);
      }
    }
  }

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
            && receiver.getName().contentEquals("this");
    if (tree instanceof IdentifierTree || onThis) {
      return symbol.owner + "#" + symbol.getSimpleName() + "@" + System.identityHashCode(symbol);
    }
    if (tree instanceof MemberSelectTree member) {
      String receiver = sameValueKey(member.getExpression());
      return receiver == null ? null : receiver + "." + symbol.getSimpleName();
    }
    return null;
  }

  // ---------------------------------------------------------------- statuses

  /** An expression of type IotHubConnectionStatus that is the current (not the previous) status. */
  private boolean isCurrentStatus(ExpressionTree expression) {
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

  // ---------------------------------------------------------------- tracked state

  /** The tracked enum field an expression reads (directly, through a getter, or through AtomicReference.get). */
  private @Nullable VarSymbol trackedEnum(ExpressionTree expression) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    VarSymbol field = fieldRead(tree);
    if (field == null && tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      if (symbol instanceof MethodSymbol method) {
        if (method.getSimpleName().contentEquals("get")) {
          field = fieldRead(ASTHelpers.getReceiver(call));
        } else {
          ExpressionTree returned = singleReturn(method);
          field = returned == null ? null : fieldRead(IotHubSdk.stripParenthesesAndCasts(returned));
        }
      }
    }
    return field != null && model.isTracked(field) ? field : null;
  }

  private static @Nullable VarSymbol fieldRead(@Nullable ExpressionTree tree) {
    if (tree == null) {
      return null;
    }
    ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(tree);
    if (!(stripped instanceof IdentifierTree) && !(stripped instanceof MemberSelectTree)) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(stripped);
    return symbol instanceof VarSymbol variable && variable.getKind() == ElementKind.FIELD ? variable : null;
  }

  /** Whether reading tracked boolean {@code field} as {@code value} means the app believes it is disconnected. */
  private boolean trackedBooleanGuards(VarSymbol field, boolean value) {
    if (!model.isTracked(field)) {
      return false;
    }
    return switch (meaning(field)) {
      case TRUE_MEANS_CONNECTED -> !value;
      case TRUE_MEANS_DISCONNECTED -> value;
      case UNKNOWN -> false; // a flag about something else (credentials, shutdown...) says nothing of the link
    };
  }

  private Meaning meaning(VarSymbol field) {
    Meaning known = meanings.get(field);
    if (known != null) {
      return known;
    }
    Meaning inferred = null;
    boolean conflicting = false;
    for (ClassModel.FieldWrite write : model.trackedWrites(field)) {
      Meaning vote = vote(write);
      if (vote == Meaning.UNKNOWN) {
        continue;
      }
      if (inferred == null) {
        inferred = vote;
      } else if (inferred != vote) {
        conflicting = true;
      }
    }
    Meaning meaning = inferred != null && !conflicting ? inferred : meaningFromName(field);
    meanings.put(field, meaning);
    return meaning;
  }

  private Meaning vote(ClassModel.FieldWrite write) {
    ExpressionTree value = write.value();
    if (value == null) {
      return Meaning.UNKNOWN;
    }
    ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(value);
    if (stripped instanceof LiteralTree literal && literal.getValue() instanceof Boolean assigned) {
      Facts facts = model.dominance().factsAt(write.path());
      if (holdsUntracked(facts, Claim.CONNECTED)) {
        return assigned ? Meaning.TRUE_MEANS_CONNECTED : Meaning.TRUE_MEANS_DISCONNECTED;
      }
      if (holdsUntracked(facts, Claim.NOT_CONNECTED) || holdsUntracked(facts, Claim.DISCONNECTED)) {
        return assigned ? Meaning.TRUE_MEANS_DISCONNECTED : Meaning.TRUE_MEANS_CONNECTED;
      }
      return Meaning.UNKNOWN;
    }
    if (establishing(value, true, Claim.CONNECTED, false, 0) != null) {
      return Meaning.TRUE_MEANS_CONNECTED;
    }
    if (establishing(value, true, Claim.NOT_CONNECTED, false, 0) != null
        || establishing(value, true, Claim.DISCONNECTED, false, 0) != null) {
      return Meaning.TRUE_MEANS_DISCONNECTED;
    }
    return Meaning.UNKNOWN;
  }

  private boolean holdsUntracked(Facts facts, Claim claim) {
    for (Condition condition : facts.conditions()) {
      if (establishingFact(condition, claim, false) != null) {
        return true;
      }
    }
    for (SwitchCase switchCase : facts.cases()) {
      if (caseEstablishes(switchCase, claim, false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the tracked enum {@code field} holding {@code constant} means the app believes it is disconnected: read
   * from where the status callback assigns that constant (under DISCONNECTED: yes; under CONNECTED or
   * DISCONNECTED_RETRYING: no), else from the constant's name (not CONNECTED-like, not RETRY-like).
   */
  private boolean meansDisconnected(VarSymbol field, String constant) {
    Map<String, Boolean> assigned = enumMeanings.computeIfAbsent(field, this::enumMeaningsFromWrites);
    Boolean known = assigned.get(constant);
    return known != null ? known : !isConnectedLike(constant) && !isRetryLike(constant);
  }

  private Map<String, Boolean> enumMeaningsFromWrites(VarSymbol field) {
    Map<String, Boolean> meanings = new HashMap<>();
    for (ClassModel.FieldWrite write : model.trackedWrites(field)) {
      TreePath valuePath = write.value() == null ? null : TreePath.getPath(write.path(), write.value());
      if (valuePath == null) {
        continue;
      }
      Map<TreePath, String> constants = new LinkedHashMap<>();
      resultConstants(valuePath, constants, 0);
      for (var entry : constants.entrySet()) {
        Boolean meaning = meaningWhereReached(entry.getKey());
        if (meaning != null) {
          // A constant written both when disconnected and when the SDK still owns the link does not mean
          // disconnected.
          meanings.merge(entry.getValue(), meaning, Boolean::logicalAnd);
        }
      }
    }
    return meanings;
  }

  /**
   * The enum constants a value can be, each with where it is produced: the constant itself, either side of a
   * {@code ?:}, each case of a switch expression, or each return of a same-class mapping method ({@code link =
   * toLink(status)}).
   */
  private void resultConstants(TreePath valuePath, Map<TreePath, String> constants, int depth) {
    ExpressionTree value = IotHubSdk.stripParenthesesAndCasts((ExpressionTree) valuePath.getLeaf());
    TreePath path = value == valuePath.getLeaf() ? valuePath : TreePath.getPath(valuePath, value);
    if (path == null || depth > MAX_DEPTH) {
      return;
    }
    Symbol symbol = ASTHelpers.getSymbol(value);
    if (symbol != null && symbol.getKind() == ElementKind.ENUM_CONSTANT) {
      constants.put(path, symbol.getSimpleName().toString());
    } else if (value instanceof ConditionalExpressionTree conditional) {
      resultConstants(new TreePath(path, conditional.getTrueExpression()), constants, depth + 1);
      resultConstants(new TreePath(path, conditional.getFalseExpression()), constants, depth + 1);
    } else if (value instanceof SwitchExpressionTree switchExpression) {
      for (CaseTree caseTree : switchExpression.getCases()) {
        TreePath casePath = new TreePath(path, caseTree);
        if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE && caseTree.getBody() instanceof ExpressionTree result) {
          resultConstants(new TreePath(casePath, result), constants, depth + 1);
        }
      }
    } else if (value instanceof MethodInvocationTree && symbol instanceof MethodSymbol method) {
      Body body = model.bodyOf(method);
      for (ExpressionTree returned : body == null ? List.<ExpressionTree>of() : model.returnedExpressions(method)) {
        TreePath returnedPath = TreePath.getPath(body.path(), returned);
        if (returnedPath != null) {
          resultConstants(returnedPath, constants, depth + 1);
        }
      }
    }
  }

  /** What producing a value at {@code path} says: under DISCONNECTED true, under CONNECTED or RETRYING false. */
  private @Nullable Boolean meaningWhereReached(TreePath path) {
    Facts facts = model.dominance().factsAt(path);
    if (holdsUntracked(facts, Claim.CONNECTED) || holdsUntracked(facts, Claim.RETRYING)) {
      return false;
    }
    return holdsUntracked(facts, Claim.DISCONNECTED) ? true : null;
  }

  private static Meaning meaningFromName(VarSymbol field) {
    String name = field.getSimpleName().toString().toLowerCase(Locale.ROOT);
    if (name.contains("disconnect") || name.contains("offline") || name.contains("lost")
        || name.contains("reconnect") || name.contains("broken") || name.contains("down")) {
      return Meaning.TRUE_MEANS_DISCONNECTED;
    }
    if (name.contains("connect") || name.contains("online") || name.contains("open")
        || name.contains("alive") || name.contains("ready")) {
      return Meaning.TRUE_MEANS_CONNECTED;
    }
    return Meaning.UNKNOWN;
  }

  private static boolean isConnectedLike(String constant) {
    return CONNECTED_LIKE.contains(constant);
  }

  private static boolean isRetryLike(String constant) {
    return constant.contains("RETRY") || constant.contains("RECONNECTING");
  }

  private static List<String> enumConstants(@Nullable Type type) {
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

  // ---------------------------------------------------------------- helpers

  /** The expression of a same-class method whose body is a single {@code return} (a getter). */
  private @Nullable ExpressionTree singleReturn(MethodSymbol method) {
    List<ExpressionTree> returned = model.returnedExpressions(method);
    Body body = model.bodyOf(method);
    return returned.size() == 1
            && body != null
            && body.tree() instanceof MethodTree methodTree
            && methodTree.getBody().getStatements().size() == 1
        ? returned.get(0)
        : null;
  }


  private static boolean isBoolean(@Nullable Type type) {
    return type != null
        && (type.getKind() == javax.lang.model.type.TypeKind.BOOLEAN
            || (type.tsym != null && type.tsym.getQualifiedName().contentEquals("java.lang.Boolean")));
  }
}
