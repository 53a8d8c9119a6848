package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import org.jspecify.annotations.Nullable;

/**
 * The rule of check 1 ({@code IotHubOpenWithoutStatusGuard}): an open() at a re-entry site with no DISCONNECTED
 * guard, unless (off the status callbacks' paths) the same client was closed or created before it on every path.
 * Whether it reports is {@link Verdicts#reporterOf}'s arbitration.
 *
 * <p>Cost: per open(), lookups in the memoized {@code ReentryFacts} and pathFacts facts of the open(), and a walk up
 * its tree; the search through callers is {@code ReentryFacts#establishedByEveryCaller}'s.
 */
public final class StatusGuardRule {
  private final CompilationModel model;
  private final Analyses analyses;
  private final ReentryFacts reentry;
  private final Origins origins;

  StatusGuardRule(Analyses analyses, ReentryFacts reentry, Origins origins) {
    this.model = analyses.model();
    this.analyses = analyses;
    this.reentry = reentry;
    this.origins = origins;
  }

  /**
   * Check 1: an open() at a re-entry site with no DISCONNECTED guard on some path from a root to it. On a path from
   * a status callback (synchronous or through hand-offs) no exemption applies; on the other paths, a close or
   * creation of the same client earlier on the path (in the method, or in the callers that lead there) exempts it.
   */
  boolean opensWithoutGuard(ConnectionCall open) {
    if (!open.isOpen() || !reentry.isAtReentrySite(open.path(), open.body()) || reentry.isGuardedSite(open.path())) {
      return false;
    }
    if (reentry.unguardedFromStatusCallback().containsKey(open.body())) {
      return true;
    }
    if (reentry.guardedBodies().contains(open.body())) {
      return false;
    }
    return !closedOrCreatedForThisOpen(open)
        && !(open.client() != null && reentry.establishedByEveryCaller(open.body(), open.client(), true));
  }

  /**
   * Exemptions (a) and (b): a close or creation of the same client earlier in the method on every path. One made
   * before a loop that keeps running after its open() covers only the first round: later rounds reopen the instance
   * the first round opened, unless each round ends by closing it (a connect-send-close duty cycle).
   */
  private boolean closedOrCreatedForThisOpen(ConnectionCall open) {
    for (PathFacts.PlacedEvent placed : analyses.pathFacts().factsAt(open.path()).eventsOf(open.client())) {
      if (!placed.beforeLoop() || !reentryLoopBetween(placed.event().tree(), open)) {
        return true;
      }
    }
    // A retry library's attempt belongs to the method that creates it: what that method did before the run counts.
    for (RetryConstruct construct : analyses.retries().constructsFor(open)) {
      if (construct instanceof RetryConstruct.LibraryRetry library
          && library.attempt() == open.body()
          && !analyses.pathFacts().factsAt(library.call()).eventsOf(open.client()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private boolean roundEndsClosed(Tree loop, @Nullable ClientRef client) {
    StatementTree round = null;
    if (loop instanceof WhileLoopTree whileLoop) {
      round = whileLoop.getStatement();
    } else if (loop instanceof DoWhileLoopTree doWhile) {
      round = doWhile.getStatement();
    } else if (loop instanceof ForLoopTree forLoop) {
      round = forLoop.getStatement();
    }
    return round != null && client != null && analyses.pathFacts().closesOnCompletion(round, client);
  }

  private boolean reentryLoopBetween(Tree earlier, ConnectionCall open) {
    for (TreePath current = open.path().getParentPath();
        current != null && current.getLeaf() != open.body().tree();
        current = current.getParentPath()) {
      Tree loop = current.getLeaf();
      // the facts' events all precede the point, so one that starts before the loop lies outside it
      if (analyses.retries().isReentryLoop(loop)
          && ASTHelpers.getStartPosition(earlier) < ASTHelpers.getStartPosition(loop)
          && !roundEndsClosed(loop, open.client())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The status callback in another top-level class that reaches {@code open} unguarded (synchronously or through
   * hand-offs), for the message: "the status callback in StatusWatcher.onStatusChanged"; else null.
   */
  public @Nullable String origin(ConnectionCall open) {
    return origins.statusCallbackOrigin(open.body(), false);
  }
}
