package io.github.linkguard.checker.analysis;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the checks ask of one compilation's model: each check's rule (one instance per compilation, built with the
 * model by {@link LinkGuardContext}, so that every rule memoizes for the whole compilation and the checks' matchers
 * only look up), the facts the fixes need, and the one place that gives every open() at most one diagnostic.
 *
 * <p>Rules: {@link StatusGuardRule} (check 1), {@link RetryCloseRule} (2), {@link CallbackThreadRule} (3), {@link
 * ReplacementRule} (4), {@link ReopenGuardRule} (5). The facts they share are {@code ReentryFacts} (paths from a
 * root, guards, callers' closes and creations) and {@code Origins} (where a path starts, for messages).
 *
 * <p>Cost: constructing it only wires the rules; the arbitration memoizes one answer per open().
 */
public final class Verdicts {
  private final CompilationModel model;
  private final EnabledChecks enabled;
  private final Map<ConnectionCall, CheckName> openReporters = new IdentityHashMap<>();
  private final CallbackScope callbackScope;
  private final StatusGuardRule statusGuardRule;
  private final RetryCloseRule retryCloseRule;
  private final CallbackThreadRule callbackThreadRule;
  private final ReplacementRule replacementRule;
  private final ReopenGuardRule reopenGuardRule;

  Verdicts(CompilationModel model, EnabledChecks enabled) {
    this.model = model;
    this.enabled = enabled;
    Analyses analyses = new Analyses(model);
    // The retry constructs are found here, with the model: a failure there is a failure of the model (the classes'
    // findings dropped with one note), not of the first query that needs them.
    Retries retries = analyses.retries();
    ReentryFacts reentry = new ReentryFacts(analyses);
    Origins origins = new Origins(model, reentry);
    this.callbackScope = new CallbackScope(model);
    this.statusGuardRule = new StatusGuardRule(analyses, reentry, origins);
    this.retryCloseRule = new RetryCloseRule(retries, origins);
    this.callbackThreadRule = new CallbackThreadRule(model, callbackScope, origins);
    this.replacementRule = new ReplacementRule(analyses, reentry);
    this.reopenGuardRule = new ReopenGuardRule(analyses, reentry);
  }

  /**
   * The check that reports this open(), close() or closeNow(), after arbitration; null when none does. One call, one
   * diagnostic: of the checks that match an open(), only the first of checks 1, 2 and 3 (among those running)
   * reports it. A close() or closeNow() only check 3 can match.
   */
  public @Nullable CheckName reporterOf(MethodInvocationTree tree) {
    ConnectionCall call = model.connectionCall(tree);
    if (call == null) {
      return null;
    }
    if (!call.isOpen()) {
      return callbackThreadRule.onCallbackThread(call) ? CheckName.RECONNECT_ON_CALLBACK_THREAD : null;
    }
    return openReporters.computeIfAbsent(call, this::arbitrate);
  }

  private @Nullable CheckName arbitrate(ConnectionCall open) {
    if (enabled.isEnabled(CheckName.OPEN_WITHOUT_STATUS_GUARD) && statusGuardRule.opensWithoutGuard(open)) {
      return CheckName.OPEN_WITHOUT_STATUS_GUARD;
    }
    if (enabled.isEnabled(CheckName.OPEN_RETRY_WITHOUT_CLOSE) && retryCloseRule.unclosedRetry(open) != null) {
      return CheckName.OPEN_RETRY_WITHOUT_CLOSE;
    }
    if (enabled.isEnabled(CheckName.RECONNECT_ON_CALLBACK_THREAD) && callbackThreadRule.onCallbackThread(open)) {
      return CheckName.RECONNECT_ON_CALLBACK_THREAD;
    }
    return null;
  }

  /** The open(), close() or closeNow() this call is, or null. */
  public @Nullable ConnectionCall connectionCall(MethodInvocationTree tree) {
    return model.connectionCall(tree);
  }

  /** The method, lambda or initializer body that holds {@code path}, or null. */
  public @Nullable Body bodyAt(TreePath path) {
    return model.bodyAt(path);
  }

  public StatusGuardRule statusGuardRule() {
    return statusGuardRule;
  }

  public RetryCloseRule retryCloseRule() {
    return retryCloseRule;
  }

  public CallbackThreadRule callbackThreadRule() {
    return callbackThreadRule;
  }

  public ReplacementRule replacementRule() {
    return replacementRule;
  }

  public ReopenGuardRule reopenGuardRule() {
    return reopenGuardRule;
  }

  /** Status-callback facts for the fixes: its thread, and the status and reason in scope. */
  public CallbackScope callbackScope() {
    return callbackScope;
  }
}
