package io.github.linkguard.checker.analysis;

import com.sun.source.util.TreePath;
import org.jspecify.annotations.Nullable;

/**
 * A construct that attempts an open() again after it failed: a loop, a catch, or a retry library's attempt (see
 * {@link Retries} for what counts as one).
 */
public sealed interface RetryConstruct
    permits RetryConstruct.LoopRetry, RetryConstruct.CatchRetry, RetryConstruct.LibraryRetry {
  /** Where the open() (or the call reaching it) sits inside the construct. */
  TreePath anchor();

  /**
   * A loop that retries: {@code anchor} is the open() or the call that reaches it. {@code throughFunction}: the
   * loop is in a same-class retry helper and the anchor runs a function the caller passed in ({@code
   * withRetry(() -> client.open())}), so the helper's catches are no place for this client's close.
   */
  record LoopRetry(TreePath loop, TreePath anchor, boolean throughFunction) implements RetryConstruct {}

  /** A catch that retries: the try holds {@code anchor}, the catch holds {@code reattempt}. */
  record CatchRetry(TreePath tryStatement, TreePath catchClause, TreePath anchor, TreePath reattempt)
      implements RetryConstruct {}

  /**
   * A retry library running an attempt (contract v2): {@code call} runs {@code attempt} (a lambda, method reference,
   * anonymous callback, or a {@code @Retryable} method at a proxied call), one round of a loop; {@code anchor} is the
   * open() or the call in the attempt that reaches it. {@code policy} is null where no listener can count.
   */
  record LibraryRetry(TreePath call, Body attempt, TreePath anchor, @Nullable RetryPolicy policy)
      implements RetryConstruct {}
}
