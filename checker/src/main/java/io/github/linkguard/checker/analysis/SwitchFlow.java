package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import io.github.linkguard.checker.analysis.PathFacts.SwitchCase;
import io.github.linkguard.checker.analysis.PathFacts.SwitchExit;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How control flows through a switch: the selector values with which it goes on after a switch statement, and the
 * constants that reach each case (through fallthrough, or a default). Computed once per switch, in one pass over its
 * cases: O(cases).
 */
final class SwitchFlow {
  private final Map<Tree, SwitchExit> switchExits = new IdentityHashMap<>();
  private final Map<Tree, Map<CaseTree, SwitchCase>> switchCases = new IdentityHashMap<>();

  /** Where a switch statement lets control go on; computed once per switch. */
  SwitchExit exitOf(SwitchTree switchTree) {
    return switchExits.computeIfAbsent(switchTree, tree -> computeExit(switchTree));
  }

  private static SwitchExit computeExit(SwitchTree switchTree) {
    List<CaseTree> cases = new ArrayList<>(switchTree.getCases()); // indexed below: javac's List is linked
    boolean[] goesOn = new boolean[cases.size()];
    for (int i = cases.size() - 1; i >= 0; i--) {
      CaseTree caseTree = cases.get(i);
      boolean next = i == cases.size() - 1 || goesOn[i + 1];
      if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = caseTree.getBody();
        goesOn[i] =
            body instanceof ExpressionTree
                || (body instanceof StatementTree statement
                    && (NormalCompletion.canCompleteNormally(statement) || NormalCompletion.breaksOut(statement)));
        continue;
      }
      boolean breaks = false;
      boolean completes = true;
      for (StatementTree statement : caseTree.getStatements()) {
        breaks |= NormalCompletion.breaksOut(statement);
        if (!NormalCompletion.canCompleteNormally(statement)) {
          completes = false;
          break;
        }
      }
      goesOn[i] = breaks || (completes && next);
    }
    Set<String> reaching = new LinkedHashSet<>();
    Set<String> all = new LinkedHashSet<>();
    boolean defaultGoesOn = true; // without a default, the values no case names skip the switch
    for (int i = 0; i < cases.size(); i++) {
      CaseTree caseTree = cases.get(i);
      if (ASTHelpers.isSwitchDefault(caseTree)) {
        defaultGoesOn = goesOn[i];
      }
      all.addAll(labels(caseTree));
      if (goesOn[i]) {
        reaching.addAll(labels(caseTree));
      }
    }
    return new SwitchExit(reaching, defaultGoesOn, all);
  }

  /** JDK 21's {@code CaseTree.getGuard()}, absent from the JDK 17 API the plugin is built against; null there. */
  private static final @Nullable Method GET_GUARD = guardAccessor();

  private static @Nullable Method guardAccessor() {
    try {
      return CaseTree.class.getMethod("getGuard");
    } catch (NoSuchMethodException e) {
      return null; // JDK 17-20: no case has a guard
    }
  }

  /**
   * The {@code when} guard of a pattern case ({@code case IotHubConnectionStatus s when s == DISCONNECTED ->}, Java
   * 21), or null.
   */
  static @Nullable ExpressionTree guardOf(CaseTree caseTree) {
    if (GET_GUARD == null) {
      return null;
    }
    try {
      return (ExpressionTree) GET_GUARD.invoke(caseTree);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  @Nullable SwitchCase switchCase(TreePath casePath, CaseTree caseTree) {
    Tree parent = casePath.getParentPath().getLeaf();
    ExpressionTree selector;
    List<? extends CaseTree> allCases;
    if (parent instanceof SwitchTree switchTree) {
      selector = switchTree.getExpression();
      allCases = switchTree.getCases();
    } else if (parent instanceof SwitchExpressionTree switchExpression) {
      selector = switchExpression.getExpression();
      allCases = switchExpression.getCases();
    } else {
      return null;
    }
    Map<CaseTree, SwitchCase> cases = switchCases.get(parent);
    if (cases == null) {
      cases = casesOf(casePath.getParentPath(), selector, allCases);
      switchCases.put(parent, cases);
    }
    return cases.get(caseTree);
  }

  /**
   * The values a case of a switch expression yields: an arrow case's expression, or the values of the {@code yield}
   * statements in its block or statements (not those of a switch expression, lambda or class nested in it). Null
   * for an old-style case that yields nothing itself: it falls through, so what it yields is the next case's.
   */
  static @Nullable List<ExpressionTree> yieldedValues(CaseTree caseTree) {
    if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE && caseTree.getBody() instanceof ExpressionTree result) {
      return List.of(result);
    }
    List<ExpressionTree> values = new ArrayList<>();
    new SameBodyScanner() {
      @Override
      public Void visitYield(YieldTree tree, Void unused) {
        values.add(tree.getValue());
        return null;
      }

      @Override
      public Void visitSwitchExpression(SwitchExpressionTree tree, Void unused) {
        return null; // its yields are its own
      }
    }.scan(caseTree.getCaseKind() == CaseTree.CaseKind.RULE ? caseTree.getBody() : caseTree, null);
    return values.isEmpty() && caseTree.getCaseKind() != CaseTree.CaseKind.RULE ? null : values;
  }

  /** Every case of one switch with the constants that reach it: one pass over the cases, once per switch. */
  private static Map<CaseTree, SwitchCase> casesOf(
      TreePath switchPath, ExpressionTree selector, List<? extends CaseTree> allCases) {
    Set<String> allLabels = new LinkedHashSet<>();
    for (CaseTree each : allCases) {
      allLabels.addAll(labels(each));
    }
    Map<CaseTree, SwitchCase> cases = new IdentityHashMap<>();
    Set<String> fallingIn = Set.of(); // the labels that fall through into the next case
    boolean defaultFallsIn = false;
    for (CaseTree caseTree : allCases) {
      // Old-style cases fall through from the ones above them that can complete normally.
      Set<String> reaching = new LinkedHashSet<>(labels(caseTree));
      reaching.addAll(fallingIn);
      boolean defaultReaches = ASTHelpers.isSwitchDefault(caseTree) || defaultFallsIn;
      cases.putIfAbsent(
          caseTree,
          new SwitchCase(selector, reaching, defaultReaches, allLabels, caseTree, new TreePath(switchPath, caseTree)));
      boolean fallsThrough = caseTree.getCaseKind() == CaseTree.CaseKind.STATEMENT && fallsThrough(caseTree);
      fallingIn = fallsThrough ? reaching : Set.of();
      defaultFallsIn = fallsThrough && defaultReaches;
    }
    return cases;
  }

  /** Whether the end of an old-style case's statements is reached, so that it falls into the next case. */
  static boolean fallsThrough(CaseTree caseTree) {
    List<? extends StatementTree> statements = caseTree.getStatements();
    if (statements == null || statements.isEmpty()) {
      return true;
    }
    for (StatementTree statement : statements) {
      if (!NormalCompletion.canCompleteNormally(statement)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> labels(CaseTree caseTree) {
    Set<String> labels = new LinkedHashSet<>();
    for (ExpressionTree expression : caseTree.getExpressions()) {
      Symbol symbol = ASTHelpers.getSymbol(expression);
      if (symbol != null) {
        labels.add(symbol.getSimpleName().toString());
      } else if (expression instanceof IdentifierTree identifier) {
        labels.add(identifier.getName().toString());
      }
    }
    return labels;
  }
}
