package io.github.linkguard.checker.analysis;

import com.sun.source.util.TreePath;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rule of check 2 ({@code IotHubOpenRetryWithoutClose}): an open() that a retry construct repeats without closing
 * the failed attempt's client between attempts; and where that close is missing, for the fix. Whether it reports is
 * {@link Verdicts#reporterOf}'s arbitration.
 *
 * <p>Cost: the retry constructs around an open() and whether each closes are {@link Retries}' (memoized per
 * compilation); this rule only picks the first that does not.
 */
public final class RetryCloseRule {
  private final Retries retries;
  private final Origins origins;

  RetryCloseRule(Retries retries, Origins origins) {
    this.retries = retries;
    this.origins = origins;
  }

  /** Check 2: the first retry construct around this open() that does not close its client between attempts. */
  public @Nullable RetryConstruct unclosedRetry(ConnectionCall open) {
    if (!open.isOpen()) {
      return null;
    }
    for (RetryConstruct construct : retries.constructsFor(open)) {
      if (!retries.closesBetweenAttempts(construct, open)) {
        return construct;
      }
    }
    return null;
  }

  /**
   * Where {@code construct} retries {@code open}, when that is in another top-level class than the open(), for the
   * message: "LegacyBase.connect"; else null.
   */
  public @Nullable String origin(ConnectionCall open, RetryConstruct construct) {
    return origins.retryOrigin(open, construct);
  }

  /** The catch clauses of {@code construct} that handle a failed {@code open} without closing its client. */
  public List<TreePath> catchesMissingTheClose(RetryConstruct construct, ConnectionCall open) {
    return retries.catchesMissingTheClose(construct, open);
  }

  /** Whether each attempt of {@code construct} creates the client it opens (a close before the open() is too late). */
  public boolean createsClientPerAttempt(RetryConstruct construct, ConnectionCall open) {
    return retries.createsClientPerAttempt(construct, open);
  }
}
