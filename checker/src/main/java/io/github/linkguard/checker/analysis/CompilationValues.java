package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.RecordComponent;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.CompileStates;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Where the values of variables, parameters and methods come from, across the compilation: every assignment to a
 * field or local, every argument passed to a method of the compilation, every method body. Kept in javac's {@link
 * Context}; each top-level class is indexed at most once, by one scan, and only when a question needs it: a local
 * variable or private member needs its own class, anything else every class javac has attributed and not yet lowered.
 *
 * <p>A question this index cannot answer for sure gets null, never a guess: a class javac has not attributed yet or
 * has already lowered (any compile policy but {@code simple}) makes every member another class could touch opaque, a
 * compound assignment makes a variable opaque, and a method reference makes the call sites of its method unknown.
 */
final class CompilationValues {
  private static final Context.Key<CompilationValues> KEY = new Context.Key<>();

  private final Types types;
  private final Enter enter;
  private final CompileStates compileStates;
  private final Set<ClassSymbol> analysableTopLevels = new HashSet<>();
  private boolean wholeCompilationAnalysable = true;
  /** Whether every class javac had attributed and not lowered has been indexed (see {@link #indexWholeCompilation}). */
  private boolean wholeCompilationIndexed;
  private final Map<Symbol, List<ExpressionTree>> assignedValues = new HashMap<>();
  private final Set<Symbol> opaque = new HashSet<>();
  private final Map<MethodSymbol, List<List<? extends ExpressionTree>>> callSites = new HashMap<>();
  private final Map<MethodSymbol, MethodTree> methods = new HashMap<>();
  private final Map<Name, List<MethodSymbol>> methodsByName = new HashMap<>();
  private final Map<Symbol, Boolean> ownersWithSource = new HashMap<>();

  private CompilationValues(VisitorState state) {
    this.types = state.getTypes();
    this.enter = Enter.instance(state.context);
    this.compileStates = CompileStates.instance(state.context);
    if (!VisibleClasses.seesWholeCompilation(state)) {
      // Under the other policies a class is lowered soon after it is analysed: what can be read is read now.
      indexWholeCompilation();
    }
  }

  /**
   * Indexes every class javac has attributed and not lowered, once. Under the simple compile policy no class is
   * lowered before Error Prone is done with the last, so this waits for the first question that needs more than one
   * class's code (a field or method other classes can use): most questions are about a local variable, which its
   * own class answers.
   */
  private void indexWholeCompilation() {
    if (wholeCompilationIndexed) {
      return;
    }
    wholeCompilationIndexed = true;
    for (Env<AttrContext> env : enter.getEnvs()) {
      ClassSymbol symbol = env.tree instanceof ClassTree classTree ? ASTHelpers.getSymbol(classTree) : null;
      if (symbol != null && symbol.owner instanceof PackageSymbol && !indexIfAnalysable(symbol, env)) {
        wholeCompilationAnalysable = false;
      }
    }
  }

  /**
   * Indexes a top-level class when javac has attributed it and not yet lowered it. Under the simple compile policy
   * every class is analysable from the start; under the others, a class attributed later is indexed on first use.
   */
  private boolean indexIfAnalysable(ClassSymbol topLevel, @Nullable Env<AttrContext> env) {
    if (analysableTopLevels.contains(topLevel)) {
      return true;
    }
    if (env == null
        || !(env.tree instanceof ClassTree classTree)
        || !VisibleClasses.isAttributedNotLowered(compileStates, env)) {
      return false;
    }
    analysableTopLevels.add(topLevel);
    new Indexer().scan(classTree, null);
    return true;
  }

  static CompilationValues instance(VisitorState state) {
    CompilationValues instance = state.context.get(KEY);
    if (instance == null) {
      instance = new CompilationValues(state);
      state.context.put(KEY, instance);
    }
    return instance;
  }

  /** Whether the symbol's source is part of this compilation (a class file's members never are). */
  static boolean isInCompilation(Symbol symbol, VisitorState state) {
    return hasSource(symbol, Enter.instance(state.context));
  }

  private static boolean hasSource(Symbol symbol, Enter enter) {
    ClassSymbol topLevel = VisibleClasses.topLevelClass(symbol);
    return topLevel != null && enter.getEnv(topLevel) != null;
  }

