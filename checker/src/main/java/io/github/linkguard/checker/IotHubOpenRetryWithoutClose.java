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
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.linkguard.checker.analysis.CheckName;
import io.github.linkguard.checker.analysis.ClientRef;
import io.github.linkguard.checker.analysis.ConnectionCall;
import io.github.linkguard.checker.analysis.ConnectionOp;
import io.github.linkguard.checker.analysis.DocLinks;
import io.github.linkguard.checker.analysis.Fixes;
import io.github.linkguard.checker.analysis.IotHubSdk;
import io.github.linkguard.checker.analysis.RetryConstruct;
import io.github.linkguard.checker.analysis.RetryCloseRule;
import io.github.linkguard.checker.analysis.Verdicts;
import java.util.List;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * Check 2: an {@code open()} inside a retry construct whose failed attempt's client is not closed before the next
 * attempt.
 *
 * <p>The decision is {@code analysis.RetryCloseRule}; this class words the finding and builds the fix.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "open() is retried without closing the failed attempt's client; its half-open or still-retrying link makes"
            + " the next attempt collide with 409002 LinkCreationConflict",
    severity = WARNING,
    linkType = CUSTOM,
    link = DocLinks.CHECKS + "IotHubOpenRetryWithoutClose.md")
public final class IotHubOpenRetryWithoutClose extends LinkGuardCheck
    implements MethodInvocationTreeMatcher {

  private static final String MESSAGE =
      "open() is retried without closing the client after the failed attempt; that attempt can leave a half-open"
          + " link or an SDK still reconnecting (DISCONNECTED_RETRYING), and the next open() beside it makes IoT Hub"
          + " report 409002 LinkCreationConflict. Close the failed attempt's client before trying again";

  public IotHubOpenRetryWithoutClose() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  IotHubOpenRetryWithoutClose(ErrorProneFlags flags) {
    super(flags, CheckName.OPEN_RETRY_WITHOUT_CLOSE);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (ConnectionOp.byName(tree) != ConnectionOp.OPEN) {
      return Description.NO_MATCH;
    }
    return withVerdicts(
        state,
        verdicts ->
            verdicts.reporterOf(tree) == CheckName.OPEN_RETRY_WITHOUT_CLOSE
                ? describe(tree, verdicts, state)
                : Description.NO_MATCH);
  }

  private Description describe(MethodInvocationTree tree, Verdicts verdicts, VisitorState state) {
    ConnectionCall open = verdicts.connectionCall(tree);
    RetryCloseRule rule = verdicts.retryCloseRule();
    RetryConstruct construct = open == null ? null : rule.unclosedRetry(open);
    String origin = construct == null ? null : rule.origin(open, construct);
    Description.Builder description =
        buildDescription(tree).setMessage(MESSAGE + (origin == null ? "." : " (retried in " + origin + ")."));
    // A close on the status callback's thread would trade this finding for IotHubReconnectOnCallbackThread.
    if (construct != null && !verdicts.callbackScope().isInStatusCallback(open.body())) {
      SuggestedFix fix = fixSafely(state, () -> closeBeforeNextAttempt(open, construct, rule, state));
      if (fix != null) {
        description.addFix(fix);
      }
    }
    return description.build();
  }

  /** The close of the failed client: first in the catch that handles the failure, else just before the open(). */
  private static @Nullable SuggestedFix closeBeforeNextAttempt(
      ConnectionCall open, RetryConstruct construct, RetryCloseRule rule, VisitorState state) {
    Type clientType = clientType(open);
    if (clientType == null) {
      return null;
    }
    List<TreePath> handlers = rule.catchesMissingTheClose(construct, open);
    if (!handlers.isEmpty()) {
      SuggestedFix.Builder fix = SuggestedFix.builder();
      for (TreePath handler : handlers) {
        if (handler.getCompilationUnit() != state.getPath().getCompilationUnit()) {
          return null; // the retry is in another file (a base class): a fix can only edit this one
        }
        String client = clientInScope(open, handler, state);
        if (client == null) {
          return null;
        }
        CatchTree catchTree = (CatchTree) handler.getLeaf();
        TreePath blockPath = new TreePath(handler, catchTree.getBlock());
        TreePath point =
            catchTree.getBlock().getStatements().isEmpty()
                ? blockPath
                : new TreePath(blockPath, catchTree.getBlock().getStatements().get(0));
        String close =
            Fixes.closeStatement(state, fix, client, clientType, point, "the failed attempt is discarded anyway");
        if (!client.isEmpty() && isAssignedIn(open.client(), ((TryTree) handler.getParentPath().getLeaf()))) {
          // the attempt creates the client: when its constructor throws, the first attempt leaves it null
          close = "if (" + client + " != null) {\n" + close + "\n}";
        }
        Fixes.insertFirst(state, fix, catchTree.getBlock(), close);
      }
      return fix.build();
    }
    if (rule.createsClientPerAttempt(construct, open)) {
      return null; // before the open() would close the new client, not the failed one
    }
    TreePath statement = Fixes.statementOf(open.path());
    if (statement == null || !(statement.getLeaf() instanceof ExpressionStatementTree)) {
      return null;
    }
    ExpressionTree receiver = open.clientExpression();
    String client = receiver == null ? null : state.getSourceForNode(receiver);
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String close =
        Fixes.closeStatement(state, fix, client, clientType, statement, "closing before a retry is best effort");
    return Fixes.insertBefore(state, fix, statement, close) ? fix.build() : null;
  }

  private static @Nullable Type clientType(ConnectionCall open) {
    ExpressionTree receiver = open.clientExpression();
    if (receiver != null) {
      return ASTHelpers.getType(receiver);
    }
    return ASTHelpers.getReceiverType(open.tree());
  }

  /**
   * The failed client as source text valid inside {@code handler}: the receiver when the open() is in the same
   * try, the field when it is reached through a call, or null when the client is a local out of scope there.
   */
  private static @Nullable String clientInScope(ConnectionCall open, TreePath handler, VisitorState state) {
    ClientRef client = open.client();
    ExpressionTree receiver = open.clientExpression();
    if (client == null) {
      return null;
    }
    boolean sameBody = ASTHelpers.findEnclosingNode(handler, MethodTree.class) != null
        && isInSameBody(open.path(), handler);
    if (sameBody) {
      if (client.rootLocal() != null && isDeclaredInside(client.rootLocal(), handler.getParentPath())) {
        return null; // declared in the try block or as its resource (lease.client()): not visible in its catch
      }
      return receiver == null ? "" : state.getSourceForNode(receiver);
    }
    if (client.isThis()) {
      return "";
    }
    if (client.isOwnField()) {
      return Fixes.fieldAccess(state.withPath(handler), client.variable());
    }
    return null;
  }

  private static boolean isInSameBody(TreePath a, TreePath b) {
    return enclosingBody(a) == enclosingBody(b);
  }

  private static @Nullable Tree enclosingBody(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree
          || leaf instanceof ClassTree) {
        return leaf;
      }
    }
    return null;
  }

  /** Whether the try block stores into the client's variable (a creation inside the attempt). */
  private static boolean isAssignedIn(@Nullable ClientRef client, TryTree tryTree) {
    if (client == null || client.variable() == null) {
      return false;
    }
    boolean[] assigned = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        assigned[0] |= ASTHelpers.getSymbol(tree.getVariable()) == client.variable();
        return super.visitAssignment(tree, null);
      }
    }.scan(tryTree.getBlock(), null);
    return assigned[0];
  }

  /** Whether {@code local} is declared in the try's block or resources: then its catches cannot name it. */
  private static boolean isDeclaredInside(VarSymbol local, TreePath tryPath) {
    TryTree tryTree = (TryTree) tryPath.getLeaf();
    boolean[] inside = {false};
    TreeScanner<Void, Void> declarations =
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitVariable(VariableTree tree, Void unused) {
            inside[0] |= ASTHelpers.getSymbol(tree) == local;
            return super.visitVariable(tree, null);
          }
        };
    declarations.scan(tryTree.getResources(), null);
    declarations.scan(tryTree.getBlock(), null);
    return inside[0];
  }
}
