package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import org.jspecify.annotations.Nullable;

/**
 * Where the path to a finding starts, when that is in another top-level class than the finding: the status callback
 * or the retry a message names so that the reader can find it. Cost: lookups in the memoized reach of {@link
 * CompilationModel} and {@link ReentryFacts}, and a walk up the tree of the origin.
 */
final class Origins {
  private final CompilationModel model;
  private final ReentryFacts reentry;

  Origins(CompilationModel model, ReentryFacts reentry) {
    this.model = model;
    this.reentry = reentry;
  }

  /**
   * Where a path to a call in {@code body} starts, when that is a status callback in another top-level class than
   * the call: "the status callback in StatusWatcher.onStatusChanged", for the message; else null.
   * {@code synchronous}: follow only synchronous calls (the callback thread), else hand-offs too.
   */
  @Nullable String statusCallbackOrigin(Body body, boolean synchronous) {
    Body origin = synchronous ? model.statusOrigin(body) : reentry.unguardedFromStatusCallback().get(body);
    if (origin == null || origin == body || sameTopLevelClass(origin, body)) {
      return null;
    }
    return "the status callback in " + describe(origin);
  }

  /**
   * Where the retry of {@code open} is, when it is in another top-level class than the open(): "LegacyBase.connect",
   * for the message; else null.
   */
  @Nullable String retryOrigin(ConnectionCall open, RetryConstruct construct) {
    Body retry = model.bodyAt(construct.anchor());
    return retry == null || sameTopLevelClass(retry, open.body()) ? null : describe(retry);
  }

  private static boolean sameTopLevelClass(Body a, Body b) {
    return a.path().getCompilationUnit() == b.path().getCompilationUnit()
        && VisibleClasses.topLevelClassPath(a.path()).getLeaf()
            == VisibleClasses.topLevelClassPath(b.path()).getLeaf();
  }

  /** {@code Class.method} of a body (a lambda: of the method it is written in). */
  private static String describe(Body body) {
    for (TreePath current = body.path(); current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol != null) {
          String owner = symbol.owner.getSimpleName().toString();
          ClassSymbol topLevel = VisibleClasses.topLevelClass(symbol);
          if (owner.isEmpty() && topLevel != null) {
            owner = topLevel.getSimpleName().toString();
          }
          return owner + "." + symbol.getSimpleName();
        }
      }
    }
    return body.toString();
  }
}
