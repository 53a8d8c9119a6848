package io.github.linkguard.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import io.github.linkguard.checker.analysis.CheckName;
import io.github.linkguard.checker.analysis.ConnectionOp;
import io.github.linkguard.checker.analysis.ConnectionCall;
import io.github.linkguard.checker.analysis.DocLinks;
import io.github.linkguard.checker.analysis.IotHubSdk;
import io.github.linkguard.checker.analysis.Verdicts;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * Check 3: {@code open()}, {@code close()} or {@code closeNow()} executed synchronously on the thread that delivers
 * the connection status callback (directly or through same-class methods). No automatic fix: the reconnect has to
 * move to another thread.
 *
 * <p>The decision is {@code analysis.CallbackThreadRule}; this class words the finding.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "open()/close() on the thread that delivers the connection status callback, which the SDK forbids; hand"
            + " the reconnect to another thread",
    severity = WARNING,
    linkType = CUSTOM,
    link = DocLinks.CHECKS + "IotHubReconnectOnCallbackThread.md")
public final class IotHubReconnectOnCallbackThread extends LinkGuardCheck
    implements MethodInvocationTreeMatcher, MemberReferenceTreeMatcher {

  public IotHubReconnectOnCallbackThread() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  IotHubReconnectOnCallbackThread(ErrorProneFlags flags) {
    super(flags, CheckName.RECONNECT_ON_CALLBACK_THREAD);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (ConnectionOp.byName(tree) == null) {
      return Description.NO_MATCH;
    }
    String name = IotHubSdk.methodName(tree);
    return withVerdicts(
        state,
        verdicts ->
            verdicts.reporterOf(tree) == CheckName.RECONNECT_ON_CALLBACK_THREAD
                ? buildDescription(tree).setMessage(message(name, origin(tree, verdicts))).build()
                : Description.NO_MATCH);
  }

  private static @Nullable String origin(MethodInvocationTree tree, Verdicts verdicts) {
    ConnectionCall call = verdicts.connectionCall(tree);
    return call == null ? null : verdicts.callbackThreadRule().origin(call);
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    String name = tree.getName().toString();
    if (!name.equals("close") && !name.equals("closeNow")) {
      return Description.NO_MATCH;
    }
    return withVerdicts(
        state,
        verdicts ->
            verdicts.callbackThreadRule().closesInPlace(state.getPath())
                ? buildDescription(tree).setMessage(message(name, null)).build()
                : Description.NO_MATCH);
  }

  /** {@code origin}: where the path from a status callback in another class starts, or null. */
  private static String message(String call, @Nullable String origin) {
    return call
        + "() runs on the thread that delivers the connection status callback"
        + (origin == null ? "" : " (reached from " + origin + ")")
        + "; the SDK forbids opening or"
        + " closing the client there, and a reconnect from the callback races the SDK's own"
        + " DISCONNECTED_RETRYING recovery, leaving two links for one device identity (409002"
        + " LinkCreationConflict). Record the status in the callback and let another thread (an executor)"
        + " close and reopen the client when it is DISCONNECTED.";
  }
}
