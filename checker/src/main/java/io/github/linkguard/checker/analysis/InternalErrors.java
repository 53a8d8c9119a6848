package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * How an internal error (a stack overflow included) is contained and told. The caller decides what the error costs
 * (a fix, a check's finding at a node, the findings of a class: {@link LinkGuardContext}); this class makes sure the
 * compilation goes on and gets one note, for its first internal error: what stopped, in which class, what may be
 * missing, and where to report it. A crash in the plugin would break every user's build; a finding lost without a
 * word would let the bug it points at ship.
 *
 * <p>Tests rethrow instead (system property {@value #RETHROW_PROPERTY}, set by the build for its own tests), and can
 * make one step of the analysis fail on purpose ({@link #injectedFailure}) to show what a failure costs.
 */
final class InternalErrors {
  private static final String RETHROW_PROPERTY = "linkguard.rethrowInternalErrors";
  private static final Context.Key<Noted> NOTED_KEY = new Context.Key<>();

  /** The issue template for crashes: it asks for what a report of an internal error needs. */
  static final String REPORT_URL = "https://github.com/linkguard/linkguard/issues/new?template=crash.md";

  /** Marks a compilation that has its note about an internal error already. */
  private static final class Noted {}

  /** The steps of the analysis that a test can make fail. */
  enum Step {
    MODEL,
    QUERY,
    FIX
  }

  /** An internal error to throw at {@code step} in top-level class {@code className}, of {@code check} (null: any). */
  record InjectedFailure(Step step, String className, @Nullable CheckName check) {}

  /**
   * Tests only: the internal error to throw. Package-private and null in every build; no option, flag or property
   * sets it.
   */
  static volatile @Nullable InjectedFailure injectedFailure;

  private InternalErrors() {}

  /**
   * {@code work}'s result, or null when it fails with an internal error, which is noted: {@code stopped} says what
   * stopped and where (built only then: it walks the path), {@code missing} what the user does not get because of it.
   */
  static <T> @Nullable T contained(VisitorState state, Supplier<T> work, Supplier<String> stopped, String missing) {
    try {
      return work.get();
    } catch (RuntimeException | StackOverflowError e) {
      noted(state, e, stopped.get(), missing);
      return null;
    }
  }

  /**
   * Rethrows {@code e} in tests; in a user's build, notes it when it is the compilation's first internal error. The
   * findings stay warnings-only: a note never fails a build, even with {@code -Werror}. Like the options' messages,
   * the note is tied to no source file: it names the class, and the file javac happens to be on may be another one.
   */
  static void noted(VisitorState state, Throwable e, String stopped, String missing) {
    if (Boolean.getBoolean(RETHROW_PROPERTY)) {
      throw new IllegalStateException("LinkGuard internal error", e);
    }
    Context context = state.context;
    if (context.get(NOTED_KEY) != null) {
      return;
    }
    context.put(NOTED_KEY, new Noted());
    Log log = Log.instance(context);
    JavaFileObject previousSource = log.useSource(null);
    try {
      log.note(
          new JCDiagnostic.Note(
              "compiler",
              "proc.messager",
              "LinkGuard: an internal error (" + describe(e) + ") stopped " + stopped + "; " + missing
                  + ". Please report it at " + REPORT_URL + " with this note and, if you can, the code it names."
                  + " Later internal errors of this compilation get no note of their own."));
    } finally {
      log.useSource(previousSource);
    }
  }

  /** The error's type and the first frame in LinkGuard's code: what a report needs to find it. */
  private static String describe(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("io.github.linkguard.")) {
        return e.getClass().getSimpleName() + " at " + frame;
      }
    }
    return e.getClass().getSimpleName();
  }

  /** Throws the injected failure when it is for {@code step} of {@code check} at the node being matched. */
  static void throwIfInjected(Step step, CheckName check, VisitorState state) {
    InjectedFailure injected = injectedFailure;
    if (injected != null
        && injected.step() == step
        && (injected.check() == null || injected.check() == check)
        && injected.className().equals(className(state))) {
      throw new IllegalStateException("injected by a test: " + injected);
    }
  }

  /** Throws the injected failure when it is for the model of one of {@code classes}. */
  static void throwIfInjectedIntoModel(List<TreePath> classes) {
    InjectedFailure injected = injectedFailure;
    if (injected != null && injected.step() == Step.MODEL) {
      for (TreePath classPath : classes) {
        if (injected.className().equals(className(classPath))) {
          throw new IllegalStateException("injected by a test: " + injected);
        }
      }
    }
  }

  /** The top-level class around the node being matched, or the file when there is none. */
  static String className(VisitorState state) {
    TreePath path = state.getPath();
    if (path == null) {
      return "this compilation";
    }
    TreePath topLevel = VisibleClasses.topLevelClassPath(path);
    if (topLevel.getLeaf() instanceof ClassTree) {
      return className(topLevel);
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    return unit == null || unit.getSourceFile() == null ? "this compilation" : unit.getSourceFile().getName();
  }

  /** The names of {@code classes}, the first three of them when there are more. */
  static String classNames(List<TreePath> classes) {
    List<String> names = new ArrayList<>();
    for (TreePath classPath : classes.subList(0, Math.min(3, classes.size()))) {
      names.add(className(classPath));
    }
    return String.join(", ", names) + (classes.size() > 3 ? " and " + (classes.size() - 3) + " more classes" : "");
  }

  private static String className(TreePath classPath) {
    ClassTree classTree = (ClassTree) classPath.getLeaf();
    ClassSymbol symbol = ASTHelpers.getSymbol(classTree);
    return symbol != null ? symbol.getQualifiedName().toString() : classTree.getSimpleName().toString();
  }
}
