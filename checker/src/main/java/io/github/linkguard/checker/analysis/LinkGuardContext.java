package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;

/**
 * Per-compilation state shared by the checks, kept in javac's {@link Context}: the resolved SDK types, and one
 * {@link Verdicts} over every class the analysis can see (the whole compilation under {@code
 * -XDcompilePolicy=simple}, else the unit being analysed: see {@link VisibleClasses}).
 *
 * <p>This is where the fast exits are. A compilation unit is analysed only when javac has looked up a client type
 * by then (a symbol-table lookup per unit, without side effects): code that never touches the SDK costs one lookup
 * per unit and one more per matched node. The first unit that can use a client builds the model, once; before that,
 * a cheap scan for a connection call or a client creation: a compilation without one gets no call graph, nothing.
 *
 * <p>An internal error (a stack overflow included) is contained: javac goes on, and the compilation gets one note
 * naming the class and the check whose findings may be missing, and where to report it. A crash in the plugin
 * would break every user's build; a finding lost without a word would let the bug it points at ship.
 */
public final class LinkGuardContext {
  private static final Context.Key<LinkGuardContext> KEY = new Context.Key<>();
  private static final String RETHROW_PROPERTY = "linkguard.rethrowInternalErrors";
  private static final Context.Key<InternalErrorNoted> NOTED_KEY = new Context.Key<>();
  static final String ISSUES = "https://github.com/linkguard/linkguard/issues";

  /** Marks a compilation that has its note about an internal error already. */
  private static final class InternalErrorNoted {}

  private final LinkGuardOptions options;
  private final List<String> clientTypeNames;
  private @Nullable IotHubSdk sdk; // resolved once a unit can use a client: resolving loads the SDK's classes
  private boolean unitMayUseClients;
  private final EnabledChecks enabled;
  private @Nullable CompilationUnitTree currentUnit;
  private boolean wholeCompilationVisible;
  private boolean modelBuilt;
  private @Nullable Verdicts verdicts;

  private LinkGuardContext(LinkGuardOptions options) {
    this.options = options;
    this.clientTypeNames = IotHubSdk.clientTypeBinaryNames(options);
    this.enabled = new EnabledChecks();
  }

  private static LinkGuardContext instance(VisitorState state, LinkGuardOptions options) {
    Context context = state.context;
    LinkGuardContext instance = context.get(KEY);
    if (instance == null) {
      instance = new LinkGuardContext(options);
      context.put(KEY, instance);
      reportOptions(state, options);
    }
    return instance;
  }

  /**
   * Called by every check when a compilation unit starts: registers the check as running. The first call of the
   * compilation reports the options' problems.
   */
  public static void startUnit(VisitorState state, LinkGuardOptions options, CheckName check) {
    if (checkOptions(state, options)) {
      instance(state, options).enabled.register(check);
    }
  }

  /** Returns whether the options are usable (malformed ones were reported when the compilation started). */
  private static boolean checkOptions(VisitorState state, LinkGuardOptions options) {
    instance(state, options);
    return options.problems().isEmpty();
  }

  /**
   * Once per compilation, and tied to no source file (they are about the build, not about the file javac happens to
   * be on): malformed options and unknown keys as errors, configured classes and methods that this compilation
   * cannot find as warnings, since they may exist in another module of the same build.
   */
  private static void reportOptions(VisitorState state, LinkGuardOptions options) {
    Log log = Log.instance(state.context);
    JavaFileObject previousSource = log.useSource(null);
    try {
      for (String problem : options.problems()) {
        log.error(new JCDiagnostic.Error("compiler", "proc.messager", "LinkGuard: " + problem));
      }
      if (options.problems().isEmpty()) {
        for (String missing : OptionTargets.missing(state, options)) {
          log.warning(new JCDiagnostic.Warning("compiler", "proc.messager", "LinkGuard: " + missing));
        }
      }
    } finally {
      log.useSource(previousSource);
    }
  }

  /**
   * The verdicts for the top-level class around the node being matched, or null when nothing there can involve a
   * client (the fast exits), the options are malformed, or the class could not be analysed.
   */
  public static @Nullable Verdicts verdicts(VisitorState state, LinkGuardOptions options, CheckName check) {
    if (!checkOptions(state, options)) {
      return null;
    }
    return instance(state, options).verdictsFor(state, check);
  }

  /**
   * The SDK's model when the compilation unit being matched may use a client, or null (the fast exits, or malformed
   * options): for checks that look at single trees and need no model of the code.
   */
  public static @Nullable IotHubSdk sdkIfUnitMayUseClients(VisitorState state, LinkGuardOptions options) {
    if (!checkOptions(state, options)) {
      return null;
    }
    return instance(state, options).sdkFor(state);
  }

