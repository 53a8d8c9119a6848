package io.github.linkguard.checker;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import io.github.linkguard.checker.analysis.CheckName;
import io.github.linkguard.checker.analysis.IotHubSdk;
import io.github.linkguard.checker.analysis.LinkGuardContext;
import io.github.linkguard.checker.analysis.LinkGuardOptions;
import io.github.linkguard.checker.analysis.Verdicts;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the checks share: their {@code -XepOpt:IotHub:*} options, registering as running at the start of each
 * compilation unit (which also reports malformed options), and asking the shared analysis for a verdict without
 * ever letting an internal error escape into javac.
 */
abstract class LinkGuardCheck extends BugChecker implements CompilationUnitTreeMatcher {
  private volatile LinkGuardOptions options;
  private volatile boolean optionsReadFromCompilation;
  private final CheckName name;

  LinkGuardCheck(ErrorProneFlags flags, CheckName name) {
    this.options = LinkGuardOptions.from(flags);
    this.name = name;
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    if (!optionsReadFromCompilation) {
      options = LinkGuardOptions.of(state);
      optionsReadFromCompilation = true;
    }
    LinkGuardContext.startUnit(state, options, name);
    return Description.NO_MATCH;
  }

  /**
   * A description reported where {@code tree} starts. javac places a binary expression at its operator, so a condition
   * or a concatenated argument written over several lines would be reported on the line of its last operator; a reader
   * looks for it (and marks it) where it begins. The whole tree is still the highlighted range. The positions are
   * read now: a diagnostic's line may be asked for after javac has lowered the tree (a pattern match rewritten).
   */
  final Description.Builder buildDescriptionAtStart(Tree tree, VisitorState state) {
    JCTree node = (JCTree) tree;
    return buildDescription(new StartOf(node, TreeInfo.getStartPos(node), state.getEndPosition(node)));
  }

  /** A tree's position with its start as the preferred position, both fixed when the finding is made. */
  private record StartOf(JCTree tree, int start, int end) implements DiagnosticPosition {
    @Override
    public JCTree getTree() {
      return tree;
    }

    @Override
    public int getStartPosition() {
      return start;
    }

    @Override
    public int getPreferredPosition() {
      return start;
    }

    @Override
    public int getEndPosition(EndPosTable endPositions) {
      return end;
    }
  }

  /** The SDK's model, or null when the compilation unit cannot involve a client (the fast exits). */
  final @Nullable IotHubSdk sdkIfUnitMayUseClients(VisitorState state) {
    return LinkGuardContext.sdkIfUnitMayUseClients(state, options);
  }

  /**
   * The description {@code query} builds from the verdicts of the class around the node, or NO_MATCH when the class
   * cannot involve a client (the fast exits) or the analysis failed.
   */
  final Description withVerdicts(VisitorState state, Function<Verdicts, Description> query) {
    Verdicts verdicts = LinkGuardContext.verdicts(state, options, name);
    if (verdicts == null) {
      return Description.NO_MATCH;
    }
    Description description = LinkGuardContext.safely(state, name, () -> query.apply(verdicts));
    return description == null ? Description.NO_MATCH : description;
  }

  /** Runs {@code query} of this check, containing internal errors (see {@link LinkGuardContext#safely}). */
  final <T> @Nullable T safely(VisitorState state, Supplier<T> query) {
    return LinkGuardContext.safely(state, name, query);
  }

  /**
   * The fix {@code build} makes, or null when there is none or building it failed: a failed fix drops the fix, never
   * the finding.
   */
  final @Nullable SuggestedFix fixSafely(VisitorState state, Supplier<@Nullable SuggestedFix> build) {
    return LinkGuardContext.fixSafely(state, name, build);
  }
}