  /**
   * Every value assigned to a field or local variable (its initializer included), or the argument of every call to
   * the method whose parameter it is; null when that cannot be known. An empty list means none was seen.
   */
  @Nullable List<ExpressionTree> valuesOf(VarSymbol variable) {
    ElementKind kind = variable.getKind();
    if (kind == ElementKind.FIELD || kind == ElementKind.LOCAL_VARIABLE) {
      if (!canSeeEveryUse(variable) || opaque.contains(variable)) {
        return null;
      }
      List<ExpressionTree> assigned = assignedValues.getOrDefault(variable, List.of());
      VarSymbol parameter = assigned.isEmpty() ? canonicalParameterStoredIn(variable) : null;
      return parameter != null ? valuesOf(parameter) : assigned;
    }
    if (kind == ElementKind.PARAMETER && variable.owner instanceof MethodSymbol method) {
      List<ExpressionTree> arguments = argumentsFor(method, method.getParameters().indexOf(variable));
      List<ExpressionTree> reassigned = assignedValues.get(variable);
      if (arguments == null || reassigned == null) {
        return arguments;
      }
      List<ExpressionTree> values = new ArrayList<>(arguments); // what the method itself stores there, besides
      values.addAll(reassigned);
      return values;
    }
    return null; // lambda, catch, resource and pattern variables
  }

  /**
   * The field a record component's accessor returns, when the record does not declare the accessor itself (javac
   * writes it, and it has no tree here); else null.
   */
  private static @Nullable VarSymbol fieldOfAccessorJavacWrites(MethodSymbol method) {
    if (!(method.owner instanceof ClassSymbol record)
        || !record.isRecord()
        || !method.getParameters().isEmpty()
        || (method.flags() & Flags.GENERATED_MEMBER) == 0) {
      return null;
    }
    for (Symbol member : record.members().getSymbolsByName(method.getSimpleName())) {
      if (member instanceof VarSymbol field && !field.isStatic() && (field.flags() & Flags.RECORD) != 0) {
        return field;
      }
    }
    return null;
  }

