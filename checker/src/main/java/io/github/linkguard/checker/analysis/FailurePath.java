package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.tools.javac.code.Symbol;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the code run after a failed attempt does with the attempt's client, for one client and the success flags of
 * one attempt ({@code ok = true} after the open(): false when it failed): whether a statement closes it on the
 * failure path, and whether a path reaches a {@code continue} before closing it. Two transfers of {@link
 * StatementFlow} that ask each other about the statements of a block, as the questions depend on each other (a
 * close counts unless a continue skips it first, a continue counts unless a close came first).
 *
 * <p>Cost: each question follows its statement once; a block asks, per statement, the other question about it, so a
 * question costs its statement's size times its nesting depth.
 */
final class FailurePath {
  /** Along the failure path: not closed yet, closed, left by a continue before a close, or not on that path. */
  enum Closing {
    OPEN,
    CLOSED,
    SKIPPED,
    IGNORED
  }

  /** Along a path: not closed yet, closed (no later continue counts), or a continue was reached unclosed. */
  enum Continuing {
    OPEN,
    CLOSED,
    CONTINUED
  }

  private final PathFacts pathFacts;
  private final ClientRef client;
  private final Set<Symbol> successFlags;
  private final StatementFlow<Closing> closing = new StatementFlow<>(new ClosesOnFailure());
  private final StatementFlow<Continuing> continuing = new StatementFlow<>(new ContinuesUnclosed());

  /** {@code successFlags} is read at each question, not copied: a caller may add flags between questions. */
  FailurePath(PathFacts pathFacts, ClientRef client, Set<Symbol> successFlags) {
    this.pathFacts = pathFacts;
    this.client = client;
    this.successFlags = successFlags;
  }

  /**
   * Whether {@code statement}, run after the attempt failed, closes the client: unconditionally, or under a
   * condition that holds on failure ({@code if (!opened)} where {@code opened = true} follows the open()).
   */
  boolean closes(StatementTree statement) {
    return closing(statement, closing.run(statement, Closing.OPEN)) == Closing.CLOSED;
  }

  /**
   * Whether a path through {@code statement} reaches a {@code continue} of the loop around it without closing the
   * client first ({@code if (retryable) { client.close(); continue; }} does not).
   */
  boolean continuesUnclosed(StatementTree statement) {
    return continuing.run(statement, Continuing.OPEN) == Continuing.CONTINUED;
  }

  /** Whether a catch can lead to another attempt: it completes normally or reaches a continue (of any loop). */
  static boolean carriesOn(CatchTree catchTree) {
    return NormalCompletion.canCompleteNormally(catchTree.getBlock())
        || REACHES_CONTINUE.run(catchTree.getBlock(), false);
  }

  /**
   * A statement other than a block closes the client when running it to its end always does ({@link
   * PathFacts#closesOnCompletion}), also when the flow's own reading of it ({@code out}) says otherwise.
   */
  private Closing closing(StatementTree statement, Closing out) {
    if (out == Closing.OPEN || out == Closing.SKIPPED) {
      if (!(statement instanceof BlockTree) && pathFacts.closesOnCompletion(statement, client)) {
        return Closing.CLOSED;
      }
    }
    return out;
  }

  /**
   * The failure path through a statement: a block closes when a statement of it does before one continues unclosed
   * (a continue can skip the close); an if closes when the branch the failure takes does; a try when its block or
   * its finally does (the catches are not on the path of this failure); a labeled statement when its statement
   * does. Once closed or skipped, the rest of the block is not looked at.
   */
  private final class ClosesOnFailure implements StatementFlow.Shallow<Closing> {
    @Override
    public Closing dead() {
      return Closing.IGNORED;
    }

    @Override
    public Closing join(Closing first, Closing second) {
      return first == Closing.IGNORED ? second : second == Closing.IGNORED || first == second ? first : Closing.OPEN;
    }

    @Override
    public Closing leaf(StatementTree statement, Closing in) {
      return in;
    }

    @Override
    public Closing afterInSequence(Tree container, StatementTree statement, Closing before, Closing out) {
      if (before != Closing.OPEN) {
        return before;
      }
      if (closing(statement, out) == Closing.CLOSED) {
        return Closing.CLOSED;
      }
      // if (attempt < 3) { continue; } client.close(); -- the early rounds skip the close
      return continuesUnclosed(statement) ? Closing.SKIPPED : Closing.OPEN;
    }

    @Override
    public Closing enter(Tree holder, @Nullable Tree part, Closing in) {
      if (in != Closing.OPEN) {
        return Closing.IGNORED;
      }
      if (holder instanceof IfTree ifTree) {
        Boolean value = valueOnFailure(ifTree.getCondition());
        boolean taken =
            part == ifTree.getThenStatement() ? Boolean.TRUE.equals(value) : part != null && Boolean.FALSE.equals(value);
        return taken ? Closing.OPEN : Closing.IGNORED;
      }
      return holder instanceof TryTree tryTree && part == tryTree.getBlock() ? Closing.OPEN : Closing.IGNORED;
    }