  private @Nullable IotHubSdk sdkFor(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != currentUnit) {
      currentUnit = unit;
      unitMayUseClients = anyClientTypeLookedUp(state);
      if (!wholeCompilationVisible) {
        modelBuilt = false; // each unit is its own world: the others are not attributed or already desugared
      }
    }
    if (!unitMayUseClients) {
      return null;
    }
    if (sdk == null) {
      sdk = new IotHubSdk(state, options);
      wholeCompilationVisible = VisibleClasses.seesWholeCompilation(state);
      modelBuilt = false;
    }
    return sdk.isPresent() ? sdk : null;
  }

  private @Nullable Verdicts verdictsFor(VisitorState state, CheckName check) {
    if (sdkFor(state) == null) {
      return null;
    }
    if (!modelBuilt) {
      modelBuilt = true;
      verdicts = null;
      try {
        List<TreePath> classes =
            wholeCompilationVisible
                ? VisibleClasses.ofCompilation(state)
                : VisibleClasses.ofUnit(state.getPath().getCompilationUnit());
        if (anyMayMatch(classes)) {
          verdicts = new Verdicts(new ClassModel(sdk, state, classes), enabled);
        }
      } catch (RuntimeException | StackOverflowError e) {
        internalError(state, check, e);
      }
    }
    return verdicts;
  }

  private boolean anyMayMatch(List<TreePath> classes) {
    for (TreePath classPath : classes) {
      if (mayMatch((ClassTree) classPath.getLeaf())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs a query of {@code check} at the node being matched, containing internal errors: a failing query gives no
   * result (no finding, or no fix when the query builds a fix), and the compilation one note.
   */
  public static <T> @Nullable T safely(VisitorState state, CheckName check, Supplier<T> query) {
    try {
      return query.get();
    } catch (RuntimeException | StackOverflowError e) {
      internalError(state, check, e);
      return null;
    }
  }

  /**
   * Tests rethrow (system property {@value #RETHROW_PROPERTY}); a user's build gets one note per compilation, for
   * the first error: which class, which check, and where to report it. The findings stay warnings-only: a note never
   * fails a build, even with {@code -Werror}.
   */
  private static void internalError(VisitorState state, CheckName check, Throwable e) {
    if (Boolean.getBoolean(RETHROW_PROPERTY)) {
      throw new IllegalStateException("LinkGuard internal error", e);
    }
    Context context = state.context;
    if (context.get(NOTED_KEY) != null) {
      return;
    }
    context.put(NOTED_KEY, new InternalErrorNoted());
    Log.instance(context)
        .note(
            new JCDiagnostic.Note(
                "compiler",
                "proc.messager",
                "LinkGuard: an internal error (" + e.getClass().getSimpleName() + ") stopped " + check.userName()
                    + " in " + className(state) + "; its findings there may be missing. Please report it at "
                    + ISSUES + " with this note and, if you can, the class."));
  }

  /** The top-level class around the node being matched, or the file when there is none. */
  private static String className(VisitorState state) {
    TreePath path = state.getPath();
    String name = null;
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof ClassTree classTree && ASTHelpers.getSymbol(classTree) != null) {
        name = ASTHelpers.getSymbol(classTree).getQualifiedName().toString();
      }
    }
    if (name != null) {
      return name;
    }
    CompilationUnitTree unit = path == null ? null : path.getCompilationUnit();
    return unit == null || unit.getSourceFile() == null ? "this compilation" : unit.getSourceFile().getName();
  }

  /**
   * Whether any client type has been looked up in this compilation so far. javac enters a class into its symbol
   * table only when code names it or a class it loads extends it (a DeviceClient brings InternalClient), and every
   * unit is attributed before Error Prone analyses it: so when no client type is there yet, the unit being analysed
   * cannot use a client. The lookup has no side effect (it neither loads nor enters a class).
   */
  private boolean anyClientTypeLookedUp(VisitorState state) {
    Symtab symtab = state.getSymtab();
    for (String name : clientTypeNames) {
      if (symtab.getClassesForName(state.getName(name)).iterator().hasNext()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the class can produce any finding: every check starts from a connection call (open, close, closeNow on a
   * client) or a client creation, so a class without one needs no model. One pass over its calls and constructor
   * invocations, stopping at the first match; the method name is compared before any type is looked at.
   */
  private boolean mayMatch(ClassTree classTree) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] ? null : super.scan(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        found[0] |= sdk.connectionOp(tree) != null || sdk.isClientCreation(tree);
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        found[0] |= sdk.isClientCreation(tree);
        return super.visitNewClass(tree, null);
      }
    }.scan(classTree, null);
    return found[0];
  }
}