  /**
   * For a record component's field that no code of the compilation assigns: the parameter of the canonical
   * constructor (javac marks it {@code RECORD}) that javac's own code stores in it (an implicit or compact
   * constructor); else null.
   */
  private static @Nullable VarSymbol canonicalParameterStoredIn(VarSymbol field) {
    if (field.isStatic() || !(field.owner instanceof ClassSymbol record) || !record.isRecord()) {
      return null;
    }
    int index = 0;
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getSimpleName() == field.getSimpleName()) {
        break;
      }
      index++;
    }
    for (Symbol member : record.members().getSymbolsByName(record.name.table.names.init)) {
      if (member instanceof MethodSymbol constructor
          && (constructor.flags() & Flags.RECORD) != 0
          && index < constructor.getParameters().size()) {
        return constructor.getParameters().get(index);
      }
    }
    return null;
  }

  private @Nullable List<ExpressionTree> argumentsFor(MethodSymbol method, int index) {
    if (index < 0
        || (method.isVarArgs() && index == method.getParameters().size() - 1)
        || !canSeeEveryUse(method)
        || opaque.contains(method)
        || !ASTHelpers.findSuperMethods(method, types).isEmpty()) { // also called through the methods it overrides
      return null;
    }
    List<ExpressionTree> arguments = new ArrayList<>();
    for (List<? extends ExpressionTree> call : callSites.getOrDefault(method, List.of())) {
      arguments.add(call.get(index));
    }
    return arguments;
  }

  /**
   * The expression of every {@code return} of the method and of its overrides in the compilation; null when one of
   * them has no body here (abstract, or not in the compilation).
   */
  @Nullable List<ExpressionTree> returnsOf(MethodSymbol method) {
    ClassSymbol topLevel = VisibleClasses.topLevelClass(method);
    if (topLevel != null) {
      indexIfAnalysable(topLevel, enter.getEnv(topLevel));
    }
    if (canBeOverridden(method)) {
      indexWholeCompilation(); // its overrides may be in any class
    }
    MethodTree tree = methods.get(method);
    VarSymbol accessed = tree == null ? fieldOfAccessorJavacWrites(method) : null;
    if (accessed != null) {
      // record Config(String connectionString) {}: config.connectionString() returns what the field holds
      return valuesOf(accessed);
    }
    if (tree == null || tree.getBody() == null || (canBeOverridden(method) && !wholeCompilationAnalysable)) {
      return null;
    }
    List<ExpressionTree> returned = new ArrayList<>();
    addReturns(tree, returned);
    if (canBeOverridden(method)) {
      for (MethodSymbol candidate : methodsByName.getOrDefault(method.getSimpleName(), List.of())) {
        MethodTree override = methods.get(candidate);
        if (candidate != method
            && override.getBody() != null // an abstract redeclaration returns nothing itself
            && candidate.overrides(method, (ClassSymbol) candidate.owner, types, true)) {
          addReturns(override, returned);
        }
      }
    }
    return returned;
  }

  private static boolean canBeOverridden(MethodSymbol method) {
    return (method.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) == 0
        && !method.isConstructor()
        && (method.owner.flags() & Flags.FINAL) == 0;
  }

  private static void addReturns(MethodTree method, List<ExpressionTree> into) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        if (tree.getExpression() != null) {
          into.add(tree.getExpression());
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null; // its returns are the lambda's
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null; // its returns are its own methods'
      }
    }.scan(method.getBody(), null);
  }

  /**
   * Whether every place that can assign, call or override the symbol has been indexed: its own top-level class for a
   * local or a private member, the whole compilation otherwise.
   */
  private boolean canSeeEveryUse(Symbol symbol) {
    ClassSymbol topLevel = VisibleClasses.topLevelClass(symbol);
    if (topLevel == null || !indexIfAnalysable(topLevel, enter.getEnv(topLevel))) {
      return false;
    }
    boolean onlyItsClassCanUseIt =
        symbol.getKind() == ElementKind.LOCAL_VARIABLE || (symbol.flags() & Flags.PRIVATE) != 0;
    if (onlyItsClassCanUseIt) {
      return true;
    }
    indexWholeCompilation();
    return wholeCompilationAnalysable;
  }

  /** One pass over an attributed class: what flows into every variable and parameter. */
  private final class Indexer extends TreeScanner<Void, Void> {
    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
      if (tree.getInitializer() != null) {
        record(ASTHelpers.getSymbol(tree), tree.getInitializer());
      }
      return super.visitVariable(tree, null);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      record(ASTHelpers.getSymbol(tree.getVariable()), tree.getExpression());
      return super.visitAssignment(tree, null);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
      Symbol variable = ASTHelpers.getSymbol(tree.getVariable());
      if (variable != null) {
        opaque.add(variable);
      }
      return super.visitCompoundAssignment(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      recordCall(ASTHelpers.getSymbol(tree), tree.getArguments());
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      recordCall(ASTHelpers.getSymbol(tree), tree.getArguments());
      return super.visitNewClass(tree, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      Symbol method = ASTHelpers.getSymbol(tree);
      if (method != null) {
        opaque.add(method); // called with arguments nobody here writes
      }
      return super.visitMemberReference(tree, null);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      MethodSymbol method = ASTHelpers.getSymbol(tree);
      if (method != null) {
        methods.put(method, tree);
        methodsByName.computeIfAbsent(method.getSimpleName(), name -> new ArrayList<>()).add(method);
      }
      return super.visitMethod(tree, null);
    }

    private void record(@Nullable Symbol variable, ExpressionTree value) {
      if (variable instanceof VarSymbol) {
        assignedValues.computeIfAbsent(variable, symbol -> new ArrayList<>()).add(value);
      }
    }

    private void recordCall(@Nullable Symbol symbol, List<? extends ExpressionTree> arguments) {
      if (symbol instanceof MethodSymbol method && hasSourceHere(method.owner)) {
        callSites.computeIfAbsent(method, unused -> new ArrayList<>()).add(arguments);
      }
    }

    /**
     * Whether a class's source is in this compilation: only such methods' arguments are ever asked for ({@link
     * CompilationValues#argumentsFor}), and most calls are of library methods. Memoized per class.
     */
    private boolean hasSourceHere(Symbol owner) {
      return ownersWithSource.computeIfAbsent(owner, unused -> hasSource(owner, enter));
    }
  }
}