    @Override
    public Closing ifExit(IfTree ifTree, Closing in, Closing thenOut, Closing elseOut) {
      if (in != Closing.OPEN) {
        return in;
      }
      if (thenOut != Closing.IGNORED) {
        return closing(ifTree.getThenStatement(), thenOut) == Closing.CLOSED ? Closing.CLOSED : Closing.OPEN;
      }
      if (elseOut != Closing.IGNORED) {
        return closing(ifTree.getElseStatement(), elseOut) == Closing.CLOSED ? Closing.CLOSED : Closing.OPEN;
      }
      return Closing.OPEN;
    }

    @Override
    public Closing labeledExit(LabeledStatementTree labeled, Closing bodyOut, Closing breaks) {
      return bodyOut == Closing.IGNORED ? bodyOut : closing(labeled.getStatement(), bodyOut);
    }

    @Override
    public Closing finallyEntry(TryTree tryTree, Closing tryOut, Closing catchesOut) {
      return tryOut == Closing.IGNORED ? Closing.IGNORED : Closing.OPEN;
    }

    @Override
    public Closing tryExit(
        TryTree tryTree, Closing in, Closing tryOut, Closing catchesOut, @Nullable Closing finallyOut) {
      if (in != Closing.OPEN) {
        return in;
      }
      return tryOut == Closing.CLOSED || finallyOut == Closing.CLOSED ? Closing.CLOSED : Closing.OPEN;
    }
  }

  /**
   * The paths to a continue: a block's statement that closes on the failure path ends the search (a continue it
   * holds still counts); a try's block and catches are followed, not its finally; an old-style case's statements
   * are followed one by one with no close between them, an arrow case not at all; a nested loop's continues are
   * its own.
   */
  private final class ContinuesUnclosed implements StatementFlow.Transfer<Continuing> {
    @Override
    public Continuing dead() {
      return Continuing.CLOSED;
    }

    @Override
    public Continuing join(Continuing first, Continuing second) {
      if (first == Continuing.CONTINUED || second == Continuing.CONTINUED) {
        return Continuing.CONTINUED;
      }
      return first == Continuing.OPEN || second == Continuing.OPEN ? Continuing.OPEN : Continuing.CLOSED;
    }

    @Override
    public Continuing leaf(StatementTree statement, Continuing in) {
      return in == Continuing.OPEN && statement instanceof ContinueTree ? Continuing.CONTINUED : in;
    }

    @Override
    public boolean enters(StatementTree loopOrSwitch) {
      return loopOrSwitch instanceof SwitchTree;
    }

    @Override
    public boolean tracksJumps() {
      return false;
    }

    @Override
    public Continuing afterInSequence(Tree container, StatementTree statement, Continuing before, Continuing out) {
      if (out == Continuing.CONTINUED) {
        return out;
      }
      return before == Continuing.OPEN && container instanceof BlockTree && closes(statement)
          ? Continuing.CLOSED
          : before;
    }

    @Override
    public Continuing enter(Tree holder, @Nullable Tree part, Continuing in) {
      return part instanceof CaseTree caseTree && caseTree.getCaseKind() == CaseTree.CaseKind.RULE
          ? Continuing.CLOSED
          : in;
    }

    @Override
    public Continuing finallyEntry(TryTree tryTree, Continuing tryOut, Continuing catchesOut) {
      return Continuing.CLOSED;
    }

    @Override
    public Continuing tryExit(
        TryTree tryTree, Continuing in, Continuing tryOut, Continuing catchesOut, @Nullable Continuing finallyOut) {
      return join(tryOut, catchesOut) == Continuing.CONTINUED ? Continuing.CONTINUED : in;
    }
  }

  /** Whether a continue is reached anywhere in a statement, a nested loop's included: a fact no path loses. */
  private static final StatementFlow<Boolean> REACHES_CONTINUE =
      new StatementFlow<>((StatementFlow.SomePath) (statement, in) -> in || statement instanceof ContinueTree);

  /** The value of {@code condition} when the attempt failed, as far as the success flags decide it; else null. */
  private @Nullable Boolean valueOnFailure(ExpressionTree condition) {
    ConditionEvaluator.Reading<Boolean> forcedByFailure = new ForcedByFailure(successFlags);
    if (ConditionEvaluator.evaluate(condition, true, forcedByFailure)) {
      return true;
    }
    return ConditionEvaluator.evaluate(condition, false, forcedByFailure) ? false : null;
  }

  /**
   * Whether a failed attempt forces a condition to a value: a success flag (set after the attempt) is false, and
   * {@code !}, {@code &&}, {@code ||} and comparisons with {@code true}/{@code false} follow from there.
   */
  private record ForcedByFailure(Set<Symbol> successFlags) implements ConditionEvaluator.Reading<Boolean> {
    @Override
    public Boolean atom(ExpressionTree atom, boolean value) {
      return !value
          && (atom instanceof IdentifierTree || atom instanceof MemberSelectTree)
          && successFlags.contains(ASTHelpers.getSymbol(atom));
    }

    @Override
    public Boolean both(BinaryTree junction, Boolean left, Boolean right) {
      return left && right;
    }

    @Override
    public boolean bothDecidedBy(Boolean left) {
      return !left;
    }

    @Override
    public Boolean either(BinaryTree junction, Boolean left, Boolean right) {
      return left || right;
    }

    @Override
    public boolean eitherDecidedBy(Boolean left) {
      return left;
    }

    @Override
    public boolean readsBooleanLiteralComparisons() {
      return true;
    }
  }
}
