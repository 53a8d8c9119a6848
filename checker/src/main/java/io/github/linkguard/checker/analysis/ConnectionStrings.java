package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which device connection strings written into the program reach an expression unchanged: compile-time constants
 * (literals, concatenations of constants, {@code static final} fields of any class, generated ones such as Android's
 * {@code BuildConfig} included), directly or through locals and fields every assignment of which, parameters every
 * argument of which, and methods every {@code return} of which is such a constant, transitively; a {@code ?:} or a
 * switch expression stands for the values of its branches.
 *
 * <p>A constant expression costs one look-up; anything else asks the {@link CompilationValues} index, which is
 * built once per compilation on the first such question.
 */
public final class ConnectionStrings {
  /** Expressions followed per argument at most: deeper flows are not how a connection string is written in. */
  private static final int MOST_EXPRESSIONS_FOLLOWED = 200;

  private ConnectionStrings() {}

  /**
   * The identities of the connection strings with a real-looking key that reach {@code argument}, when every value
   * that can reach it is one; empty when any value is not a constant, a placeholder, or cannot be traced.
   */
  public static List<DeviceConnectionString> reaching(ExpressionTree argument, VisitorState state) {
    Set<DeviceConnectionString> found = new LinkedHashSet<>();
    Set<Symbol> followed = new HashSet<>();
    Deque<ExpressionTree> pending = new ArrayDeque<>();
    pending.add(argument);
    CompilationValues values = null;
    for (int steps = 0; !pending.isEmpty(); steps++) {
      if (steps == MOST_EXPRESSIONS_FOLLOWED) {
        return List.of();
      }
      ExpressionTree expression = IotHubSdk.stripParenthesesAndCasts(pending.poll());
      String constant = ASTHelpers.constValue(expression, String.class);
      if (constant != null) {
        DeviceConnectionString identity = DeviceConnectionString.withRealKey(constant);
        if (identity == null) {
          return List.of();
        }
        found.add(identity);
        continue;
      }
      if (expression instanceof ConditionalExpressionTree conditional) {
        pending.add(conditional.getTrueExpression());
        pending.add(conditional.getFalseExpression());
        continue;
      }
      if (expression instanceof SwitchExpressionTree choice) {
        // switch (site) { case LAB -> LAB_CS; case FIELD -> { ...; yield FIELD_CS; } }: each arm's values, as a ?:
        for (CaseTree caseTree : choice.getCases()) {
          List<ExpressionTree> yielded = SwitchFlow.yieldedValues(caseTree);
          pending.addAll(yielded == null ? List.of() : yielded); // an old-style case falling through yields the next's
        }
        continue;
      }
      Symbol symbol = traceableSymbol(expression);
      if (symbol == null || !CompilationValues.isInCompilation(symbol, state)) {
        return List.of();
      }
      if (!followed.add(symbol)) {
        continue; // a cycle (a recursive call passing its parameter on) adds no value of its own
      }
      values = values != null ? values : CompilationValues.instance(state);
      List<ExpressionTree> sources =
          symbol instanceof VarSymbol variable ? values.valuesOf(variable) : values.returnsOf((MethodSymbol) symbol);
      if (sources == null || sources.isEmpty()) {
        return List.of();
      }
      pending.addAll(sources);
    }
    return new ArrayList<>(found);
  }

  /** The variable read or the method called, when the expression is nothing more than that. */
  private static @Nullable Symbol traceableSymbol(ExpressionTree expression) {
    if (expression instanceof IdentifierTree || expression instanceof MemberSelectTree) {
      Symbol symbol = ASTHelpers.getSymbol(expression);
      return symbol instanceof VarSymbol ? symbol : null;
    }
    if (expression instanceof MethodInvocationTree call) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      return symbol instanceof MethodSymbol ? symbol : null;
    }
    return null;
  }
}
