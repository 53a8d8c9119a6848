package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import io.github.linkguard.checker.analysis.PathFacts.Condition;
import io.github.linkguard.checker.analysis.PathFacts.Facts;
import io.github.linkguard.checker.analysis.PathFacts.SwitchCase;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the conditions on the way to a point establish about the connection: that the last known status is
 * DISCONNECTED (a <em>DISCONNECTED guard</em>), or that the reason cannot be CLIENT_CLOSE (a <em>CLIENT_CLOSE
 * exclusion</em>); and, for contract v2, the conditions on the status that let DISCONNECTED through with other
 * statuses. Besides single conditions, a guard can be the sum of several ({@code != CONNECTED} then {@code !=
 * DISCONNECTED_RETRYING}: by elimination) or an early exit on DISCONNECTED and CLIENT_CLOSE together.
 *
 * <p>A condition on the status itself that also admits DISCONNECTED_RETRYING or CONNECTED ({@code != CONNECTED})
 * establishes nothing: that is the mistake the checks exist for. What one condition establishes is {@link
 * ConditionClaims}'s (tracked state: {@link TrackedStateMeaning}'s); which statuses it admits or rules out is {@link
 * StatusConditions}'s; {@code !}, {@code &&} and {@code ||} are {@link ConditionEvaluator}'s.
 *
 * <p>Cost: per question, each condition and switch case on the way is read once, linear in its size (see those
 * classes for the bounded look into methods and locals).
 */
public final class Conditions {
  /** Which fact establishes a claim, and the expression to point a diagnostic at. */
  public record Establishment(@Nullable Condition condition, @Nullable SwitchCase switchCase, Tree reportTree) {}

  private final CompilationModel model;
  private final PathFacts pathFacts;
  private final StatusConditions statuses;
  private final ConditionClaims claims;

  Conditions(CompilationModel model, PathFacts pathFacts) {
    this.model = model;
    this.pathFacts = pathFacts;
    this.statuses = new StatusConditions(model, pathFacts);
    this.claims = new ConditionClaims(model, statuses, pathFacts);
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
      ExpressionTree report = claims.establishingFact(condition, claim, true);
      if (report != null) {
        all.add(new Establishment(condition, null, report));
        if (firstOnly) {
          return all;
        }
      }
    }
    for (SwitchCase switchCase : facts.cases()) {
      if (claims.caseEstablishes(switchCase, claim, true)) {
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
        PathFacts.SwitchExit exit = pathFacts.exitOf(switchTree);
        if (statuses.isCurrentStatus(switchTree.getExpression())
            && statuses.admitsDisconnectedAmongOthers(
                statuses.possibleLabels(switchTree.getExpression(), exit.reachingLabels(), exit.defaultReaches(),
                    exit.allLabels()))) {
          found.add(new Establishment(condition, null, IotHubSdk.stripParenthesesAndCasts(condition.expression())));
        }
        continue;
      }
      if (statuses.admitsDisconnectedAmongOthers(statuses.possibleStatuses(condition.expression(), condition.value()))
          || statuses.admitsDisconnectedOrAReason(condition.expression(), condition.value())) {
        found.add(new Establishment(condition, null, IotHubSdk.stripParenthesesAndCasts(condition.expression())));
      }
    }
    for (SwitchCase switchCase : facts.cases()) {
      if (statuses.isCurrentStatus(switchCase.selector())
          && statuses.admitsDisconnectedAmongOthers(
              statuses.possibleLabels(switchCase.selector(), switchCase.reachingLabels(), switchCase.defaultReaches(),
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

  /**
   * The {@code DISCONNECTED} label of the cases that reach the case (it, and those falling through into it: empty
   * labels, or statements that run on into it), the nearest first; else their default; else the case.
   */
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
    // this case, and the cases before it whose ends are reached and so run on into it
    for (int i = at; i >= 0; i--) {
      CaseTree caseTree = cases.get(i);
      boolean fallsIn = caseTree.getCaseKind() == CaseTree.CaseKind.STATEMENT && SwitchFlow.fallsThrough(caseTree);
      if (i < at && !fallsIn) {
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
        boolean leftIsStatus = claims.establishing(left, true, Claim.DISCONNECTED, true, 0) != null;
        boolean rightIsStatus = claims.establishing(right, true, Claim.DISCONNECTED, true, 0) != null;
        ExpressionTree rest = leftIsStatus ? right : rightIsStatus ? left : null;
        if (rest != null
            && claims.establishing(rest, false, Claim.NOT_CLIENT_CLOSE, true, 0) != null
            && holds(facts, Claim.DISCONNECTED)) {
          return new Establishment(condition, null, IotHubSdk.stripParenthesesAndCasts(condition.expression()));
        }
      }
    }
    return null;
  }

  /**
   * Conditions that together rule out every status but DISCONNECTED: {@code s != CONNECTED && s !=
   * DISCONNECTED_RETRYING}, or one early exit per other status. Each rules out what it excludes on the same status
   * expression; the innermost one that contributes is the guard.
   */
  private @Nullable Establishment disconnectedByElimination(Facts facts) {
    Condition eliminating = statuses.eliminatingEveryOtherStatus(facts.conditions());
    return eliminating == null
        ? null
        : new Establishment(eliminating, null, IotHubSdk.stripParenthesesAndCasts(eliminating.expression()));
  }

  /**
   * The part of {@code condition} that establishes {@code claim} when the condition has {@code value}, or null.
   * {@code useTracked} is off while the meaning of tracked booleans is being worked out.
   */
  @Nullable ExpressionTree establishing(
      ExpressionTree condition, boolean value, Claim claim, boolean useTracked, int depth) {
    return claims.establishing(condition, value, claim, useTracked, depth);
  }
}
