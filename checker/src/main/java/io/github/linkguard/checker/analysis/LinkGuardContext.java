package io.github.linkguard.checker.analysis;

import static io.github.linkguard.checker.analysis.InternalErrors.className;
import static io.github.linkguard.checker.analysis.InternalErrors.classNames;
import static io.github.linkguard.checker.analysis.InternalErrors.contained;
import static io.github.linkguard.checker.analysis.InternalErrors.noted;
import static io.github.linkguard.checker.analysis.InternalErrors.throwIfInjected;
import static io.github.linkguard.checker.analysis.InternalErrors.throwIfInjectedIntoModel;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import io.github.linkguard.checker.analysis.InternalErrors.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>An internal error (a stack overflow included) costs only what it must: a failed fix drops the fix (the finding
 * is reported without it), a failed query drops that check's finding at that node, a failed model drops the findings
 * of the classes it covers (when the compilation-wide model fails, every file is modelled on its own, as under other
 * compile policies, so only the files that fail by themselves lose theirs). The compilation goes on with one note:
 * see {@link InternalErrors}.
 */
public final class LinkGuardContext {
  private static final Context.Key<LinkGuardContext> KEY = new Context.Key<>();
  /** What a failed model costs: every check but the connection string's, which looks at single trees. */
  private static final String MODEL_FINDINGS_MISSING =
      "the findings there of every check but " + CheckName.CONNECTION_STRING_IN_CODE.userName() + " may be missing";

  private final LinkGuardOptions options;
  private final List<String> clientTypeNames;
  private @Nullable IotHubSdk sdk; // resolved once a unit can use a client: resolving loads the SDK's classes
  private boolean unitMayUseClients;
  private final EnabledChecks enabled;
  private @Nullable CompilationUnitTree currentUnit;
  private boolean wholeCompilationVisible;
  private boolean modelBuilt;
  private @Nullable Verdicts verdicts;
  private boolean sdkFailed;
  /** Set when the compilation-wide model failed: the model of each file on its own, absent where that failed too. */
  private @Nullable Map<CompilationUnitTree, @Nullable Verdicts> verdictsPerUnit;

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
        List<String> missing =
            contained(
                state, () -> OptionTargets.missing(state, options),
                () -> "looking up the classes and methods of the -XepOpt:IotHub: options",
                "warnings about those that this compilation cannot find may be missing");
        for (String message : missing == null ? List.<String>of() : missing) {
          log.warning(new JCDiagnostic.Warning("compiler", "proc.messager", "LinkGuard: " + message));
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
    LinkGuardContext instance = instance(state, options); // asked at every matched node: one lookup
    return options.problems().isEmpty() ? instance.verdictsFor(state, check) : null;
  }

  /**
   * The SDK's model when the compilation unit being matched may use a client, or null (the fast exits, or malformed
   * options): for checks that look at single trees and need no model of the code.
   */
  public static @Nullable IotHubSdk sdkIfUnitMayUseClients(VisitorState state, LinkGuardOptions options) {
    LinkGuardContext instance = instance(state, options);
    return options.problems().isEmpty() ? instance.sdkFor(state) : null;
  }

