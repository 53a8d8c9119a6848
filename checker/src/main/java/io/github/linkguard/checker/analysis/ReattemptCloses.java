package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.linkguard.checker.analysis.RetryConstruct.CatchRetry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a catch's re-attempt goes through a method that closes the failed client before it opens it again: a
 * helper the catch hands the failed object to, a method of this object the catch schedules, or a lambda the catch (or
 * a helper it calls) schedules, which closes before it calls back. Split from {@link
 * ClosesBetweenAttempts}, which asks it for catch retries only.
 *
 * <p>Cost: per question, the connection calls and outgoing edges of each method the re-attempt reaches directly,
 * with the compilation's memoised reachability; no walk of its own.
 */
final class ReattemptCloses {
  private final CompilationModel model;
  private final CallEffects callEffects;

  ReattemptCloses(CompilationModel model, CallEffects callEffects) {
    this.model = model;
    this.callEffects = callEffects;
  }

  /**
   * The catch re-attempts through a method that closes the client before opening it again: a helper handed the failed
   * object ({@code budget.retry(this)}, blind-x x16), or a method of this object it schedules ({@code
   * this::reconnect}).
   */
  boolean closedInsideTheReattempt(CatchRetry retry, ConnectionCall open, ClientRef client) {
    Tree site = retry.reattempt().getLeaf();
    boolean scheduledOnThis =
        site instanceof MemberReferenceTree reference
            && Receivers.isThisReference(reference.getQualifierExpression())
            && client.isOwnField();
    if (!(site instanceof MethodInvocationTree) && !(site instanceof NewClassTree) && !scheduledOnThis) {
      return false;
    }
    for (Body.Edge edge : model.graph().edgesAt(site)) {
      MethodSymbol method = edge.to().method();
      // schedule(retryTask, ...) with a task object whose run() closes the client, then opens it: the task names the
      // client as the catch does (a field of this object, or a captured local)
      boolean taskHandedOff = edge.kind() == Body.EdgeKind.HAND_OFF && edge.to().isWrittenWhereItIsMade();
      ClientRef there = scheduledOnThis || taskHandedOff ? client
          : method == null || edge.kind() != Body.EdgeKind.SYNC || !(site instanceof MethodInvocationTree call) ? null
          : passedAs(client, call, method);
      if (there != null && reopensAfterAClose(edge.to(), there, open)) {
        return true;
      }
    }
    return false;
  }


  /**
   * The catch schedules a lambda that closes the failed client before it calls the method holding the open() again
   * ({@code schedule(() -> { client.close(); connect(); }, ...)}), in the catch or in a helper the catch calls.
   */
  boolean closedInTheScheduledRound(CatchRetry retry, ConnectionCall open, FailurePath failure) {
    Tree site = retry.reattempt().getLeaf();
    if (site instanceof LambdaExpressionTree lambda) {
      return closesBeforeCallingBack(lambda, open, failure);
    }
    for (Body.Edge call : site instanceof MethodInvocationTree ? model.graph().edgesAt(site) : List.<Body.Edge>of()) {
      for (Body.Edge handOff : call.kind() == Body.EdgeKind.SYNC ? call.to().outgoing() : List.<Body.Edge>of()) {
        if (handOff.to().tree() instanceof LambdaExpressionTree lambda
            && closesBeforeCallingBack(lambda, open, failure)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a block lambda closes the failed client before it calls the method holding the open() again. */
  private static boolean closesBeforeCallingBack(
      LambdaExpressionTree lambda, ConnectionCall open, FailurePath failure) {
    MethodSymbol method = open.body().method();
    for (StatementTree statement :
        lambda.getBody() instanceof BlockTree block && method != null
            ? block.getStatements()
            : List.<StatementTree>of()) {
      if (failure.closes(statement)) {
        return true;
      }
      if (calls(statement, method)) {
        return false;
      }
    }
    return false;
  }

  /** Whether {@code statement} calls {@code method} (outside nested lambdas and classes). */
  private static boolean calls(StatementTree statement, MethodSymbol method) {
    boolean[] found = {false};
    new SameBodyScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= method.equals(ASTHelpers.getSymbol(call));
        return super.visitMethodInvocation(call, null);
      }
    }.scan(statement, null);
    return found[0];
  }

  /** Whether {@code body} closes {@code client} before it opens it, or before a call that leads back to the open(). */
  private boolean reopensAfterAClose(Body body, ClientRef client, ConnectionCall open) {
    for (ConnectionCall other : model.callsIn(body)) {
      if (other.isOpen() && client.equals(other.client()) && closedBefore(body, other.path(), client)) {
        return true;
      }
    }
    for (Body.Edge back : body.outgoing()) {
      if (back.kind() == Body.EdgeKind.SYNC
          && model.syncReachable(back.to()).contains(open.body())
          && closedBefore(body, back.site(), client)) {
        return true;
      }
    }
    return false;
  }

  /** {@code client} as {@code helper} names it when {@code call} passes it ({@code this} for an own field), or null. */
  private static @Nullable ClientRef passedAs(ClientRef client, MethodInvocationTree call, MethodSymbol helper) {
    List<? extends ExpressionTree> arguments = call.getArguments();
    for (int i = 0; i < arguments.size() && i < helper.getParameters().size(); i++) {
      ExpressionTree argument = IotHubSdk.stripParenthesesAndCasts(arguments.get(i));
      ClientRef parameter = ClientRef.ofVariable(helper.getParameters().get(i));
      if (client.isOwnField()
          && argument instanceof IdentifierTree self
          && Receivers.isThis(self.getName())) {
        return parameter.then(client);
      }
      if (client.equals(ClientRef.of(argument))) {
        return parameter;
      }
    }
    return null;
  }

  /** Whether {@code body} closes {@code client} (itself or by a call) in a statement running before {@code site}. */
  private boolean closedBefore(Body body, TreePath site, ClientRef client) {
    for (ConnectionCall close : model.callsIn(body)) {
      if (close.op().closes() && client.equals(close.client()) && StatementOrder.runsBefore(close.path(), site)) {
        return true;
      }
    }
    for (Body.Edge edge : body.outgoing()) {
      if (edge.site().getLeaf() instanceof MethodInvocationTree call
          && StatementOrder.runsBefore(edge.site(), site)
          && callEffects.closedByCall(call).contains(client)) {
        return true;
      }
    }
    return false;
  }
}
