package io.github.linkguard.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import io.github.linkguard.checker.analysis.CheckName;
import io.github.linkguard.checker.analysis.DocLinks;
import io.github.linkguard.checker.analysis.Fixes;
import io.github.linkguard.checker.analysis.ReplacementRule.Replacement;
import io.github.linkguard.checker.analysis.Verdicts;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * Check 4: a second live client for one device identity: a new client assigned or {@code put} over one that may
 * still be open, a local client that shadows the client field, or a per-call client that is never closed.
 *
 * <p>The decision is {@code analysis.ReplacementRule}; this class words the finding and builds the fix.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A second live client for one device identity: the old link stays open beside the new one and IoT Hub"
            + " drops one of them with 409002 LinkCreationConflict",
    severity = WARNING,
    linkType = CUSTOM,
    link = DocLinks.CHECKS + "IotHubClientReplacedWithoutClose.md")
public final class IotHubClientReplacedWithoutClose extends LinkGuardCheck
    implements AssignmentTreeMatcher, VariableTreeMatcher, MethodInvocationTreeMatcher {

  private static final String RISK =
      " while the old one may still be open (CONNECTED or DISCONNECTED_RETRYING): two links for one device"
          + " identity make IoT Hub drop one with 409002 LinkCreationConflict.";

  public IotHubClientReplacedWithoutClose() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  IotHubClientReplacedWithoutClose(ErrorProneFlags flags) {
    super(flags, CheckName.CLIENT_REPLACED_WITHOUT_CLOSE);
  }

  @Override
  public Description matchAssignment(AssignmentTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return match(tree, state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    int arguments = tree.getArguments().size();
    if (arguments != 2 && arguments != 3) {
      return Description.NO_MATCH; // put, replace, compute, computeIfPresent and merge take two or three
    }
    return match(tree, state);
  }

  private Description match(Tree tree, VisitorState state) {
    return withVerdicts(
        state,
        verdicts -> {
          Replacement replacement = verdicts.replacementRule().at(tree);
          return replacement == null ? Description.NO_MATCH : describe(replacement, verdicts, state);
        });
  }

  private Description describe(Replacement replacement, Verdicts verdicts, VisitorState state) {
    Tree tree = replacement.path().getLeaf();
    return switch (replacement.kind()) {
      case ASSIGNED_OVER_OPEN_CLIENT -> {
        String target = state.getSourceForNode(replacement.target());
        Description.Builder description =
            buildDescription(tree)
                .setMessage(
                    "A new client replaces '" + target + "'" + RISK + " Close the previous client before"
                        + " replacing it.");
        SuggestedFix fix = fixSafely(state, () -> closePrevious(replacement, verdicts, state));
        if (fix != null) {
          description.addFix(fix);
        }
        yield description.build();
      }
      case PUT_OVER_OPEN_CLIENT -> {
        MethodInvocationTree put = (MethodInvocationTree) tree;
        String method = ASTHelpers.getSymbol(put).getSimpleName() + "()";
        String advice =
            switch (verdicts.replacementRule().storeKindOf(put)) {
              case PUT, REPLACE ->
                  " Close the value " + method + " returns, or remove() and close the old client first.";
              case CONDITIONAL_REPLACE -> " Close the old client (get() or remove() it) first.";
              case COMPUTE, MERGE ->
                  " Close the old client the function is given before it returns the new one, or remove() and"
                      + " close it first.";
            };
        String multiplexed =
            verdicts.replacementRule().registersOnAMultiplexingClientAround(replacement.path())
                ? " A client registered on a MultiplexingClient is closed with unregisterDeviceClient(), as its own"
                    + " close() throws."
                : "";
        yield buildDescription(tree)
            .setMessage(
                method + " stores a new client over the one already in the map" + RISK + advice + multiplexed)
            .build();
      }
      case SHADOWS_CLIENT_FIELD ->
          buildDescription(tree)
              .setMessage(
                  "This local client hides the client field '" + replacement.field().getSimpleName() + "'"
                      + inheritedFrom(replacement.field(), state)
                      + ": the field's client is never closed or replaced and stays connected beside this one"
                      + " (409002 LinkCreationConflict). Assign the field instead of declaring a local.")
              .build();
      case LOCAL_CLIENT_NOT_CLOSED ->
          buildDescription(tree)
              .setMessage(
                  "A new client is created and opened here each time this code runs, and is not closed on every"
                      + " path: every run leaves another live link for the same device identity (409002"
                      + " LinkCreationConflict). Close it in a finally block, or keep one long-lived client.")
              .build();
    };
  }

  /** {@code if (x != null) { x.close(); }} before the assignment, unless that would run on the callback thread. */
  private static @Nullable SuggestedFix closePrevious(
      Replacement replacement, Verdicts verdicts, VisitorState state) {
    TreePath statement = replacement.path().getParentPath();
    if (!(statement.getLeaf() instanceof ExpressionStatementTree) || replacement.target() == null) {
      return null;
    }
    var body = verdicts.bodyAt(replacement.path());
    if (body == null || verdicts.callbackScope().isInStatusCallback(body)) {
      return null;
    }
    Type clientType = ASTHelpers.getType(replacement.target());
    if (clientType == null) {
      return null;
    }
    String target = state.getSourceForNode(replacement.target());
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String close =
        Fixes.closeStatement(state, fix, target, clientType, statement, "the old link is being replaced anyway");
    return Fixes.insertBefore(state, fix, statement, "if (" + target + " != null) {\n" + close + "\n}")
        ? fix.build()
        : null;
  }

  /** " (inherited from Base)" when no class around the finding declares the field it hides, else nothing. */
  private static String inheritedFrom(Symbol field, VisitorState state) {
    for (Tree enclosing : state.getPath()) {
      if (enclosing instanceof ClassTree classTree && field.owner.equals(ASTHelpers.getSymbol(classTree))) {
        return "";
      }
    }
    return " (inherited from " + field.owner.getSimpleName() + ")";
  }
}
