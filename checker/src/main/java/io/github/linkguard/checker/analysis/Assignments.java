package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which variables a piece of code assigns, for {@link LoopExits} and {@link SuccessPath}. Linear in the tree. */
final class Assignments {
  private Assignments() {}

  /** The assignment a statement is ({@code x = value;}), or null. */
  static @Nullable AssignmentTree of(StatementTree statement) {
    return statement instanceof ExpressionStatementTree expression
            && expression.getExpression() instanceof AssignmentTree assignment
        ? assignment
        : null;
  }

  /**
   * Which of {@code variables} {@code tree} assigns (or calls set on), outside nested classes, each with how many
   * assignments of it the tree holds (a {@code set} call counts none).
   */
  static Map<Symbol, Integer> among(Tree tree, Set<Symbol> variables, boolean inCatches) {
    Map<Symbol, Integer> assigned = new HashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitCatch(CatchTree clause, Void unused) {
        return inCatches ? super.visitCatch(clause, null) : null;
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        Symbol variable = ASTHelpers.getSymbol(assignment.getVariable());
        if (variables.contains(variable)) {
          assigned.merge(variable, 1, Integer::sum);
        }
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getMethodSelect() instanceof MemberSelectTree member
            && member.getIdentifier().toString().startsWith("set")
            && variables.contains(ASTHelpers.getSymbol(member.getExpression()))) {
          assigned.putIfAbsent(ASTHelpers.getSymbol(member.getExpression()), 0);
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitClass(ClassTree nested, Void unused) {
        return null;
      }
    }.scan(tree, null);
    return assigned;
  }
}
