package io.github.linkguard.checker.analysis;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.List;

/**
 * Retry constructs and re-entry loops and catches.
 *
 * <p>A <em>retry construct</em> is a loop around an open() that leaves after the open() succeeds, a catch that
 * attempts the same connection again (same client, or the method holding the open() again, directly, through
 * same-class methods or by scheduling it), or a recursive call from a catch. A loop that keeps running after its
 * open() succeeds, and a catch that is not a retry construct, are <em>re-entry sites</em>; an enhanced {@code for}
 * is not one by itself (each round handles a different item).
 *
 * <p>The classification is {@link RetryConstructs}'s (with {@link LoopExits}), computed once per class; whether a
 * construct closes the failed attempt's client before the next one is {@link ClosesBetweenAttempts}'s, answered per
 * construct. This class is the one the verdicts ask.
 */
public final class Retries {
  private final RetryConstructs constructs;
  private final ClosesBetweenAttempts closes;

  Retries(CompilationModel model, PathFacts pathFacts, Conditions conditions, MethodEffects effects) {
    this.constructs = new RetryConstructs(model, conditions, effects);
    this.closes = new ClosesBetweenAttempts(model, pathFacts, effects);
  }

  /** The retry constructs around an open(), innermost first. */
  public List<RetryConstruct> constructsFor(ConnectionCall open) {
    return constructs.constructsFor(open);
  }

  /** Whether {@code path} (in {@code body}) sits in a loop or catch that is a re-entry site. */
  public boolean isInsideReentryConstruct(TreePath path, Body body) {
    return constructs.isInsideReentryConstruct(path, body);
  }

  /**
   * Whether {@code path} sits in a retry construct: a retrying loop, the try or catch of a retrying catch, or a
   * retry library's attempt.
   */
  public boolean isInsideRetryConstruct(TreePath path, Body body) {
    return constructs.isInsideRetryConstruct(path, body);
  }

  /** Whether {@code catchClause} is a catch that is not a retry construct (a re-entry site). */
  boolean isReentryCatch(Tree catchClause) {
    return constructs.isReentryCatch(catchClause);
  }

  /** Whether the open() is in a loop that keeps running after its open() succeeds. */
  boolean isReentryLoop(Tree loop) {
    return constructs.isReentryLoop(loop);
  }

  /**
   * Whether the failed attempt's client is closed between the failure and the next attempt: in the catch, in a
   * finally, after the try in the same round, or before the open() in the same round (before the new client is
   * assigned, when each attempt gets a new one); try-with-resources closes it too.
   */
  public boolean closesBetweenAttempts(RetryConstruct construct, ConnectionCall open) {
    return closes.closesBetweenAttempts(construct, open);
  }

  /**
   * The catches where a close of the failed attempt belongs: the catch of a catch retry; for a loop, the catches of
   * the innermost try around the attempt that carry on to another round without closing the client.
   */
  public List<TreePath> catchesMissingTheClose(RetryConstruct construct, ConnectionCall open) {
    return closes.catchesMissingTheClose(construct, open);
  }

  /** Whether every attempt assigns a new client to the open()'s variable before opening it. */
  public boolean createsClientPerAttempt(RetryConstruct construct, ConnectionCall open) {
    return closes.createsClientPerAttempt(construct, open);
  }
}
