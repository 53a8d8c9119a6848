package io.github.linkguard.checker.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.tools.javac.tree.JCTree;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One forward dataflow pass over a statement tree, the way javac's {@code Flow} analyzers work: structured Java's
 * control-flow graph is implicit in the tree, so the pass follows the statements in order, carries a fact value
 * {@code F} along normal completion, and keeps the jumps (break, continue, return, throw, yield) pending until they
 * land (a break after its loop, switch or labeled statement; a continue at the end of its loop's round). This class
 * is the one place that dispatches on statement kinds; what a statement does to the facts is the {@link Transfer}'s.
 *
 * <p>Expressions are not entered (a lambda's or a local class's body is another body), and a loop body is followed
 * once: no transfer here needs a fixpoint, so a transfer whose facts a round changes must widen in {@link
 * Transfer#loopExit}. A jump out of a try keeps the state it had at the jump: its finally's effect on it is the
 * transfer's to model (see {@link Transfer#tryExit}). Jump targets are javac's own ({@code JCBreak.target}), set by
 * attribution.
 *
 * <p>Cost: each statement is visited once, O(statements) per run, with recursion only as deep as the statement
 * nesting; a pending jump is looked at once per enclosing loop, switch or labeled statement until it lands. Nothing
 * is allocated per statement unless the transfer does, or the transfer {@linkplain Transfer#tracksJumps tracks
 * jumps} (one record per jump). A flow whose transfer does not track jumps keeps no state and can be shared.
 */
final class StatementFlow<F> {
  /** A jump that has not landed yet: its statement, where it goes (null: out of the body), and the facts there. */
  record Jump<F>(StatementTree jump, @Nullable Tree target, F state) {}

  /**
   * The lattice and the effects. Every hook has the natural default of a forward analysis except {@link #leaf},
   * which a transfer must define; the hooks exist so that a transfer can keep a deliberate, conservative policy.
   */
  interface Transfer<F> {
    /** The facts on no path (after a statement that cannot complete normally). */
    F dead();

    /** The facts that hold on both paths. */
    F join(F first, F second);

    /**
     * The facts after a statement the flow does not enter: an expression statement, a local variable or class, an
     * empty statement, an assert, a jump (already recorded), and a compound statement {@link #enters} declines.
     */
    F leaf(StatementTree statement, F in);

    /**
     * The facts after {@code statement} where it runs in a sequence ({@code container}: a block, an old-style case,
     * or a for loop's initializers), from the facts before it and at its end.
     */
    default F afterInSequence(Tree container, StatementTree statement, F before, F out) {
      return out;
    }

    /** Whether the flow follows this loop or switch statement's inside; if not, it is a {@link #leaf}. */
    default boolean enters(StatementTree loopOrSwitch) {
      return true;
    }

    /** Whether the flow keeps pending jumps; if not, the breaks handed to the exits are {@link #dead}. */
    default boolean tracksJumps() {
      return true;
    }

    /**
     * The facts at the start of {@code part} of {@code holder}, reached from {@code in}: an if's then or else (null:
     * the missing else), a loop round's body, a case, a try block, or a catch. A condition taken true or false is
     * known from the part (the then, a while's body...).
     */
    default F enter(Tree holder, @Nullable Tree part, F in) {
      return in;
    }

    /** The facts after an if, from its branches' ends ({@code elseOut}: the missing else's start). */
    default F ifExit(IfTree ifTree, F in, F thenOut, F elseOut) {
      return join(thenOut, elseOut);
    }

    /**
     * The facts after a loop: {@code rounds} holds at the end of a round (the body's end and its continues); the
     * loop ends when its condition fails before the first round (not a do-while) or after one, or by a break. A
     * condition is not evaluated: {@code while (true)} may end before a round too.
     */
    default F loopExit(StatementTree loop, F in, F rounds, F breaks) {
      return join(loop instanceof DoWhileLoopTree ? rounds : join(in, rounds), breaks);
    }

    /** The facts after a switch statement: no case taken, the last case's end, an arrow case's end, or a break. */
    default F switchExit(SwitchTree switchTree, F in, F casesOut, F breaks) {
      return join(join(in, casesOut), breaks);
    }

    /** The facts after a labeled statement: its statement's end, or a break to its label. */
    default F labeledExit(LabeledStatementTree labeled, F bodyOut, F breaks) {
      return join(bodyOut, breaks);
    }

    /** The facts at the start of a finally, reached from the try block's end or a catch's end. */
    default F finallyEntry(TryTree tryTree, F tryOut, F catchesOut) {
      return join(tryOut, catchesOut);
    }

    /** The facts after a try statement ({@code finallyOut}: null without a finally). */
    default F tryExit(TryTree tryTree, F in, F tryOut, F catchesOut, @Nullable F finallyOut) {
      return finallyOut != null ? finallyOut : join(tryOut, catchesOut);
    }
  }

  /** A yes/no fact that holds after a statement when it holds on some path there: no path is false, paths or. */
  interface SomePath extends Transfer<Boolean> {
    @Override
    default Boolean dead() {
      return false;
    }

    @Override
    default Boolean join(Boolean first, Boolean second) {
      return first || second;
    }
  }

  /** A transfer that takes loops and switches whole (as leaves) and needs no jumps kept. */
  interface Shallow<F> extends Transfer<F> {
    @Override
    default boolean enters(StatementTree loopOrSwitch) {
      return false;
    }

    @Override
    default boolean tracksJumps() {
      return false;
    }
  }

  private final Transfer<F> transfer;
  private final @Nullable List<Jump<F>> jumps;

  StatementFlow(Transfer<F> transfer) {
    this.transfer = transfer;
    this.jumps = transfer.tracksJumps() ? new ArrayList<>() : null;
  }

  /**
   * The facts after {@code statement} completes normally, from {@code in} before it; the jumps that leave it stay
   * in {@link #pending}. A null statement (an absent part) leaves the facts as they are.
   */
  F run(@Nullable StatementTree statement, F in) {
    if (statement == null) {
      return in;
    }
    if (statement instanceof BlockTree block) {
      return sequence(block, block.getStatements(), in);
    }
    if (statement instanceof IfTree ifTree) {
      F thenOut = run(ifTree.getThenStatement(), transfer.enter(ifTree, ifTree.getThenStatement(), in));
      F elseOut = run(ifTree.getElseStatement(), transfer.enter(ifTree, ifTree.getElseStatement(), in));
      return transfer.ifExit(ifTree, in, thenOut, elseOut);
    }
    if (statement instanceof LabeledStatementTree labeled) {
      int mark = mark();
      F bodyOut = run(labeled.getStatement(), in);
      return transfer.labeledExit(labeled, bodyOut, land(mark, labeled, false));
    }
    if (statement instanceof SynchronizedTree synchronizedTree) {
      return run(synchronizedTree.getBlock(), in);
    }
    if (statement instanceof TryTree tryTree) {
      return tryStatement(tryTree, in);
    }
    if (isLoop(statement)) {
      return transfer.enters(statement) ? loop(statement, in) : transfer.leaf(statement, in);
    }
    if (statement instanceof SwitchTree switchTree) {
      return transfer.enters(switchTree) ? switchStatement(switchTree, in) : transfer.leaf(switchTree, in);
    }
    if (statement instanceof BreakTree
        || statement instanceof ContinueTree
        || statement instanceof ReturnTree
        || statement instanceof ThrowTree
        || statement instanceof YieldTree) {
      if (jumps != null) {
        jumps.add(new Jump<>(statement, targetOf(statement), in));
      }
    }
    return transfer.leaf(statement, in);
  }

  /** The jumps that have not landed: those that leave the statements run so far, in the order they were met. */
  List<Jump<F>> pending() {
    return jumps == null ? List.of() : jumps;
  }

  private F sequence(Tree container, List<? extends StatementTree> statements, F in) {
    F facts = in;
    for (StatementTree statement : statements) {
      facts = transfer.afterInSequence(container, statement, facts, run(statement, facts));
    }
    return facts;
  }

  private F loop(StatementTree loop, F in) {
    StatementTree body;
    F entry = in;
    if (loop instanceof ForLoopTree forLoop) {
      entry = sequence(forLoop, forLoop.getInitializer(), in);
      body = forLoop.getStatement();
    } else if (loop instanceof WhileLoopTree whileLoop) {
      body = whileLoop.getStatement();
    } else if (loop instanceof DoWhileLoopTree doWhileLoop) {
      body = doWhileLoop.getStatement();
    } else {
      body = ((EnhancedForLoopTree) loop).getStatement();
    }
    int mark = mark();
    F bodyOut = run(body, transfer.enter(loop, body, entry));
    F rounds = transfer.join(bodyOut, land(mark, loop, true));
    if (loop instanceof ForLoopTree forLoop) {
      for (ExpressionStatementTree update : forLoop.getUpdate()) {
        rounds = run(update, rounds);
      }
    }
    return transfer.loopExit(loop, entry, rounds, land(mark, loop, false));
  }

  private F switchStatement(SwitchTree switchTree, F in) {
    int mark = mark();
    F casesOut = transfer.dead();
    F fallingThrough = transfer.dead();
    for (CaseTree caseTree : switchTree.getCases()) {
      F entry = transfer.join(fallingThrough, transfer.enter(switchTree, caseTree, in));
      if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
        // an arrow case's end leaves the switch; an expression body has no statement to follow
        Tree body = caseTree.getBody();
        casesOut = transfer.join(casesOut, body instanceof StatementTree statement ? run(statement, entry) : entry);
        fallingThrough = transfer.dead();
      } else {
        fallingThrough = sequence(caseTree, caseTree.getStatements(), entry);
      }
    }
    casesOut = transfer.join(casesOut, fallingThrough);
    return transfer.switchExit(switchTree, in, casesOut, land(mark, switchTree, false));
  }

  private F tryStatement(TryTree tryTree, F in) {
    F tryOut = run(tryTree.getBlock(), transfer.enter(tryTree, tryTree.getBlock(), in));
    F catchesOut = transfer.dead();
    for (CatchTree catchTree : tryTree.getCatches()) {
      catchesOut = transfer.join(catchesOut, run(catchTree.getBlock(), transfer.enter(tryTree, catchTree, in)));
    }
    F finallyOut =
        tryTree.getFinallyBlock() == null
            ? null
            : run(tryTree.getFinallyBlock(), transfer.finallyEntry(tryTree, tryOut, catchesOut));
    return transfer.tryExit(tryTree, in, tryOut, catchesOut, finallyOut);
  }

  private int mark() {
    return jumps == null ? 0 : jumps.size();
  }

  /**
   * The facts of the breaks (or, with {@code continues}, the continues) since {@code mark} that land at {@code
   * target}, joined; they leave the pending list, the others stay in order.
   */
  private F land(int mark, Tree target, boolean continues) {
    F landed = transfer.dead();
    if (jumps == null) {
      return landed;
    }
    int kept = mark;
    for (int i = mark; i < jumps.size(); i++) {
      Jump<F> jump = jumps.get(i);
      if (jump.target() == target && (jump.jump() instanceof ContinueTree) == continues) {
        landed = transfer.join(landed, jump.state());
      } else {
        jumps.set(kept++, jump);
      }
    }
    jumps.subList(kept, jumps.size()).clear();
    return landed;
  }

  /** Whether {@code tree} is a loop: {@code while}, {@code do}, {@code for} or enhanced {@code for}. */
  static boolean isLoop(Tree tree) {
    return tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree
        || tree instanceof EnhancedForLoopTree;
  }

  /** Where a break or continue lands (javac's attribution sets it); null for the jumps that leave the body. */
  private static @Nullable Tree targetOf(StatementTree jump) {
    if (jump instanceof JCTree.JCBreak breakTree) {
      return breakTree.target;
    }
    if (jump instanceof JCTree.JCContinue continueTree) {
      return continueTree.target;
    }
    return null;
  }
}
