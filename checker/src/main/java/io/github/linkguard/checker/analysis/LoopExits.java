package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Whether a loop ends once the attempt in it succeeds: a {@code break} or {@code return} after the attempt, a flag
 * the loop condition tests set after it (in the same-class code the attempt calls, or in a finally from flags set
 * after it), a loop condition that holds only while the device is not connected, or a flag set in every round unless
 * a failure is caught. This tells a retry loop from a loop that keeps running (a re-entry site), and both from a loop
 * whose every round is its last ({@link #runsAtMostOnce}).
 *
 * <p>Cost: which statements of a block leave the loop is computed once per block and loop, from the end of the
 * indexed block backwards, so many attempts in one loop stay linear; the variables a loop condition reads are
 * collected once per loop, and whether a round ends the loop is two passes over its body's statements, once per loop.
 */
final class LoopExits {
  private final CompilationModel model;
  private final Conditions conditions;
  private final Map<Tree, Set<Symbol>> conditionVariablesByLoop = new IdentityHashMap<>();
  private final Map<Tree, Map<Tree, boolean[]>> leavesFromByLoop = new IdentityHashMap<>();
  /** Per loop: whether a round ends it whatever happens, and whether it does unless a failure is caught. */
  private final Map<Tree, boolean[]> roundEndsByLoop = new IdentityHashMap<>();
  private final Map<Tree, List<ExpressionTree>> exitTestsByLoop = new IdentityHashMap<>();
  private final Map<Tree, Map<Tree, boolean[]>> exitTestSetsByLoop = new IdentityHashMap<>();

  private final SuccessPath successPath;

  LoopExits(CompilationModel model, Conditions conditions) {
    this.model = model;
    this.conditions = conditions;
    this.successPath = new SuccessPath(model);
  }

  /**
   * Whether the loop ends once the attempt at {@code anchor} succeeds: a break or return after it, a flag the loop
   * condition tests set after it, or a condition on the status (or on state the status callback tracks).
   */
  boolean leavesAfterSuccess(TreePath loopPath, TreePath anchor) {
    Tree loop = loopPath.getLeaf();
    Set<Symbol> conditionVariables =
        conditionVariablesByLoop.computeIfAbsent(loop, l -> conditionVariables(loopCondition(l)));
    if (runsOnlyWhileNotConnected(loop) || endsAfterTheRoundUnlessAFailureIsCaught(loop)) {
      return true; // the status callback, or the flag set in every round, ends the loop once the open() succeeds
    }
    if (anchor.getLeaf() instanceof MethodInvocationTree call && !conditionVariables.isEmpty()) {
      // connect() { client.open(); connected = true; } in `while (!connected) { ... connect(); ... }`
      Symbol callee = ASTHelpers.getSymbol(call);
      Body calleeBody = callee instanceof MethodSymbol method ? model.bodyOf(method) : null;
      if (calleeBody != null) {
        for (Body reached : model.syncReachable(calleeBody)) {
          if (assigns(reached.tree(), conditionVariables, true)) {
            return true;
          }
        }
      }
    }
    Tree previous = anchor.getLeaf();
    for (TreePath current = anchor.getParentPath();
        current != null && current.getLeaf() != loop;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof ReturnTree // return connectAndOpen();
          || (leaf instanceof TryTree tryTree // finally { keepTrying = !ok; }
              && SuccessPath.finallyEndsTheLoopAfter(tryTree, anchor, loopCondition(loop), conditionVariables))) {
        return true;
      }
      List<? extends StatementTree> statements = null;
      if (leaf instanceof BlockTree block) {
        statements = block.getStatements();
      } else if (leaf instanceof CaseTree caseTree) {
        statements = caseTree.getStatements();
      }
      if (statements != null) {
        int index = model.indexed(leaf, statements).indexOf(previous);
        boolean[] leavesFrom = leavesFrom(loopPath, current, statements, conditionVariables);
        if (index >= 0 && leavesFrom[index + 1]) {
          return true;
        }
      }
      previous = leaf;
    }
    return setsAnExitTestAfter(loopPath, anchor);
  }

  /**
   * {@code for (;;) { if (opened) break; try { client.open(true); opened = true; } catch (...) { ... } }}: a statement
   * after the attempt (outside catch clauses, which run on failure) sets a variable to a constant that makes one of the
   * loop's exit tests pass, so the loop leaves once the attempt succeeded, as with a flag in the loop condition. Cost:
   * the exit tests are found once per loop, and which statements of a block set one once per block; only a loop that
   * has an exit test walks the blocks around the attempt.
   */
  private boolean setsAnExitTestAfter(TreePath loopPath, TreePath anchor) {
    Tree loop = loopPath.getLeaf();
    List<ExpressionTree> exitTests = exitTestsByLoop.computeIfAbsent(loop, l -> exitTests(loopPath));
    if (exitTests.isEmpty()) {
      return false;
    }
    Tree previous = anchor.getLeaf();
    for (TreePath current = anchor.getParentPath();
        current != null && current.getLeaf() != loop;
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof BlockTree block) {
        IndexedList<StatementTree> statements = model.indexed(block, block.getStatements());
        int index = statements.indexOf(previous);
        if (index >= 0 && setsAnExitTestFrom(loop, block, statements, exitTests)[index + 1]) {
          return true;
        }
      }
      previous = current.getLeaf();
    }
    return false;
  }

  /** For each position of a block, whether a statement from there on passes an exit test: once per loop and block. */
  private boolean[] setsAnExitTestFrom(
      Tree loop, BlockTree block, IndexedList<StatementTree> statements, List<ExpressionTree> exitTests) {
    return exitTestSetsByLoop.computeIfAbsent(loop, l -> new IdentityHashMap<>()).computeIfAbsent(
        block,
        b -> {
          boolean[] sets = new boolean[statements.size() + 1];
          for (int i = statements.size() - 1; i >= 0; i--) {
            sets[i] = sets[i + 1] || setsToPass(statements.get(i), exitTests);
          }
          return sets;
        });
  }

  /** Whether {@code statement} sets a variable to a constant under which one of {@code exitTests} holds. */
  private static boolean setsToPass(StatementTree statement, List<ExpressionTree> exitTests) {
    boolean[] passes = {false};
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        Object value = KnownValues.constantValue(assignment.getExpression());
        Symbol variable = ASTHelpers.getSymbol(assignment.getVariable());
        if (value != null && variable != null) {
          KnownValues known = new KnownValues(Map.of(variable, value));
          for (ExpressionTree test : exitTests) {
            passes[0] |= !ConditionEvaluator.evaluate(test, false, known);
          }
        }
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitCatch(CatchTree tree, Void unused) {
        return null; // runs when the attempt failed
      }
    }.scan(statement, null);
    return passes[0];
  }

  /**
   * The conditions of the {@code if (test) break;} or {@code if (test) return;} statements (no {@code else}) at the
   * top level of the loop's body: each round passes through them.
   */
  private static List<ExpressionTree> exitTests(TreePath loopPath) {
    StatementTree body = bodyOf(loopPath.getLeaf());
    List<ExpressionTree> tests = new ArrayList<>();
    if (!(body instanceof BlockTree block)) {
      return tests;
    }
    String label = labelOf(loopPath);
    for (StatementTree statement : block.getStatements()) {
      if (statement instanceof IfTree ifTree
          && ifTree.getElseStatement() == null
          && leavesTheLoop(ifTree.getThenStatement(), label)) {
        tests.add(ifTree.getCondition());
      }
    }
    return tests;
  }

  /**
   * {@code break;} (of this loop), {@code return ...;}, {@code continue outer;} (of an enclosing loop, which leaves
   * this one as a {@code break} does), or a block that ends with one of them.
   */
  private static boolean leavesTheLoop(StatementTree statement, @Nullable String loopLabel) {
    StatementTree last = statement;
    if (statement instanceof BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
    }
    return last instanceof ReturnTree
        || (last instanceof BreakTree exit
            && (exit.getLabel() == null || exit.getLabel().contentEquals(String.valueOf(loopLabel))))
        || (last instanceof ContinueTree next
            && next.getLabel() != null
            && !next.getLabel().contentEquals(String.valueOf(loopLabel)));
  }

  /**
   * Whether the loop ends after its first round whatever happens in it: a statement of its body, run in every round
   * (at the top level of the block, with no {@code continue} before it that can skip it), sets a variable of the
   * condition to a literal that makes the condition false ({@code while (!connected) { connected = true; ... }}). Such
   * a loop neither keeps running after its open() nor attempts it again. A {@code for} loop with an update is not
   * read.
   */
  boolean runsAtMostOnce(Tree loop) {
    return endsAfterTheRound(loop, true);
  }

  /**
   * Whether the round ends the loop unless a failure is caught in it: as {@link #runsAtMostOnce}, with the flag set
   * again only in catch clauses ({@code connected = true; try { open(); } catch (...) { connected = false; }}).
   */
  private boolean endsAfterTheRoundUnlessAFailureIsCaught(Tree loop) {
    return endsAfterTheRound(loop, false);
  }

  private boolean endsAfterTheRound(Tree loop, boolean resetsInCatchesCount) {
    boolean[] ends =
        roundEndsByLoop.computeIfAbsent(loop, l -> new boolean[] {roundEnds(l, true), roundEnds(l, false)});
    return ends[resetsInCatchesCount ? 0 : 1];
  }

  /** One pass over the body's statements to find where each flag is set last, one more to read them in order. */
  private boolean roundEnds(Tree loop, boolean resetsInCatchesCount) {
    ExpressionTree condition = loopCondition(loop);
    StatementTree body = loop instanceof ForLoopTree forLoop && !forLoop.getUpdate().isEmpty() ? null : bodyOf(loop);
    if (condition == null || !(body instanceof BlockTree block)) {
      return false;
    }
    Set<Symbol> flags = new HashSet<>();
    for (Symbol variable : conditionVariablesByLoop.computeIfAbsent(loop, l -> conditionVariables(condition))) {
      if (variable.getKind() == ElementKind.LOCAL_VARIABLE) {
        flags.add(variable);
      }
    }
    if (flags.isEmpty()) {
      return false;
    }
    // javac's statement list is linked: walked in order, never indexed. Per flag: the last statement that sets it,
    // and how many assignments of it that statement holds.
    Map<Symbol, Integer> lastSet = new HashMap<>();
    Map<Symbol, Integer> assignmentsInLast = new HashMap<>();
    int position = 0;
    for (StatementTree statement : block.getStatements()) {
      for (Map.Entry<Symbol, Integer> flag : Assignments.among(statement, flags, resetsInCatchesCount).entrySet()) {
        lastSet.put(flag.getKey(), position);
        assignmentsInLast.put(flag.getKey(), flag.getValue());
      }
      position++;
    }
    Map<Symbol, Object> assigned = new HashMap<>();
    int i = -1;
    for (StatementTree statement : block.getStatements()) {
      i++;
      for (AssignmentTree assignment : leadingConstantAssignments(statement)) {
        Object value = KnownValues.constantValue(assignment.getExpression());
        if (ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol variable
            && flags.contains(variable)
            && lastSet.get(variable) == i // not set again later in the round (a catch resetting the flag)
            && assignmentsInLast.get(variable) == 1) {
          assigned.put(variable, value);
          if (!ConditionEvaluator.evaluate(condition, true, new KnownValues(assigned))) {
            return true;
          }
        }
      }
      if (NormalCompletion.holdsLoopJump(statement, false)) {
        return false;
      }
    }
    return false;
  }

  /**
   * The assignments of a constant that run whenever {@code statement} is entered: the statement itself, or the
   * first statements of the block of a {@code try} ({@code try { connected = true; client.open(); } ...}), which
   * nothing before them can skip.
   */
  private static List<AssignmentTree> leadingConstantAssignments(StatementTree statement) {
    List<AssignmentTree> leading = new ArrayList<>();
    Iterable<? extends StatementTree> candidates =
        statement instanceof TryTree tryTree && tryTree.getResources().isEmpty()
            ? tryTree.getBlock().getStatements()
            : List.of(statement);
    for (StatementTree candidate : candidates) {
      AssignmentTree assignment = Assignments.of(candidate);
      if (assignment == null || KnownValues.constantValue(assignment.getExpression()) == null) {
        break;
      }
      leading.add(assignment);
    }
    return leading;
  }

  /**
   * A loop condition that holds only while the device is not connected: on the status ({@code status !=
   * CONNECTED}) or on state the status callback tracks ({@code !connected}, {@code state == CONNECTING}). A condition
   * that merely reads such state ({@code while (running)}) says nothing about success.
   */
  private boolean runsOnlyWhileNotConnected(Tree loop) {
    ExpressionTree condition = loopCondition(loop);
    if (condition == null) {
      return false;
    }
    return conditions.establishing(condition, true, Claim.NOT_CONNECTED, true, 0) != null
        || conditions.establishing(condition, true, Claim.DISCONNECTED, true, 0) != null;
  }

  /**
   * For each position of a block inside a loop, whether a statement from there on leaves the loop or sets a
   * variable the loop condition tests; computed once per block, so that many opens in one loop stay linear.
   */
  private boolean[] leavesFrom(
      TreePath loopPath, TreePath block, List<? extends StatementTree> statements, Set<Symbol> conditionVariables) {
    Tree loop = loopPath.getLeaf();
    return leavesFromByLoop
        .computeIfAbsent(loop, l -> new IdentityHashMap<>())
        .computeIfAbsent(
            block.getLeaf(),
            b -> {
              // in a case of a switch (or a nested loop) inside the loop, a plain break leaves only that
              boolean breaksLeave = !breakTargetBetween(block, loop);
              String label = labelOf(loopPath);
              IndexedList<StatementTree> indexed = model.indexed(block.getLeaf(), statements);
              KnownValues afterSuccess = successPath.valuesAfterSuccess(statements);
              boolean[] leaves = new boolean[indexed.size() + 1];
              for (int i = indexed.size() - 1; i >= 0; i--) {
                StatementTree statement = SuccessPath.partRunAfterSuccess(indexed.get(i), afterSuccess);
                leaves[i] =
                    leaves[i + 1]
                        || (statement != null
                            && (exitsLoop(statement, breaksLeave ? loop : null, label)
                                || assigns(statement, conditionVariables, false)
                                || callAssigns(statement, conditionVariables)));
              }
              return leaves;
            });
  }

  private static boolean breakTargetBetween(TreePath inner, Tree loop) {
    for (TreePath current = inner; current != null && current.getLeaf() != loop; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof SwitchTree || (leaf != inner.getLeaf() && StatementFlow.isLoop(leaf))) {
        return true;
      }
    }
    return false;
  }

  /** The body of a {@code while}, {@code do} or basic {@code for} loop; null for an enhanced {@code for}. */
  private static @Nullable StatementTree bodyOf(Tree loop) {
    if (loop instanceof WhileLoopTree whileLoop) {
      return whileLoop.getStatement();
    }
    if (loop instanceof DoWhileLoopTree doWhile) {
      return doWhile.getStatement();
    }
    return loop instanceof ForLoopTree forLoop ? forLoop.getStatement() : null;
  }

  static @Nullable ExpressionTree loopCondition(Tree loop) {
    if (loop instanceof WhileLoopTree whileLoop) {
      return whileLoop.getCondition();
    }
    if (loop instanceof DoWhileLoopTree doWhile) {
      return doWhile.getCondition();
    }
    if (loop instanceof ForLoopTree forLoop) {
      return forLoop.getCondition();
    }
    return null;
  }

  /** The variables and fields a loop condition reads, looking through same-class boolean getters. */
  private Set<Symbol> conditionVariables(@Nullable ExpressionTree condition) {
    Set<Symbol> variables = new LinkedHashSet<>();
    if (condition == null) {
      return variables;
    }
    new TreeScanner<Void, Integer>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Integer depth) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol variable) {
          variables.add(variable);
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Integer depth) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol variable
            && variable.getKind() == ElementKind.FIELD) {
          variables.add(variable);
        }
        return super.visitMemberSelect(tree, depth);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Integer depth) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (depth < 2 && symbol instanceof MethodSymbol method) {
          Body body = model.bodyOf(method);
          if (body != null
              && body.tree() instanceof MethodTree methodTree
              && methodTree.getBody() != null
              && methodTree.getBody().getStatements().size() == 1
              && methodTree.getBody().getStatements().get(0) instanceof ReturnTree returnTree) {
            scan(returnTree.getExpression(), depth + 1);
          }
        }
        return super.visitMethodInvocation(tree, depth);
      }
    }.scan(condition, 0);
    return variables;
  }

  /**
   * A return, or a break or {@code continue} of an outer loop that leaves the loop, inside {@code statement} (not
   * counting nested classes), outside its {@code catch} clauses: an exit there follows the failure of the statement
   * the clause guards ({@code sleep} interrupted), on every path alike, not the attempt's success; a watchdog loop that
   * leaves only so keeps running after its {@code open()} succeeds. {@code loop} is null when a switch or another loop
   * lies between the statement and the loop: then only a break naming the loop's label leaves it.
   */
  private static boolean exitsLoop(StatementTree statement, @Nullable Tree loop, @Nullable String loopLabel) {
    boolean[] leaves = {false};
    Set<Tree> breaksOnFailure = new HashSet<>();
    new SameBodyScanner() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        leaves[0] = true;
        return null;
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        leaves[0] |= loopLabel != null && tree.getLabel() != null && tree.getLabel().contentEquals(loopLabel);
        return null;
      }

      @Override
      public Void visitCatch(CatchTree tree, Void unused) {
        new SameBodyScanner() {
          @Override
          public Void visitBreak(BreakTree tree, Void unused) {
            breaksOnFailure.add(tree);
            return null;
          }

          @Override
          public Void visitContinue(ContinueTree tree, Void unused) {
            breaksOnFailure.add(tree);
            return null;
          }
        }.scan(tree.getBlock(), null);
        return null;
      }
    }.scan(statement, null);
    return leaves[0] || (loop != null && NormalCompletion.leavesLoop(statement, loop, breaksOnFailure));
  }

  /** {@code outer} in {@code outer: for (...)}, or null. */
  private static @Nullable String labelOf(TreePath loop) {
    return loop.getParentPath().getLeaf() instanceof LabeledStatementTree labeled
        ? labeled.getLabel().toString()
        : null;
  }

  /**
   * Whether {@code tree} assigns one of {@code variables} (or calls set on it), outside nested classes, and (unless
   * {@code inCatches}) outside {@code catch} clauses, for the reason {@link #exitsLoop} gives.
   */
  private static boolean assigns(Tree tree, Set<Symbol> variables, boolean inCatches) {
    return !variables.isEmpty() && !Assignments.among(tree, variables, inCatches).isEmpty();
  }

  /** {@code markOnline();} after the open(): a call of a compilation method that sets a loop-condition variable. */
  private boolean callAssigns(StatementTree statement, Set<Symbol> variables) {
    if (variables.isEmpty()
        || !(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    Body body = method == null ? null : model.bodyOf(method);
    return body != null && assigns(body.tree(), variables, false);
  }
}
