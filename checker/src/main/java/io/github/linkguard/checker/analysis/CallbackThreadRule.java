package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import org.jspecify.annotations.Nullable;

/**
 * The rule of check 3 ({@code IotHubReconnectOnCallbackThread}): an open(), close() or closeNow() that runs
 * synchronously on the thread that delivers a status callback, as a call or as a close method reference run in
 * place. Whether it reports an open() is {@link Verdicts#reporterOf}'s arbitration; closes are its own.
 *
 * <p>Cost: lookups in the status callbacks' synchronous reach, which {@link CompilationModel} computes once per
 * compilation.
 */
public final class CallbackThreadRule {
  private final CompilationModel model;
  private final CallbackScope callbackScope;
  private final Origins origins;

  CallbackThreadRule(CompilationModel model, CallbackScope callbackScope, Origins origins) {
    this.model = model;
    this.callbackScope = callbackScope;
    this.origins = origins;
  }

  /** Check 3: executed synchronously on the thread that delivers a status callback. */
  public boolean onCallbackThread(ConnectionCall call) {
    return callbackScope.isInStatusCallback(call.body());
  }

  /**
   * {@code clients.forEach(DeviceClient::close)} in a status callback: a method reference to a client's close,
   * passed to a method that is neither a hand-off nor one of the class (whose use of it the analysis follows
   * elsewhere), runs there, on the callback's thread.
   */
  public boolean closesInPlace(TreePath reference) {
    MemberReferenceTree tree = (MemberReferenceTree) reference.getLeaf();
    Body body = model.bodyAt(reference);
    if (body == null
        || !callbackScope.isInStatusCallback(body)
        || !ConnectionOp.isClientCloseReference(tree, model.sdk()::isClientType)) {
      return false;
    }
    TreePath argument = IotHubSdk.withEnclosingParentheses(reference);
    Tree value = argument.getLeaf();
    TreePath parent = argument.getParentPath();
    return parent != null
        && parent.getLeaf() instanceof MethodInvocationTree call
        && call.getArguments().contains(value)
        && !model.sdk().isHandOff(call)
        && model.bodyOf(ASTHelpers.getSymbol(call)) == null;
  }

  /**
   * The status callback in another top-level class that calls down to {@code call} synchronously, for the message:
   * "the status callback in StatusWatcher.onStatusChanged"; else null.
   */
  public @Nullable String origin(ConnectionCall call) {
    return origins.statusCallbackOrigin(call.body(), true);
  }
}
