package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.RetryConstruct.CatchRetry;
import io.github.linkguard.checker.analysis.RetryConstruct.LibraryRetry;
import io.github.linkguard.checker.analysis.RetryConstruct.LoopRetry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a retry construct closes the failed attempt's client before the next attempt: in the catch, in a finally,
 * after the try in the same round, before the open() in the same round, by try-with-resources (see {@link
 * ClosingResources}), by a same-class helper, or by a retry library's listener; and where a missing close belongs.
 *
 * <p>Cost: per construct, the statements between the attempt and the construct are walked once per enclosing try
 * or block, and a catch or finally once per question; the walk follows the statement nesting of the catch.
 */
final class ClosesBetweenAttempts {
  private final CompilationModel model;
  private final PathFacts pathFacts;
  private final CallEffects callEffects;
  private final CaughtFailures caughtFailures;
  private final ClosingResources resources;
  private final ReattemptCloses reattempts;

  ClosesBetweenAttempts(CompilationModel model, PathFacts pathFacts, CallEffects callEffects) {
    this.model = model;
    this.pathFacts = pathFacts;
    this.callEffects = callEffects;
    this.caughtFailures = new CaughtFailures(model.state());
    this.resources = new ClosingResources(model);
    this.reattempts = new ReattemptCloses(model, callEffects);
  }

  /**
   * Whether the failed attempt's client is closed between the failure and the next attempt: in the catch, in a
   * finally, after the try in the same round, or before the open() in the same round (before the new client is
   * assigned, when each attempt gets a new one); try-with-resources closes it too.
   */
  boolean closesBetweenAttempts(RetryConstruct construct, ConnectionCall open) {
    ClientRef client = open.client();
    if (client == null) {
      return true; // an expression we cannot name: nothing to say about it
    }
    if (construct instanceof LibraryRetry library) {
      return libraryCloses(library, open, client);
    }
    return construct instanceof LoopRetry loop
        ? loopCloses(loop, open, client)
        : catchCloses((CatchRetry) construct, open, client);
  }

  /**
   * A library attempt is one round: the client is closed before the open() in the attempt, in a catch or finally of
   * the attempt on failure (or of the helper the attempt calls), or by the policy's own listener between attempts.
   */
  private boolean libraryCloses(LibraryRetry library, ConnectionCall open, ClientRef client) {
    if (library.anchor().getLeaf() != open.tree()
        && closesAroundAttempt(open.path(), open.body().tree(), client, false)) {
      return true;
    }
    ClientRef atAnchor = atAnchor(library.anchor(), open, client);
    return closesAroundAttempt(library.anchor(), library.attempt().tree(), atAnchor, false)
        || closedBeforeAttempt(library.anchor(), open, client, atAnchor)
        || (library.policy() != null && library.policy().listenerCloses(atAnchor));
  }

  private boolean loopCloses(LoopRetry loop, ConnectionCall open, ClientRef client) {
    if (model.bodyAt(loop.loop()) == null) {
      return true;
    }
    if (loop.anchor().getLeaf() != open.tree()
        && closesAroundAttempt(open.path(), open.body().tree(), client, false)) {
      // while (!tryConnect()) -- the helper tears its own failed attempt down
      return true;
    }
    ClientRef atAnchor = atAnchor(loop.anchor(), open, client);
    return (loop.anchor().getLeaf() == open.tree() && failureLeavesTheLoop(open.path(), loop.loop().getLeaf()))
        || closesAroundAttempt(loop.anchor(), loop.loop().getLeaf(), atAnchor, true)
        || closedBeforeAttempt(loop.anchor(), open, client, atAnchor)
        || closesOnLaterRounds(loop, atAnchor);
  }

