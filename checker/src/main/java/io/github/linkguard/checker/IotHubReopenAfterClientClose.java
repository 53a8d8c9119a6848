package io.github.linkguard.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.BinaryTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CaseTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.ConditionalExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.ForLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.IfTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.WhileLoopTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import io.github.linkguard.checker.analysis.CallbackParameters;
import io.github.linkguard.checker.analysis.CallbackScope;
import io.github.linkguard.checker.analysis.CheckName;
import io.github.linkguard.checker.analysis.DocLinks;
import io.github.linkguard.checker.analysis.PathFacts;
import io.github.linkguard.checker.analysis.FixText;
import io.github.linkguard.checker.analysis.Fixes;
import io.github.linkguard.checker.analysis.IotHubSdk;
import io.github.linkguard.checker.analysis.ReopenGuardRule.ReopenGuard;
import java.util.List;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * Check 5: in a status callback, a DISCONNECTED guard that leads to a reconnect without excluding reason
 * CLIENT_CLOSE, so the application's own close() triggers a reopen. Reported at the guard, once per guard.
 *
 * <p>The decision is {@code analysis.ReopenGuardRule}; this class words the finding and builds the fix.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A DISCONNECTED guard in the status callback reconnects even when the reason is CLIENT_CLOSE, so the"
            + " app's own close() reopens the client",
    severity = WARNING,
    linkType = CUSTOM,
    link = DocLinks.CHECKS + "IotHubReopenAfterClientClose.md")
public final class IotHubReopenAfterClientClose extends LinkGuardCheck
    implements IfTreeMatcher, WhileLoopTreeMatcher, ForLoopTreeMatcher, ConditionalExpressionTreeMatcher,
        BinaryTreeMatcher, CaseTreeMatcher {

  private static final String CLIENT_CLOSE_RISK =
      " leads to a reconnect even when the reason is CLIENT_CLOSE, which is the application's own close(): shutting"
          + " the client down then reopens it, and a replacement client beside it makes IoT Hub drop a link with"
          + " 409002 LinkCreationConflict.";

  private static final String MESSAGE =
      "This DISCONNECTED check" + CLIENT_CLOSE_RISK + " Also require the reason to be other than CLIENT_CLOSE.";

  /** Contract v2: a status condition that also lets through the statuses in which the SDK owns the connection. */
  private static final String MESSAGE_ADMITTING_OTHER_STATUSES =
      "This status condition also admits DISCONNECTED_RETRYING or CONNECTED, while the SDK still owns the"
          + " connection, and" + CLIENT_CLOSE_RISK + " Reconnect only on DISCONNECTED, with a reason other than"
          + " CLIENT_CLOSE.";

  public IotHubReopenAfterClientClose() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  IotHubReopenAfterClientClose(ErrorProneFlags flags) {
    super(flags, CheckName.REOPEN_AFTER_CLIENT_CLOSE);
  }

  @Override
  public Description matchIf(IfTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchWhileLoop(WhileLoopTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchForLoop(ForLoopTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchConditionalExpression(ConditionalExpressionTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchBinary(BinaryTree tree, VisitorState state) {
    if (tree.getKind() != Tree.Kind.CONDITIONAL_AND && tree.getKind() != Tree.Kind.CONDITIONAL_OR) {
      return Description.NO_MATCH;
    }
    return match(tree, state);
  }

  @Override
  public Description matchCase(CaseTree tree, VisitorState state) {
    return match(tree, state);
  }

  private Description match(Tree holder, VisitorState state) {
    return withVerdicts(
        state,
        verdicts -> {
          Description first = Description.NO_MATCH;
          for (ReopenGuard guard : verdicts.reopenGuardRule().at(holder)) {
            Description.Builder builder =
                buildDescriptionAtStart(guard.establishment().reportTree(), state)
                    .setMessage(guard.admitsOtherStatuses() ? MESSAGE_ADMITTING_OTHER_STATUSES : MESSAGE);
            SuggestedFix fix = fixSafely(state, () -> excludeClientClose(guard, verdicts.callbackScope(), state));
            if (fix != null) {
              builder.addFix(fix);
            }
            if (first == Description.NO_MATCH) {
              first = builder.build();
            } else {
              state.reportMatch(builder.build());
            }
          }
          return first;
        });
  }

  /**
   * {@code && reason != CLIENT_CLOSE} on a guard that holds when its condition is true, {@code || reason ==
   * CLIENT_CLOSE} on an early exit, and {@code if (reason == CLIENT_CLOSE) break;} first in a case of a switch
   * statement; with the callback's own reason.
   */
  private static @Nullable SuggestedFix excludeClientClose(
      ReopenGuard guard, CallbackScope callbackScope, VisitorState state) {
    TreePath here = state.getPath();
    CallbackParameters parameters = callbackScope.parametersAround(here);
    String reason = parameters != null ? parameters.reasonExpression() : null;
    if (reason == null) {
      reason = callbackScope.parameterOfType(here, false);
    }
    if (reason == null) {
      return null;
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String clientClose =
        FixText.typeName(state, fix, IotHubSdk.REASON_FQN) + "." + IotHubSdk.CLIENT_CLOSE;
    PathFacts.Condition condition = guard.establishment().condition();
    if (condition != null) {
      boolean whenTrue = condition.value();
      Fixes.extendCondition(
          state, fix, condition.expression(), whenTrue,
          reason + (whenTrue ? " != " : " == ") + clientClose);
      return fix.build();
    }
    CaseTree caseTree = guard.establishment().switchCase().caseTree();
    if (!(here.getParentPath().getLeaf() instanceof SwitchTree)) {
      return null; // a switch expression has no statement to leave it with
    }
    String skip = "if (" + reason + " == " + clientClose + ") {\nbreak;\n}";
    if (caseTree.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
      List<? extends StatementTree> statements = caseTree.getStatements();
      if (statements.isEmpty()) {
        return null;
      }
      Fixes.insertBefore(state, fix, statements.get(0), caseTree, skip);
      return fix.build();
    }
    Tree body = caseTree.getBody();
    if (body instanceof BlockTree block) {
      Fixes.insertFirst(state, fix, block, skip);
      return fix.build();
    }
    // case DISCONNECTED -> executor.execute(this::reopen);  -- a block with the reason test around the statement
    return body instanceof ExpressionStatementTree
            && Fixes.wrapStatementInIf(
                state, fix, new TreePath(here, body), reason + " != " + clientClose, statement -> false)
        ? fix.build()
        : null;
  }
}