  private @Nullable IotHubSdk sdkFor(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != currentUnit) {
      currentUnit = unit;
      unitMayUseClients = anyClientTypeLookedUp(state);
      if (!wholeCompilationVisible) {
        modelBuilt = false; // each unit is its own world: the others are not attributed or already desugared
      }
      if (sdk != null && unitMayUseClients && !wholeCompilationVisible) {
        // byfile: what this unit's attribution loaded was not loaded when the SDK's view was set up (under
        // -XDcompilePolicy=simple every unit is attributed before the first is analysed: nothing to look up again)
        sdk.resolveMissingTypes();
      }
    }
    if (!unitMayUseClients || sdkFailed) {
      return null;
    }
    if (sdk == null) {
      sdk =
          contained(
              state, () -> new IotHubSdk(state, options), () -> "resolving the SDK's types",
              "every LinkGuard finding of this compilation may be missing");
      if (sdk == null) {
        sdkFailed = true;
        return null;
      }
      wholeCompilationVisible = VisibleClasses.seesWholeCompilation(state);
      modelBuilt = false;
    }
    return sdk.isPresent() ? sdk : null;
  }

  private @Nullable Verdicts verdictsFor(VisitorState state, CheckName check) {
    if (sdkFor(state) == null) {
      return null;
    }
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (!modelBuilt) {
      modelBuilt = true;
      verdicts = wholeCompilationVisible ? verdictsOfCompilation(state, check) : verdictsOfUnit(state, unit);
    }
    if (verdictsPerUnit == null) {
      return verdicts;
    }
    if (!verdictsPerUnit.containsKey(unit)) {
      verdictsPerUnit.put(unit, verdictsOfUnit(state, unit));
    }
    return verdictsPerUnit.get(unit);
  }

  /** The verdicts of one file's classes, or null when none can match or modelling them failed (then noted). */
  private @Nullable Verdicts verdictsOfUnit(VisitorState state, CompilationUnitTree unit) {
    List<TreePath> classes = VisibleClasses.ofUnit(unit);
    try {
      return verdictsOf(state, classes);
    } catch (RuntimeException | StackOverflowError e) {
      noted(state, e, "the analysis of " + classNames(classes), MODEL_FINDINGS_MISSING);
      return null;
    }
  }

  /**
   * The verdicts over every class of the compilation. When that model fails, each file is modelled on its own (as
   * under other compile policies), which keeps the findings of every file that does not fail by itself and tells
   * which ones do: those are what the note names.
   */
  private @Nullable Verdicts verdictsOfCompilation(VisitorState state, CheckName check) {
    List<TreePath> classes = List.of();
    try {
      classes = VisibleClasses.ofCompilation(state);
      return verdictsOf(state, classes);
    } catch (RuntimeException | StackOverflowError e) {
      Map<CompilationUnitTree, List<TreePath>> classesPerUnit = new LinkedHashMap<>();
      for (TreePath classPath : classes) {
        classesPerUnit.computeIfAbsent(classPath.getCompilationUnit(), unit -> new ArrayList<>()).add(classPath);
      }
      Map<CompilationUnitTree, @Nullable Verdicts> perUnit = new HashMap<>(); // null: nothing to report there
      List<TreePath> failed = new ArrayList<>();
      for (Map.Entry<CompilationUnitTree, List<TreePath>> unit : classesPerUnit.entrySet()) {
        Verdicts unitVerdicts = null;
        try {
          unitVerdicts = verdictsOf(state, unit.getValue());
        } catch (RuntimeException | StackOverflowError unitError) {
          failed.addAll(unit.getValue());
        }
        perUnit.put(unit.getKey(), unitVerdicts);
      }
      verdictsPerUnit = perUnit; // a unit missing here (the class list itself failed) is modelled when it is reached
      if (failed.isEmpty()) {
        noted(
            state, e,
            "the analysis across the files of this compilation (first needed by " + check.userName() + " in "
                + className(state) + ")",
            "each file was analysed on its own instead, so findings that involve more than one file may be missing");
      } else {
        noted(state, e, "the analysis of " + classNames(failed), MODEL_FINDINGS_MISSING);
      }
      return null;
    }
  }

  /** The verdicts over {@code classes}, or null when none of them can produce a finding. */
  private @Nullable Verdicts verdictsOf(VisitorState state, List<TreePath> classes) {
    if (!anyMayMatch(classes)) {
      return null;
    }
    throwIfInjectedIntoModel(classes);
    return new Verdicts(CompilationModel.build(sdk, state, classes), enabled);
  }

  /**
   * Whether any of {@code classes} may match. The classes of files that import the device SDK are asked first: in a
   * large compilation that uses the SDK in a few files, one of them matches and the pass stops there instead of
   * reading every other file first.
   */
  private boolean anyMayMatch(List<TreePath> classes) {
    List<TreePath> importingNothingOfTheSdk = new ArrayList<>();
    for (TreePath classPath : classes) {
      if (!importsTheDeviceSdk(classPath.getCompilationUnit())) {
        importingNothingOfTheSdk.add(classPath);
      } else if (mayMatch((ClassTree) classPath.getLeaf())) {
        return true;
      }
    }
    for (TreePath classPath : importingNothingOfTheSdk) {
      if (mayMatch((ClassTree) classPath.getLeaf())) {
        return true;
      }
    }
    return false;
  }

  private static boolean importsTheDeviceSdk(CompilationUnitTree unit) {
    for (ImportTree imported : unit.getImports()) {
      if (imported.getQualifiedIdentifier().toString().startsWith(IotHubSdk.DEVICE_PACKAGE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs a query of {@code check} at the node being matched, containing internal errors: a failing query gives no
   * result (no finding there), and the compilation one note.
   */
  public static <T> @Nullable T safely(VisitorState state, CheckName check, Supplier<T> query) {
    return contained(
        state,
        () -> {
          throwIfInjected(Step.QUERY, check, state);
          return query.get();
        },
        () -> check.userName() + " in " + className(state),
        "its findings there may be missing");
  }

  /**
   * The fix {@code build} makes, or null when there is none or building it failed: a failed fix drops the fix, never
   * the finding (the caller reports it without one), and the compilation gets one note.
   */
  public static @Nullable SuggestedFix fixSafely(
      VisitorState state, CheckName check, Supplier<@Nullable SuggestedFix> build) {
    return contained(
        state,
        () -> {
          throwIfInjected(Step.FIX, check, state);
          return build.get();
        },
        () -> "building the fix of " + check.userName() + " in " + className(state),
        "the finding is reported without its fix");
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
   * client, also as a method reference {@code DeviceClient::close}) or a client creation, so a class without one needs
   * no model. One pass over its calls, constructor invocations and method references, stopping at the first match;
   * the method name is compared before any type is looked at.
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

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        // Optional.ofNullable(client).ifPresent(DeviceClient::close): a close with no call tree of its own
        found[0] |= ConnectionOp.isClientCloseReference(tree, sdk::isClientType);
        return super.visitMemberReference(tree, null);
      }
    }.scan(classTree, null);
    return found[0];
  }
}