  /**
   * Whether a failed open() right in the loop leaves it: no {@code try} inside the loop holds it with a {@code catch}
   * its failure can reach ({@link CaughtFailures}), so its exception ends the loop and no next attempt follows the
   * failure ({@code while (status == DISCONNECTED) { client.open(false); Thread.sleep(1_000); }} in a method that
   * throws).
   */
  private boolean failureLeavesTheLoop(TreePath open, Tree loop) {
    Tree previous = open.getLeaf();
    for (TreePath current = open.getParentPath();
        current != null && current.getLeaf() != loop;
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof TryTree tryTree
          && previous == tryTree.getBlock()
          && !caughtFailures.reachedBy(tryTree, open).isEmpty()) {
        return false;
      }
      previous = current.getLeaf();
    }
    return true;
  }

  /**
   * {@code if (attempt > 0) { client.close(); }} before the attempt in the round: a close that the code runs on the
   * rounds it decides are retries. Only the first round skips it, and that round has no failed attempt behind it.
   */
  private boolean closesOnLaterRounds(LoopRetry loop, ClientRef client) {
    FailurePath failure = new FailurePath(pathFacts, client, Set.of());
    Tree previous = loop.anchor().getLeaf();
    for (TreePath current = loop.anchor().getParentPath();
        current != null && current.getLeaf() != loop.loop().getLeaf();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == previous) {
            break;
          }
          if (statement instanceof IfTree ifTree
              && ifTree.getElseStatement() == null
              && failure.closes(ifTree.getThenStatement())) {
            return true;
          }
        }
      }
      previous = current.getLeaf();
    }
    return false;
  }

  /**
   * Whether every failure of the attempt at {@code attempt} closes {@code client} before control leaves {@code
   * region} (a loop round, or a helper method): a try-with-resources, a close in every catch that the failure can
   * reach ({@link CaughtFailures}) and that carries on, a finally that closes when the attempt failed, or a close after
   * the try on the failure path. Inside the loop itself a catch that returns or throws leaves it; in a helper, every
   * way out of a catch leads back to the loop.
   */
  private boolean closesAroundAttempt(TreePath attempt, Tree region, ClientRef client, boolean regionIsLoop) {
    Set<Symbol> successFlags = new HashSet<>();
    FailurePath failure = new FailurePath(pathFacts, client, successFlags);
    // The statements after a failed open() in its own block never run: its exception leaves the block, and only a
    // catch on the way lets the code after that try run. A helper that tears its attempt down may return instead.
    boolean failureCaught = !isOpenCall(attempt.getLeaf());
    Tree previous = attempt.getLeaf();
    for (TreePath current = attempt.getParentPath();
        current != null && current.getLeaf() != region;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof TryTree tryTree && previous == tryTree.getBlock()) {
        List<? extends CatchTree> catches = caughtFailures.reachedBy(tryTree, attempt);
        failureCaught |= !catches.isEmpty();
        if (resources.closes(tryTree, client)) {
          return true;
        }
        successFlags.addAll(flagsSetAfter(tryTree.getBlock(), attempt.getLeaf()));
        if (tryTree.getFinallyBlock() != null && failure.closes(tryTree.getFinallyBlock())) {
          return true;
        }
        boolean everyCatchCloses = !catches.isEmpty();
        for (CatchTree catchTree : catches) {
          boolean closes =
              regionIsLoop
                  ? closesBeforeAnotherRound(catchTree, failure)
                  : failure.closes(catchTree.getBlock());
          everyCatchCloses &= closes;
        }
        if (everyCatchCloses) {
          return true;
        }
      } else if (leaf instanceof BlockTree block && failureCaught) {
        IndexedList<StatementTree> statements = model.indexed(block, block.getStatements());
        for (int i = statements.indexOf(previous) + 1; i > 0 && i < statements.size(); i++) {
          if (failure.closes(statements.get(i))) {
            return true; // try { open(); ok = true; } catch (...) { } if (!ok) close();
          }
        }
      }
      previous = leaf;
    }
    return false;
  }

  /**
   * Whether every way a catch in the loop leads to another round closes the client: each {@code continue}, and
   * completing the catch. A catch that returns or throws leaves the loop and needs no close.
   */
  private static boolean closesBeforeAnotherRound(CatchTree catchTree, FailurePath failure) {
    BlockTree block = catchTree.getBlock();
    return !failure.continuesUnclosed(block)
        && (!NormalCompletion.canCompleteNormally(block) || failure.closes(block));
  }

  /** Variables set to {@code true} in {@code block} after {@code attempt}: they are false when the attempt failed. */
  private Set<Symbol> flagsSetAfter(BlockTree block, Tree attempt) {
    int attemptEnd = end(attempt);
    Set<Symbol> flags = new HashSet<>();
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (start(assignment) > attemptEnd
            && Boolean.TRUE.equals(ConditionEvaluator.booleanLiteral(assignment.getExpression()))
            && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol variable) {
          flags.add(variable);
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(block, null);
    return flags;
  }

  private boolean catchCloses(CatchRetry retry, ConnectionCall open, ClientRef client) {
    TryTree tryTree = (TryTree) retry.tryStatement().getLeaf();
    ClientRef atAnchor = atAnchor(retry.anchor(), open, client);
    if (model.bodyAt(retry.tryStatement()) == null
        || resources.closes(tryTree, atAnchor)
        || !caughtFailures.reachedBy(tryTree, retry.anchor()).contains(retry.catchClause().getLeaf())) {
      return true; // (the last: the failed attempt never reaches this catch, so it retries no failed client)
    }
    FailurePath failure =
        new FailurePath(pathFacts, atAnchor, flagsSetAfter(tryTree.getBlock(), retry.anchor().getLeaf()));
    if (closesBeforeReattempt(retry, atAnchor, failure) || reattempts.closedInsideTheReattempt(retry, open, client)) {
      return true;
    }
    if (tryTree.getFinallyBlock() != null && failure.closes(tryTree.getFinallyBlock())) {
      return true;
    }
    // catch (...) { backOffAndRetry(); } where the same-class helper closes the client before calling back
    if (retry.reattempt().getLeaf() instanceof MethodInvocationTree reattempt
        && reattempt != open.tree()
        && callEffects.closedByCall(reattempt).contains(atAnchor)) {
      return true;
    }
    // schedule(() -> { client.close(); connect(); }, ...), also from a helper the catch calls
    if (reattempts.closedInTheScheduledRound(retry, open, failure)) {
      return true;
    }
    // Re-calling the method that holds the open(): a close before the open() in that method.
    return retry.reattempt().getLeaf() != open.tree() && closedBeforeAttempt(null, open, client, client);
  }

  /**
   * A close in the catch on the way to the reattempt, before any new client is assigned there: the statements that
   * run before the reattempt in each block around it.
   */
  private boolean closesBeforeReattempt(CatchRetry retry, ClientRef client, FailurePath failure) {
    int limit = start(retry.reattempt().getLeaf());
    for (int creation : creationsWithin(retry.catchClause().getLeaf(), client)) {
      limit = Math.min(limit, creation);
    }
    Tree previous = retry.reattempt().getLeaf();
    for (TreePath current = retry.reattempt().getParentPath();
        current != null && current.getLeaf() != retry.catchClause().getLeaf();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == previous || start(statement) >= limit) {
            break;
          }
          if (failure.closes(statement)) {
            return true;
          }
        }
      }
      previous = current.getLeaf();
    }
    return false;
  }

  /**
   * The catches where a close of the failed attempt belongs: the catch of a catch retry; for a loop, the catches of
   * the innermost try around the attempt that its failure can reach and that carry on to another round without
   * closing the client.
   */
  List<TreePath> catchesMissingTheClose(RetryConstruct construct, ConnectionCall open) {
    if (construct instanceof CatchRetry catchRetry) {
      return List.of(catchRetry.catchClause());
    }
    if (!(construct instanceof LoopRetry loop) || loop.throughFunction()) {
      // A helper serves every caller: the close belongs with the open() passed to it. A library attempt is one
      // round: the close goes just before its open().
      return List.of();
    }
    ClientRef client = open.client();
    Tree previous = loop.anchor().getLeaf();
    for (TreePath current = loop.anchor().getParentPath();
        current != null && current.getLeaf() != loop.loop().getLeaf();
        current = current.getParentPath()) {
      List<? extends CatchTree> reached =
          current.getLeaf() instanceof TryTree tryTree && previous == tryTree.getBlock()
              ? caughtFailures.reachedBy(tryTree, loop.anchor())
              : List.of();
      if (!reached.isEmpty()) {
        // the innermost try whose catches the failure reaches: a close belongs in those that carry on without one
        FailurePath failure =
            client == null
                ? null
                : new FailurePath(pathFacts, client, flagsSetAfter((BlockTree) previous, loop.anchor().getLeaf()));
        List<TreePath> missing = new ArrayList<>();
        for (CatchTree catchTree : reached) {
          if (FailurePath.carriesOn(catchTree)
              && (failure == null || !closesBeforeAnotherRound(catchTree, failure))) {
            missing.add(new TreePath(current, catchTree));
          }
        }
        return missing;
      }
      previous = current.getLeaf();
    }
    return List.of();
  }

  /** Whether every attempt assigns a new client to the open()'s variable before opening it. */
  boolean createsClientPerAttempt(RetryConstruct construct, ConnectionCall open) {
    ClientRef client = open.client();
    if (client == null) {
      return false;
    }
    boolean createdInItsRound = pathFacts.factsAt(open.path()).created(client);
    if (construct instanceof LibraryRetry) {
      return createdInItsRound;
    }
    if (construct instanceof LoopRetry loop) {
      return createdInItsRound
          || (loop.anchor().getLeaf() != open.tree()
              && pathFacts.factsAt(loop.anchor()).created(client));
    }
    CatchRetry catchRetry = (CatchRetry) construct;
    return !creationsWithin(catchRetry.catchClause().getLeaf(), client).isEmpty()
        || (catchRetry.reattempt().getLeaf() != open.tree()
            && !isOpenCall(catchRetry.reattempt().getLeaf())
            && createdInItsRound);
  }

  private boolean isOpenCall(Tree tree) {
    return tree instanceof MethodInvocationTree call
        && model.connectionCall(call) != null
        && model.connectionCall(call).isOpen();
  }

  /**
   * A close dominating the open() in its own round (and, via a call, in the loop before the call); {@code atAnchor} is
   * the client as the code at the anchor names it ({@link #atAnchor}).
   */
  private boolean closedBeforeAttempt(
      @Nullable TreePath anchor, ConnectionCall open, ClientRef client, ClientRef atAnchor) {
    PathFacts.Facts facts = pathFacts.factsAt(open.path());
    if (anchor != null && anchor.getLeaf() != open.tree()) {
      if (!atAnchor.equals(client)) {
        // link.reset(); link.connect(); -- the round names the client through another object: each body's facts
        // are read in its own terms, the open()'s body first (a close or creation there is the later one)
        return closedOrRecreatedAfterAClose(facts, client)
            || (!facts.created(client) && closedOrRecreatedAfterAClose(pathFacts.factsAt(anchor), atAnchor));
      }
      facts = facts.eventsAfter(pathFacts.factsAt(anchor));
      if (!facts.created(client) && closedOnTheWayDown(anchor, open, client)) {
        return true; // connect() { client.close(); doOpen(); } -- the round closes one call above the open()
      }
    }
    return closedOrRecreatedAfterAClose(facts, client);
  }

  /**
   * Whether every way down from the round's call at {@code anchor} to the open()'s own body passes a method that
   * closes {@code client} before its call leading on to the open(). Each body is visited once (a worklist over the
   * bodies that reach the open() synchronously), so a chain costs its length.
   */
  private boolean closedOnTheWayDown(TreePath anchor, ConnectionCall open, ClientRef client) {
    Deque<Body> pending = new ArrayDeque<>();
    Set<Body> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Body.Edge edge : model.graph().edgesAt(anchor.getLeaf())) {
      if (edge.kind() != Body.EdgeKind.SYNC) {
        continue;
      }
      if (edge.to() == open.body()) {
        return false; // the round calls the open()'s method itself: only its own facts and the round's can close
      }
      if (seen.add(edge.to())) {
        pending.add(edge.to());
      }
    }
    boolean reachesTheOpen = false;
    while (!pending.isEmpty()) {
      Body body = pending.poll();
      if (!model.syncReachable(body).contains(open.body())) {
        continue;
      }
      for (Body.Edge edge : body.outgoing()) {
        boolean leadsOn = edge.to() == open.body() || model.syncReachable(edge.to()).contains(open.body());
        if (edge.kind() != Body.EdgeKind.SYNC || !leadsOn) {
          continue;
        }
        reachesTheOpen = true;
        if (closedOrRecreatedAfterAClose(pathFacts.factsAt(edge.site()), client)) {
          continue; // this way down closes first
        }
        if (edge.to() == open.body()) {
          return false; // a way down that reaches the open() unclosed
        }
        if (seen.add(edge.to())) {
          pending.add(edge.to());
        }
      }
    }
    return reachesTheOpen;
  }

  private static boolean closedOrRecreatedAfterAClose(PathFacts.Facts facts, ClientRef client) {
    if (facts.created(client)) {
      return facts.closedBeforeLastCreation(client);
    }
    return facts.closed(client);
  }

  /**
   * The open()'s client as the round at {@code anchor} names it: through the call's receiver or argument when the
   * anchor is a call reaching the open() ({@code link.connect()} opens {@code link.client}); else the client itself.
   */
  private ClientRef atAnchor(TreePath anchor, ConnectionCall open, ClientRef client) {
    if (anchor.getLeaf() == open.tree() || !(anchor.getLeaf() instanceof MethodInvocationTree call)) {
      return client;
    }
    for (Body.Edge edge : model.graph().edgesAt(call)) {
      // an own field keeps its object down calls on this; a parameter is named only by the call that passes it
      boolean reaches =
          edge.to() == open.body()
              || (client.isOwnField() && model.syncReachable(edge.to()).contains(open.body()));
      if (edge.kind() == Body.EdgeKind.SYNC && reaches) {
        ClientRef translated = CallerTranslation.translated(model, client, edge.to(), edge).client();
        if (translated != null) {
          return translated;
        }
      }
    }
    return client;
  }

  /** Where {@code region} assigns a new client to {@code client}: start positions. */
  private List<Integer> creationsWithin(Tree region, ClientRef client) {
    List<Integer> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (client.equals(ClientRef.of(assignment.getVariable()))
            && model.isNewClient(assignment.getExpression())) {
          found.add(start(assignment));
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(region, null);
    return found;
  }

  private static int start(Tree tree) {
    return ASTHelpers.getStartPosition(tree);
  }

  private int end(Tree tree) {
    return model.state().getEndPosition(tree);
  }
}
