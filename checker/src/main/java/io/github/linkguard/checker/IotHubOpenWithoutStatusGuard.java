package io.github.linkguard.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.CallbackParameters;
import io.github.linkguard.checker.analysis.CallbackScope;
import io.github.linkguard.checker.analysis.CheckName;
import io.github.linkguard.checker.analysis.ConnectionCall;
import io.github.linkguard.checker.analysis.ConnectionOp;
import io.github.linkguard.checker.analysis.DocLinks;
import io.github.linkguard.checker.analysis.FixText;
import io.github.linkguard.checker.analysis.Fixes;
import io.github.linkguard.checker.analysis.IotHubSdk;
import io.github.linkguard.checker.analysis.Verdicts;
import io.github.linkguard.checker.analysis.VisibleClasses;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * Check 1: an {@code open()} at a re-entry site (status or other SDK callback, hand-off, a loop that keeps running
 * after its open succeeds, a catch that is not a retry, or a method reachable from one) with no DISCONNECTED guard.
 *
 * <p>The decision is {@code analysis.StatusGuardRule}; this class words the finding and builds the fix.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "open() can run while the SDK still owns the connection (CONNECTED or DISCONNECTED_RETRYING), which makes"
            + " IoT Hub drop the older link with 409002 LinkCreationConflict; reopen only on DISCONNECTED",
    severity = WARNING,
    linkType = CUSTOM,
    link = DocLinks.CHECKS + "IotHubOpenWithoutStatusGuard.md")
public final class IotHubOpenWithoutStatusGuard extends LinkGuardCheck
    implements MethodInvocationTreeMatcher {

  private static final String MESSAGE =
      "open() here can run while the SDK still owns this client's connection (CONNECTED, or"
          + " DISCONNECTED_RETRYING under its retry policy); a second link for the same device identity makes IoT"
          + " Hub drop the older one with 409002 LinkCreationConflict. Reopen only when the status is DISCONNECTED";
  private static final String PATTERN =
      ": record the status in the connection status callback (e.g. a volatile IotHubConnectionStatus field) and"
          + " open only when it is DISCONNECTED, closing the client first.";

  public IotHubOpenWithoutStatusGuard() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  IotHubOpenWithoutStatusGuard(ErrorProneFlags flags) {
    super(flags, CheckName.OPEN_WITHOUT_STATUS_GUARD);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (ConnectionOp.byName(tree) != ConnectionOp.OPEN) {
      return Description.NO_MATCH;
    }
    return withVerdicts(
        state,
        verdicts ->
            verdicts.reporterOf(tree) == CheckName.OPEN_WITHOUT_STATUS_GUARD
                ? describe(tree, verdicts, state)
                : Description.NO_MATCH);
  }

  private Description describe(MethodInvocationTree tree, Verdicts verdicts, VisitorState state) {
    ConnectionCall open = verdicts.connectionCall(tree);
    String origin = open == null ? null : verdicts.statusGuardRule().origin(open);
    String message = origin == null ? MESSAGE : MESSAGE + " (reached from " + origin + ")";
    SuggestedFix fix = fixSafely(state, () -> guard(open, verdicts, state));
    return fix != null
        ? buildDescription(tree).setMessage(message + ".").addFix(fix).build()
        : buildDescription(tree).setMessage(message + PATTERN).build();
  }

  /** The open() wrapped in a DISCONNECTED guard, or null where no guard is in scope or no block can go. */
  private static @Nullable SuggestedFix guard(@Nullable ConnectionCall open, Verdicts verdicts, VisitorState state) {
    // A guard does not repair an unclosed retry: leave such a call for the user rather than half-fix it. Nor does it
    // take a call off the callback's thread: guarded there, the open() would be IotHubReconnectOnCallbackThread's,
    // and a fix must not create another check's finding.
    if (open == null
        || verdicts.retryCloseRule().unclosedRetry(open) != null
        || verdicts.callbackThreadRule().onCallbackThread(open)) {
      return null;
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String condition = guardCondition(open, verdicts.callbackScope(), state, fix);
    boolean wrapped =
        condition != null
            && Fixes.wrapInIf(
                state, fix, state.getPath(), condition, statement -> closesClientOf(statement, open, verdicts));
    return wrapped ? fix.build() : null;
  }

  /** Whether {@code statement} is a close()/closeNow() of the client {@code open} opens. */
  private static boolean closesClientOf(StatementTree statement, ConnectionCall open, Verdicts verdicts) {
    if (!(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return false;
    }
    ConnectionCall close = verdicts.connectionCall(call);
    return close != null && close.op().closes() && open.client() != null && open.client().equals(close.client());
  }

  /**
   * In a status callback, the callback's own status (and reason: the fix must not reopen after the app's own
   * close()); elsewhere, the IotHubConnectionStatus field the callback keeps.
   */
  private static @Nullable String guardCondition(
      ConnectionCall open, CallbackScope callbackScope, VisitorState state, SuggestedFix.Builder fix) {
    // The type names are qualified (a scope search) only once a condition is certain.
    String statusExpression;
    String reasonExpression;
    CallbackParameters parameters = callbackScope.parametersAround(state.getPath());
    if (parameters != null && parameters.statusExpression() != null && callbackScope.lambdaCapturesAReassignedParameter(state.getPath())) {
      return null; // () -> { ... } handed off from a callback that reassigns its status: it cannot capture it
    }
    if (parameters != null && parameters.statusExpression() != null) {
      statusExpression = parameters.statusExpression();
      reasonExpression = parameters.reasonExpression();
      if (reasonExpression == null) {
        return null; // an unnamed reason parameter: a guard without the reason would reopen after the app's close()
      }
    } else if (callbackScope.isInStatusCallback(open.body())) {
      // Reached from the callback through a method: only its own status and reason parameters will do, since a
      // guard without the reason would reopen after the app's own close().
      statusExpression = callbackScope.parameterOfType(state.getPath(), true);
      reasonExpression = callbackScope.parameterOfType(state.getPath(), false);
      if (statusExpression == null || reasonExpression == null) {
        return null;
      }
    } else {
      statusExpression = null;
      reasonExpression = null;
    }
    if (statusExpression != null) {
      String status = FixText.typeName(state, fix, IotHubSdk.STATUS_FQN);
      String reason = FixText.typeName(state, fix, IotHubSdk.REASON_FQN);
      return statusExpression + " == " + status + "." + IotHubSdk.DISCONNECTED
          + " && " + reasonExpression + " != " + reason + "." + IotHubSdk.CLIENT_CLOSE;
    }
    ClassTree here = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    ClassSymbol topLevel = here == null ? null : VisibleClasses.topLevelClass(ASTHelpers.getSymbol(here));
    VarSymbol field = topLevel == null ? null : callbackScope.trackedStatusField(open.client(), topLevel);
    String fieldAccess = field == null ? null : Fixes.fieldAccess(state, field);
    return fieldAccess == null
        ? null
        : fieldAccess + " == " + FixText.typeName(state, fix, IotHubSdk.STATUS_FQN) + "."
            + IotHubSdk.DISCONNECTED;
  }
}
