package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Everything the checks need to know about the classes they can see (the whole compilation, or one unit: see
 * {@link VisibleClasses}), computed once: the code bodies and the call graph across those classes (calls dispatch to
 * the overrides the compilation instantiates), which bodies are callbacks or hand-offs, the connection calls, client
 * creations and the loops and {@code try} statements around them, and the fields the status callback tracks.
 *
 * <p>Built only when a compilation unit can use a client (see {@link LinkGuardContext}); everything derived from it
 * (regions, retry constructs, guards) is computed lazily and memoized here, so that each check's per-node query is
 * a lookup.
 *
 * <p>Cost, for n trees, c calls and f parameter forwards in the visible classes: the scan is one walk, O(n); the call
 * graph O(c) edges (each call to its dispatch targets); the hand-off search over forwards one breadth-first search,
 * O(f); closing and opening effects one depth-first pass over the synchronous edges with an explicit stack, O(c), so a
 * call chain costs heap, never stack; reachability closures are worklists over visited sets, memoized per body.
 * Lists of statements and cases are indexed once per block ({@link #indexed}). Recursion is left only where its depth
 * follows the nesting of one expression or statement, which javac's own recursive passes have already survived.
 */
public final class ClassModel {
  private final IotHubSdk sdk;
  private final VisitorState state;
  private final Set<ClassSymbol> visibleClasses = new HashSet<>();

  private final Map<Tree, Body> bodies = new LinkedHashMap<>();
  private final Map<MethodSymbol, Body> methodBodies = new HashMap<>();
  private final List<ConnectionCall> connectionCalls = new ArrayList<>();
  private final Map<MethodInvocationTree, ConnectionCall> callsByTree = new IdentityHashMap<>();
  private final List<TreePath> loops = new ArrayList<>();
  private final List<TreePath> tryStatements = new ArrayList<>();
  private final List<TreePath> clientValuedStores = new ArrayList<>();
  private final List<TreePath> mapPuts = new ArrayList<>();
  private final List<TreePath> clientLocals = new ArrayList<>();
  private final Map<VarSymbol, ExpressionTree> localInitializers = new HashMap<>();
  private final Set<VarSymbol> reassignedLocals = new HashSet<>();
  private final List<FieldWrite> fieldWrites = new ArrayList<>();
  private final List<VarSymbol> fields = new ArrayList<>();

  // Resolved after the scan, because a method can be referenced before it is declared.
  private final List<PendingEdge> pendingEdges = new ArrayList<>();
  private final List<PendingReference> pendingReferences = new ArrayList<>();
  private final List<PendingFunction> pendingFunctions = new ArrayList<>();
  private final List<PendingTask> pendingTasks = new ArrayList<>();
  private final Set<VarSymbol> handedOffVariables = new HashSet<>();
  private final List<Forward> forwards = new ArrayList<>();
  private final Map<ClassSymbol, AnonymousRole> anonymousRoles = new HashMap<>();
  private final Set<ClassSymbol> instantiated = new LinkedHashSet<>();
  private final List<PendingRegistration> pendingRegistrations = new ArrayList<>();
  private final List<TreePath> deregistrations = new ArrayList<>();
  private final Map<VarSymbol, ClientRef> elementVariables = new HashMap<>();
  private final Map<ClientRef, Set<ClientRef>> collectionsHolding = new HashMap<>();
  private final List<TreePath> closeReferences = new ArrayList<>();
  private final Dispatch dispatch;

  // Derived, memoized.
  private @Nullable Map<Body, Body> statusOrigins;
  private @Nullable Set<Body> reentryBodies;
  private final Map<Body, Set<ConnectionCall>> syncReachableOpens = new HashMap<>();
  private @Nullable Map<VarSymbol, List<FieldWrite>> trackedFields;
  private @Nullable Map<MethodSymbol, Boolean> factoryMethods;
  private final Map<MethodSymbol, ClientEffects> closingEffects = new HashMap<>();
  private final Map<MethodSymbol, ClientEffects> openingEffects = new HashMap<>();
  private final Map<MethodSymbol, List<ExpressionTree>> returnedByMethod = new HashMap<>();
  private final Dominance dominance;
  private final Conditions conditions;
  private final Retries retries;

  /** A write to a field: an assignment, or {@code set(...)} on an AtomicBoolean field. */
  record FieldWrite(VarSymbol field, @Nullable ExpressionTree value, TreePath path, Body body) {}

  /** What a same-class method closes (or opens): own fields, and which of its parameters. */
  record ClientEffects(Set<ClientRef> fields, Set<Integer> parameters) {
    static final ClientEffects NONE = new ClientEffects(Set.of(), Set.of());
  }

  /**
   * A call or constructor invocation of {@code target}; {@code receiverType} and {@code onThis} decide which
   * overrides it can dispatch to.
   */
  private record PendingEdge(
      Body from, MethodSymbol target, TreePath site, @Nullable Type receiverType, boolean onThis) {}

  /**
   * Where a function value (lambda, method reference, anonymous or same-class task object) goes: straight to a
   * hand-off API, into a same-class method's parameter, into a variable, or nowhere that runs it elsewhere.
   */
  private record Destination(
      boolean handOffApi, @Nullable MethodSymbol callee, int index, @Nullable VarSymbol variable,
      boolean returned, @Nullable MethodSymbol producer) {
    static final Destination SYNC = new Destination(false, null, -1, null);
    static final Destination HAND_OFF_API = new Destination(true, null, -1, null);

    Destination(boolean handOffApi, @Nullable MethodSymbol callee, int index, @Nullable VarSymbol variable) {
      this(handOffApi, callee, index, variable, false, null);
    }

    /**
     * Returned to the caller ({@code return () -> ...}, or the body of a lambda that is itself returned): it runs
     * wherever the caller of {@code producer} sends the result, not where it is created.
     */
    static Destination returnedBy(@Nullable MethodSymbol producer) {
      return new Destination(false, null, -1, null, true, producer);
    }
  }

  /** A function value found in a body, whose edge kind is decided once every hand-off is known. */
  private record PendingFunction(Body from, TreePath site, Destination destination, List<Body> targets) {}

  private record PendingReference(
      MethodSymbol target, @Nullable Type functionalType, Body from, TreePath site, Destination destination,
      @Nullable ClientRef registeredOn, @Nullable Type qualifierType, boolean onThis) {}

  private record PendingTask(ClassSymbol task, Body from, TreePath site, Destination destination) {}

  private record AnonymousRole(
      boolean callbackOrThread, Body enclosing, TreePath site, Destination destination,
      @Nullable ClientRef registeredOn) {}

  /** {@code client.setConnectionStatusChangeCallback(watcher, ctx)} with an object of a class of the compilation. */
  private record PendingRegistration(ClassSymbol callbackClass, @Nullable ClientRef client) {}

  /** A parameter passed on, unchanged, as an argument of a same-class call. */
  private record Forward(VarSymbol parameter, MethodSymbol callee, int index) {}

  ClassModel(IotHubSdk sdk, VisitorState state, List<TreePath> classes) {
    this.sdk = sdk;
    this.state = state;
    for (TreePath classPath : classes) {
      ClassSymbol symbol = ASTHelpers.getSymbol((ClassTree) classPath.getLeaf());
      if (symbol != null) {
        visibleClasses.add(symbol);
      }
    }
    this.dominance = new Dominance(this);
    this.conditions = new Conditions(this);
    Scanner scanner = new Scanner();
    for (TreePath classPath : classes) {
      scanner.scan(classPath, null);
    }
    this.dispatch = new Dispatch(state.getTypes(), methodBodies, instantiated, visibleClasses);
    resolvePending();
    this.retries = new Retries(this);
  }

  // ====================================================================== the scan

  private final class Scanner extends TreePathScanner<Void, Body> {
    private final Map<ClassTree, Body> initializerBodies = new HashMap<>();

    @Override
    public Void visitClass(ClassTree tree, Body current) {
      ClassSymbol declared = ASTHelpers.getSymbol(tree);
      if (declared != null && (declared.getKind() == ElementKind.ENUM || isInjected(tree.getModifiers()))) {
        instantiated.add(declared); // enum constants, and beans a container creates
      }
      for (Tree member : tree.getMembers()) {
        if (member instanceof MethodTree method
            && hasAnnotationNamed(method.getModifiers(), PRODUCER_ANNOTATIONS)
            && ASTHelpers.getSymbol(method) != null
            && ASTHelpers.getSymbol(method).getReturnType().tsym instanceof ClassSymbol produced) {
          instantiated.add(produced);
        }
        if (member instanceof VariableTree field) {
          VarSymbol fieldSymbol = ASTHelpers.getSymbol(field);
          if (fieldSymbol != null) {
            fields.add(fieldSymbol);
          }
        }
      }
      // Members are scanned with the body they run in: field initializers and initializer blocks in the class's
      // initializer body, methods in their own.
      for (Tree member : tree.getMembers()) {
        if (member instanceof MethodTree) {
          scan(member, current);
        } else if (member instanceof ClassTree) {
          scan(member, null);
        } else {
          scan(member, initializerBody(tree));
        }
      }
      return null;
    }

    private Body initializerBody(ClassTree tree) {
      return initializerBodies.computeIfAbsent(
          tree,
          t -> {
            Body body = new Body(getCurrentPath(), null);
            bodies.put(t, body);
            return body;
          });
    }

    @Override
    public Void visitMethod(MethodTree tree, Body enclosing) {
      MethodSymbol symbol = ASTHelpers.getSymbol(tree);
      if (tree.getBody() == null || symbol == null) {
        return null;
      }
      Body body = new Body(getCurrentPath(), symbol);
      bodies.put(tree, body);
      methodBodies.put(symbol, body);
      classifyMethod(body, symbol, tree);
      scan(tree.getBody(), body);
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Body enclosing) {
      ExpressionTree iterated = forEachReceiver(getCurrentPath());
      if (iterated != null && tree.getParameters().size() == 1) {
        noteElementVariable(ASTHelpers.getSymbol(tree.getParameters().get(0)), iterated);
      }
      Body body = new Body(getCurrentPath(), null);
      bodies.put(tree, body);
      Type functionalType = ASTHelpers.getType(tree);
      if (sdk.isStatusCallbackType(functionalType)) {
        body.markRoot(Body.Root.STATUS_CALLBACK, callbackParameters(tree.getParameters()));
        body.registeredOn(registrationClient(getCurrentPath()));
      } else if (sdk.isOtherSdkCallbackType(functionalType)) {
        body.markRoot(Body.Root.SDK_CALLBACK, null);
      } else if (enclosing != null) {
        pendingFunctions.add(
            new PendingFunction(enclosing, getCurrentPath(), destinationOf(getCurrentPath()), List.of(body)));
      }
      scan(tree.getBody(), body);
      return null;
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Body enclosing) {
      if ((tree.getName().contentEquals("close") || tree.getName().contentEquals("closeNow"))
          && sdk.isClientType(ASTHelpers.getType(tree.getQualifierExpression()))) {
        closeReferences.add(getCurrentPath()); // clients.forEach(DeviceClient::close)
      }
      Symbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol instanceof MethodSymbol method && isDeclaredHere(method) && enclosing != null) {
        ExpressionTree qualifier = tree.getQualifierExpression();
        pendingReferences.add(
            new PendingReference(
                method, ASTHelpers.getType(tree), enclosing, getCurrentPath(), destinationOf(getCurrentPath()),
                registrationClient(getCurrentPath()), ASTHelpers.getType(qualifier), isThisReference(qualifier)));
      }
      return super.visitMemberReference(tree, enclosing);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Body current) {
      if (current != null) {
        ConnectionOp op = sdk.connectionOp(tree);
        if (op != null) {
          ConnectionCall call =
              new ConnectionCall(tree, getCurrentPath(), op, ClientRef.receiverOf(tree), current);
          connectionCalls.add(call);
          callsByTree.put(tree, call);
        }
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol instanceof MethodSymbol method && isDeclaredHere(method) && !isClientOperationFromOutside(tree)) {
          ExpressionTree receiver = ASTHelpers.getReceiver(tree);
          boolean viaSuper = receiver != null && isSuperReference(receiver);
          pendingEdges.add(
              new PendingEdge(
                  current, method, getCurrentPath(), viaSuper ? null : ASTHelpers.getReceiverType(tree),
                  receiver == null || isThisReference(receiver)));
          noteForwardedParameters(method, tree.getArguments());
        }
        noteRegistration(getCurrentPath());
        noteClientStoredInCollection(tree);
        if (sdk.isHandOff(tree)) {
          noteHandedOffArguments(tree.getArguments());
        }
        if (isMapPut(tree, symbol)) {
          mapPuts.add(getCurrentPath());
        }
        if (symbol instanceof MethodSymbol method
            && !tree.getArguments().isEmpty()
            && isAtomicWrite(method)) {
          VarSymbol field = fieldOf(ASTHelpers.getReceiver(tree));
          if (field != null) {
            ExpressionTree value = tree.getArguments().get(tree.getArguments().size() - 1);
            fieldWrites.add(new FieldWrite(field, value, getCurrentPath(), current));
          }
        }
      }
      return super.visitMethodInvocation(tree, current);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Body current) {
      if (current != null) {
        Symbol constructor = ASTHelpers.getSymbol(tree);
        ClassSymbol created =
            tree.getClassBody() != null
                ? ASTHelpers.getSymbol(tree.getClassBody())
                : ASTHelpers.getType(tree) != null && ASTHelpers.getType(tree).tsym instanceof ClassSymbol named
                    ? named
                    : null;
        if (created != null) {
          instantiated.add(created);
        }
        if (constructor instanceof MethodSymbol method && isDeclaredHere(method) && !sdk.isClientCreation(tree)) {
          pendingEdges.add(new PendingEdge(current, method, getCurrentPath(), null, false));
          noteForwardedParameters(method, tree.getArguments());
          if (tree.getClassBody() == null && method.owner instanceof ClassSymbol task) {
            pendingTasks.add(new PendingTask(task, current, getCurrentPath(), destinationOf(getCurrentPath())));
          }
        }
        if (sdk.isHandOff(tree)) {
          noteHandedOffArguments(tree.getArguments());
        }
        if (tree.getClassBody() != null) {
          ClassSymbol anonymous = ASTHelpers.getSymbol(tree.getClassBody());
          Type type = ASTHelpers.getType(tree);
          boolean callbackOrThread =
              sdk.isStatusCallbackType(type) || sdk.isOtherSdkCallbackType(type) || sdk.isThreadEntryType(type);
          if (anonymous != null) {
            anonymousRoles.put(
                anonymous,
                new AnonymousRole(
                    callbackOrThread, current, getCurrentPath(), destinationOf(getCurrentPath()),
                    registrationClient(getCurrentPath())));
          }
        }
      }
      return super.visitNewClass(tree, current);
    }

    private void noteHandedOffArguments(List<? extends ExpressionTree> arguments) {
      for (ExpressionTree argument : arguments) {
        ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(argument);
        Symbol symbol = ASTHelpers.getSymbol(stripped);
        if (symbol instanceof VarSymbol variable
            && (stripped instanceof IdentifierTree || stripped.getKind() == Tree.Kind.MEMBER_SELECT)) {
          handedOffVariables.add(variable);
        }
      }
    }

    private void noteForwardedParameters(MethodSymbol callee, List<? extends ExpressionTree> arguments) {
      for (int i = 0; i < arguments.size(); i++) {
        if (ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(arguments.get(i))) instanceof VarSymbol variable
            && variable.getKind() == ElementKind.PARAMETER) {
          forwards.add(new Forward(variable, callee, i));
        }
      }
    }

    @Override
    public Void visitVariable(VariableTree tree, Body current) {
      VarSymbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol != null && current != null && symbol.getKind() != ElementKind.FIELD) {
        if (tree.getInitializer() != null) {
          localInitializers.put(symbol, tree.getInitializer());
        }
        if (sdk.isClientType(symbol.type)) {
          clientLocals.add(getCurrentPath());
        }
      }
      if (symbol != null && tree.getInitializer() != null && sdk.isClientType(symbol.type)) {
        clientValuedStores.add(getCurrentPath());
      }
      if (symbol != null && symbol.getKind() == ElementKind.FIELD && tree.getInitializer() != null) {
        Body initializer = current;
        if (initializer != null) {
          fieldWrites.add(new FieldWrite(symbol, tree.getInitializer(), getCurrentPath(), initializer));
        }
      }
      return super.visitVariable(tree, current);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Body current) {
      Symbol target = ASTHelpers.getSymbol(tree.getVariable());
      if (target instanceof VarSymbol variable && current != null) {
        if (variable.getKind() == ElementKind.FIELD) {
          fieldWrites.add(new FieldWrite(variable, tree.getExpression(), getCurrentPath(), current));
        } else {
          reassignedLocals.add(variable);
        }
        if (sdk.isClientType(variable.type)) {
          clientValuedStores.add(getCurrentPath());
        }
      }
      return super.visitAssignment(tree, current);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree tree, Body current) {
      noteReassigned(tree.getVariable());
      return super.visitCompoundAssignment(tree, current);
    }

    @Override
    public Void visitUnary(UnaryTree tree, Body current) {
      switch (tree.getKind()) {
        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
            noteReassigned(tree.getExpression());
        default -> {}
      }
      return super.visitUnary(tree, current);
    }

    private void noteReassigned(ExpressionTree variable) {
      if (ASTHelpers.getSymbol(variable) instanceof VarSymbol symbol
          && symbol.getKind() != ElementKind.FIELD) {
        reassignedLocals.add(symbol);
      }
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree tree, Body current) {
      loops.add(getCurrentPath());
      return super.visitWhileLoop(tree, current);
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree tree, Body current) {
      loops.add(getCurrentPath());
      return super.visitDoWhileLoop(tree, current);
    }

    @Override
    public Void visitForLoop(ForLoopTree tree, Body current) {
      loops.add(getCurrentPath());
      return super.visitForLoop(tree, current);
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Body current) {
      loops.add(getCurrentPath());
      noteElementVariable(ASTHelpers.getSymbol(tree.getVariable()), tree.getExpression());
      return super.visitEnhancedForLoop(tree, current);
    }

    @Override
    public Void visitTry(TryTree tree, Body current) {
      tryStatements.add(getCurrentPath());
      return super.visitTry(tree, current);
    }
  }

  private void classifyMethod(Body body, MethodSymbol symbol, MethodTree tree) {
    // Only the implementation of the callback interface's own method is callback code: the other methods of a class
    // that implements it (openClient(), closeClient() overrides) run wherever they are called from.
    boolean mayImplementCallback =
        symbol.owner instanceof ClassSymbol owner
            && !symbol.isStatic()
            && implementsSdkCallback.computeIfAbsent(
                owner, c -> sdk.isStatusCallbackType(c.type) || sdk.isOtherSdkCallbackType(c.type));
    for (MethodSymbol overridden :
        mayImplementCallback ? ASTHelpers.findSuperMethods(symbol, state.getTypes()) : List.<MethodSymbol>of()) {
      if (!(overridden.owner instanceof ClassSymbol owner) || !sdk.isSdkCallbackInterface(owner)) {
        continue;
      }
      if (sdk.isStatusCallbackType(owner.type)) {
        body.markRoot(Body.Root.STATUS_CALLBACK, callbackParameters(tree.getParameters()));
      } else {
        body.markRoot(Body.Root.SDK_CALLBACK, null);
      }
    }
    if (symbol.getSimpleName().contentEquals("run")
        && symbol.getParameters().isEmpty()
        && sdk.isThreadEntryType(symbol.owner.type)) {
      body.markRoot(Body.Root.HAND_OFF, null);
    }
  }

  /** Per class: whether it implements an SDK callback interface, so that its methods may be callback code. */
  private final Map<ClassSymbol, Boolean> implementsSdkCallback = new HashMap<>();

  /** How a status callback with these parameters names the status and the reason. */
  private CallbackParameters callbackParameters(List<? extends VariableTree> parameters) {
    String status = null;
    String reason = null;
    for (VariableTree parameter : parameters) {
      VarSymbol symbol = ASTHelpers.getSymbol(parameter);
      if (symbol == null) {
        continue;
      }
      String name = parameter.getName().toString();
      if (sdk.isStatusType(symbol.type)) {
        status = name;
      } else if (sdk.isReasonType(symbol.type)) {
        reason = name;
      } else if (sdk.isStatusChangeContextType(symbol.type)) {
        status = name + ".getNewStatus()";
        reason = name + ".getNewStatusReason()";
      }
    }
    return new CallbackParameters(status, reason);
  }

  /** Where the function value at {@code path} goes (see {@link Destination}). */
  private Destination destinationOf(TreePath path) {
    TreePath parent = path.getParentPath();
    Tree child = path.getLeaf();
    while (parent != null
        && (parent.getLeaf().getKind() == Tree.Kind.PARENTHESIZED
            || parent.getLeaf().getKind() == Tree.Kind.TYPE_CAST)) {
      child = parent.getLeaf();
      parent = parent.getParentPath();
    }
    if (parent == null) {
      return Destination.SYNC;
    }
    Tree leaf = parent.getLeaf();
    List<? extends ExpressionTree> arguments = null;
    if (leaf instanceof MethodInvocationTree call && call.getMethodSelect() != child) {
      if (sdk.isHandOff(call)) {
        return Destination.HAND_OFF_API;
      }
      arguments = call.getArguments();
    } else if (leaf instanceof NewClassTree newClass && newClass.getClassBody() != child) {
      if (sdk.isHandOff(newClass) && !isRunInPlace(parent)) {
        return Destination.HAND_OFF_API;
      }
      arguments = newClass.getArguments();
    }
    if (arguments != null) {
      Symbol callee = ASTHelpers.getSymbol(leaf);
      int index = arguments.indexOf(child);
      return callee instanceof MethodSymbol method && isDeclaredHere(method) && index >= 0
          ? new Destination(false, method, index, null)
          : Destination.SYNC;
    }
    if (leaf instanceof VariableTree variable && variable.getInitializer() == child) {
      return new Destination(false, null, -1, ASTHelpers.getSymbol(variable));
    }
    if (leaf instanceof AssignmentTree assignment
        && assignment.getExpression() == child
        && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol variable) {
      return new Destination(false, null, -1, variable);
    }
    if (leaf instanceof ReturnTree || (leaf instanceof LambdaExpressionTree lambda && lambda.getBody() == child)) {
      return Destination.returnedBy(producingMethod(parent));
    }
    return Destination.SYNC;
  }

  /**
   * The method whose call yields what is returned at {@code path}: the method around it, or, for a return inside a
   * lambda that is itself returned ({@code return c -> () -> ...}), the method that returns that lambda.
   */
  private @Nullable MethodSymbol producingMethod(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree method) {
        return ASTHelpers.getSymbol(method);
      }
      if (leaf instanceof LambdaExpressionTree) {
        Destination outer = destinationOf(current);
        return outer.returned() ? outer.producer() : null;
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /**
   * Where the function a call returns ends up: {@code reopenTask()} itself, or the result of applying it ({@code
   * factory().get()}, {@code reopener().apply(client)}).
   */
  private static TreePath appliedResult(TreePath call) {
    TreePath current = call;
    while (true) {
      TreePath parent = IotHubSdk.withEnclosingParentheses(current).getParentPath();
      if (parent != null
          && parent.getLeaf() instanceof MemberSelectTree
          && parent.getParentPath().getLeaf() instanceof MethodInvocationTree applied
          && applied.getMethodSelect() == parent.getLeaf()) {
        current = parent.getParentPath();
      } else {
        return current;
      }
    }
  }

  /** {@code new Thread(task).run()}: run() executes the task on the calling thread; only start() hands it off. */
  private static boolean isRunInPlace(TreePath newThread) {
    TreePath parent = IotHubSdk.withEnclosingParentheses(newThread).getParentPath();
    return parent != null
        && parent.getLeaf() instanceof MemberSelectTree member
        && member.getIdentifier().contentEquals("run")
        && parent.getParentPath().getLeaf() instanceof MethodInvocationTree;
  }

  /** Whether a function value that goes to {@code destination} runs on another thread. */
  private boolean isHandedOff(Destination destination) {
    if (destination.handOffApi()) {
      return true;
    }
    if (destination.variable() != null) {
      return handedOffVariables.contains(destination.variable());
    }
    return destination.callee() != null && parameterHandedOff(destination.callee(), destination.index());
  }

  /**
   * A parameter the method hands off, itself or through at most {@link #MAX_FORWARDS} forwards to the methods it
   * passes it to.
   */
  private boolean parameterHandedOff(MethodSymbol method, int index) {
    VarSymbol parameter = parameterAt(method, index);
    if (parameter == null) {
      return false;
    }
    Integer forwardsToHandOff = handOffDistances().get(parameter);
    return forwardsToHandOff != null && forwardsToHandOff <= MAX_FORWARDS;
  }

  private static final int MAX_FORWARDS = 8;

  private @Nullable Map<VarSymbol, Integer> handOffDistances;

  /**
   * For every parameter from which a chain of forwards reaches a handed-off variable, the fewest forwards it takes:
   * one breadth-first search backwards from the handed-off variables over every forward of the scan, O(forwards).
   */
  private Map<VarSymbol, Integer> handOffDistances() {
    if (handOffDistances == null) {
      Map<VarSymbol, List<VarSymbol>> forwardedFrom = new HashMap<>();
      for (Forward forward : forwards) {
        VarSymbol target = parameterAt(forward.callee(), forward.index());
        if (target != null) {
          forwardedFrom.computeIfAbsent(target, k -> new ArrayList<>()).add(forward.parameter());
        }
      }
      Map<VarSymbol, Integer> distances = new HashMap<>();
      Deque<VarSymbol> work = new ArrayDeque<>();
      for (VarSymbol handedOff : handedOffVariables) {
        distances.put(handedOff, 0);
        work.add(handedOff);
      }
      while (!work.isEmpty()) {
        VarSymbol reached = work.poll();
        int distance = distances.get(reached) + 1;
        for (VarSymbol source : forwardedFrom.getOrDefault(reached, List.of())) {
          if (distances.putIfAbsent(source, distance) == null) {
            work.add(source);
          }
        }
      }
      handOffDistances = distances;
    }
    return handOffDistances;
  }

  /** The parameter an argument at {@code index} binds to (varargs collect the rest), or null without parameters. */
  private static @Nullable VarSymbol parameterAt(MethodSymbol method, int index) {
    List<VarSymbol> parameters = method.getParameters();
    return parameters.isEmpty() ? null : parameters.get(Math.min(index, parameters.size() - 1));
  }

  /** The client a status callback is registered on: {@code client} in {@code client.setConnection...(cb, ctx)}. */
  private @Nullable ClientRef registrationClient(TreePath callbackPath) {
    TreePath parent = callbackPath.getParentPath();
    if (parent != null
        && parent.getLeaf() instanceof MethodInvocationTree call
        && call.getArguments().contains(callbackPath.getLeaf())
        && IotHubSdk.STATUS_CALLBACK_REGISTRATION.matches(call, state)) {
      return ClientRef.receiverOf(call);
    }
    return null;
  }

  /** Whether the symbol's source is in a visible class: its body can be followed. */
  private boolean isDeclaredHere(Symbol symbol) {
    ClassSymbol outermost = VisibleClasses.topLevelClass(symbol);
    return outermost != null && visibleClasses.contains(outermost);
  }

  /** {@code put(key, value)}, {@code replace(key, value)} or {@code replace(key, old, value)} on a Map. */
  private boolean isMapPut(MethodInvocationTree tree, @Nullable Symbol symbol) {
    int arguments = tree.getArguments().size();
    return symbol instanceof MethodSymbol method
        && ((method.getSimpleName().contentEquals("put") && arguments == 2)
            || (method.getSimpleName().contentEquals("replace") && (arguments == 2 || arguments == 3)))
        && sdk.isSubtypeOf(ASTHelpers.getReceiverType(tree), "java.util.Map");
  }

  private boolean isAtomicWrite(MethodSymbol method) {
    String name = method.getSimpleName().toString();
    return (name.equals("set") || name.equals("lazySet") || name.equals("getAndSet")
            || name.equals("compareAndSet") || name.equals("setRelease") || name.equals("setPlain"))
        && isAtomicHolder(method.owner.type);
  }

  private boolean isAtomicHolder(@Nullable Type type) {
    return sdk.isSubtypeOf(type, "java.util.concurrent.atomic.AtomicBoolean")
        || sdk.isSubtypeOf(type, "java.util.concurrent.atomic.AtomicReference");
  }

  private static @Nullable VarSymbol fieldOf(@Nullable ExpressionTree tree) {
    if (tree == null) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(tree));
    return symbol instanceof VarSymbol variable && variable.getKind() == ElementKind.FIELD ? variable : null;
  }

  // ====================================================================== edges

  private void link(Body from, Body to, Body.EdgeKind kind, TreePath site) {
    Body.Edge edge = new Body.Edge(from, to, kind, site);
    from.outgoing.add(edge);
    to.incoming.add(edge);
    edgesBySite.computeIfAbsent(site.getLeaf(), k -> new ArrayList<>()).add(edge);
  }

  private final Map<Tree, List<Body.Edge>> edgesBySite = new IdentityHashMap<>();

  private void resolvePending() {
    for (PendingEdge pending : pendingEdges) {
      for (Body target : dispatch.targets(pending.target(), pending.receiverType(), pending.onThis())) {
        link(pending.from(), target, Body.EdgeKind.SYNC, pending.site());
      }
    }
    for (PendingFunction function : pendingFunctions) {
      linkFunction(function.from(), function.site(), function.destination(), function.targets());
    }
    for (PendingReference reference : pendingReferences) {
      List<Body> targets = dispatch.targets(reference.target(), reference.qualifierType(), reference.onThis());
      if (sdk.isStatusCallbackType(reference.functionalType())) {
        for (Body target : targets) {
          MethodTree method = (MethodTree) target.tree();
          target.markRoot(Body.Root.STATUS_CALLBACK, callbackParameters(method.getParameters()));
          target.registeredOn(reference.registeredOn());
        }
      } else if (sdk.isOtherSdkCallbackType(reference.functionalType())) {
        for (Body target : targets) {
          target.markRoot(Body.Root.SDK_CALLBACK, null);
        }
      } else if (!targets.isEmpty()) {
        linkFunction(reference.from(), reference.site(), reference.destination(), targets);
      }
    }
    for (PendingRegistration registration : pendingRegistrations) {
      for (Body body : bodies.values()) {
        if (body.root() == Body.Root.STATUS_CALLBACK
            && body.method() != null
            && body.method().owner instanceof ClassSymbol owner
            && registration.callbackClass().isSubClass(owner, state.getTypes())) {
          body.registeredOn(registration.client());
        }
      }
    }
    for (PendingTask task : pendingTasks) {
      if (isHandedOff(task.destination())) {
        // executor.submit(new ReconnectTask()): its run() or call() runs on the executor's thread.
        List<Body> entries = new ArrayList<>();
        // its own run() or call(), or the one it inherits from the nearest superclass of the compilation
        for (Type type = task.task().type;
            entries.isEmpty() && type != null && type.tsym instanceof ClassSymbol owner;
            type = state.getTypes().supertype(type)) {
          for (Body body : bodies.values()) {
            MethodSymbol method = body.method();
            if (method != null
                && method.owner.equals(owner)
                && method.getParameters().isEmpty()
                && (method.getSimpleName().contentEquals("run") || method.getSimpleName().contentEquals("call"))) {
              entries.add(body);
            }
          }
        }
        linkFunction(task.from(), task.site(), task.destination(), entries);
      }
    }
    for (Body body : bodies.values()) {
      MethodSymbol method = body.method();
      if (method == null || !(method.owner instanceof ClassSymbol owner)) {
        continue;
      }
      AnonymousRole role = anonymousRoles.get(owner);
      if (role == null || method.isConstructor()) {
        continue;
      }
      if (body.root() == Body.Root.STATUS_CALLBACK) {
        body.registeredOn(role.registeredOn());
      }
      if (role.callbackOrThread()) {
        if (body.root() == Body.Root.HAND_OFF) {
          link(role.enclosing(), body, Body.EdgeKind.HAND_OFF, role.site());
        }
      } else if (body.root() == Body.Root.NONE) {
        linkFunction(role.enclosing(), role.site(), role.destination(), List.of(body));
      }
    }
  }

  /** Links a function value's bodies from where it is created: a hand-off, or a synchronous run. */
  private void linkFunction(Body from, TreePath site, Destination destination, List<Body> targets) {
    if (destination.returned()) {
      linkReturnedFunction(destination.producer(), targets);
      return;
    }
    boolean handedOff = isHandedOff(destination);
    // A retry library's asynchronous attempt (Failsafe runAsync, ...) runs on another thread: a hand-off for the
    // callback-thread rules, but a retry construct, not a re-entry site (so its body is no root).
    boolean asyncAttempt = !handedOff && isAsyncRetryAttempt(site);
    for (Body target : targets) {
      if (handedOff) {
        target.markRoot(Body.Root.HAND_OFF, null);
      }
      link(from, target, handedOff || asyncAttempt ? Body.EdgeKind.HAND_OFF : Body.EdgeKind.SYNC, site);
    }
  }

  private boolean isAsyncRetryAttempt(TreePath site) {
    RetryLibraries.AttemptRun run = RetryLibraries.attemptRunOf(site, state, sdk);
    return run != null && run.async();
  }

  /**
   * A function a same-class method returns ({@code Runnable reopenTask() { return () -> ...; }}) runs on another
   * thread when a caller hands the result off ({@code new Thread(reopenTask()).start()}); creating it runs nothing.
   */
  private void linkReturnedFunction(@Nullable MethodSymbol producer, List<Body> targets) {
    if (producer == null) {
      return;
    }
    for (PendingEdge call : pendingEdges) {
      if (!call.target().equals(producer) || !(call.site().getLeaf() instanceof MethodInvocationTree)) {
        continue;
      }
      TreePath use = appliedResult(call.site());
      boolean handedOff = isHandedOff(destinationOf(use));
      // closer().run(); -- applied for its effect right where it is made: it runs on the caller's thread
      boolean runInPlace = use != call.site() && use.getParentPath().getLeaf() instanceof ExpressionStatementTree;
      for (Body target : handedOff || runInPlace ? targets : List.<Body>of()) {
        if (handedOff) {
          target.markRoot(Body.Root.HAND_OFF, null);
        }
        link(call.from(), target, handedOff ? Body.EdgeKind.HAND_OFF : Body.EdgeKind.SYNC, use);
      }
    }
  }

  // ====================================================================== accessors

  public IotHubSdk sdk() {
    return sdk;
  }

  public VisitorState state() {
    return state;
  }

  public Dominance dominance() {
    return dominance;
  }

  public Conditions conditions() {
    return conditions;
  }

  public Retries retries() {
    return retries;
  }

  public List<ConnectionCall> connectionCalls() {
    return connectionCalls;
  }

  public @Nullable ConnectionCall connectionCall(MethodInvocationTree tree) {
    return callsByTree.get(tree);
  }

  public Collection<Body> bodies() {
    return bodies.values();
  }

  public @Nullable Body bodyOf(MethodSymbol method) {
    return methodBodies.get(method);
  }

  /** Calls that remove a status callback: {@code setConnectionStatusChangeCallback(null, ...)}. */
  List<TreePath> deregistrations() {
    return deregistrations;
  }

  List<TreePath> loops() {
    return loops;
  }

  List<TreePath> tryStatements() {
    return tryStatements;
  }

  List<TreePath> clientValuedStores() {
    return clientValuedStores;
  }

  List<TreePath> mapPuts() {
    return mapPuts;
  }

  List<TreePath> clientLocals() {
    return clientLocals;
  }

  List<VarSymbol> fields() {
    return fields;
  }

  /** The client an effectively final local was initialized from ({@code DeviceClient old = client;}), or null. */
  @Nullable ClientRef aliasedClient(ClientRef local) {
    if (!local.isLocal()) {
      return null;
    }
    ExpressionTree initializer = finalLocalInitializer(local.variable());
    return initializer == null ? null : ClientRef.of(initializer);
  }

  /**
   * The initializer of an effectively final local variable, or null.
   *
   * <p>Not {@code ASTHelpers.isConsideredFinal}: javac marks a local effectively final in its flow analysis, and the
   * model reads classes of the compilation that javac has not analysed yet when the first unit is checked.
   */
  @Nullable ExpressionTree finalLocalInitializer(VarSymbol local) {
    return reassignedLocals.contains(local) ? null : localInitializers.get(local);
  }

  /** The body a path runs in: the innermost method, lambda or class initializer around it. */
  public @Nullable Body bodyAt(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return bodies.get(leaf);
      }
      if (leaf instanceof ClassTree) {
        return bodies.get(leaf);
      }
    }
    return null;
  }

  // ====================================================================== regions

  /** Bodies that run synchronously on the thread delivering a status callback. */
  public Set<Body> statusRegion() {
    return statusOrigins().keySet();
  }

  /** The status callback whose thread runs {@code body} synchronously, the first in source order; or null. */
  @Nullable Body statusOrigin(Body body) {
    return statusOrigins().get(body);
  }

  private Map<Body, Body> statusOrigins() {
    if (statusOrigins == null) {
      statusOrigins = reachedFromStatusCallbacks(edge -> edge.kind() == Body.EdgeKind.SYNC);
    }
    return statusOrigins;
  }

  /**
   * Every body reached from a status callback along edges that {@code follows} accepts, each with the first callback
   * (in source order) that reaches it: a breadth-first search, linear in the edges.
   */
  Map<Body, Body> reachedFromStatusCallbacks(java.util.function.Predicate<Body.Edge> follows) {
    Map<Body, Body> origins = new LinkedHashMap<>();
    Deque<Body> work = new ArrayDeque<>();
    for (Body body : bodies.values()) {
      if (body.root() == Body.Root.STATUS_CALLBACK) {
        origins.put(body, body);
        work.add(body);
      }
    }
    while (!work.isEmpty()) {
      Body from = work.poll();
      for (Body.Edge edge : from.outgoing()) {
        if (!origins.containsKey(edge.to()) && follows.test(edge)) {
          origins.put(edge.to(), origins.get(from));
          work.add(edge.to());
        }
      }
    }
    return origins;
  }

  /**
   * Bodies that can run while the device already has a live link: callbacks, hand-offs, and everything reachable
   * from them or from a loop or catch that is a re-entry site.
   */
  public Set<Body> reentryBodies() {
    if (reentryBodies == null) {
      Set<Body> roots = new LinkedHashSet<>();
      for (Body body : bodies.values()) {
        if (body.root() != Body.Root.NONE) {
          roots.add(body);
        }
        for (Body.Edge edge : body.outgoing()) {
          if (retries.isInsideReentryConstruct(edge.site(), body)) {
            roots.add(edge.to());
          }
        }
      }
      reentryBodies = closure(roots, Set.of(Body.EdgeKind.SYNC, Body.EdgeKind.HAND_OFF));
    }
    return reentryBodies;
  }

  static Set<Body> closure(Set<Body> roots, Set<Body.EdgeKind> kinds) {
    Set<Body> reached = new LinkedHashSet<>(roots);
    Deque<Body> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      for (Body.Edge edge : work.pop().outgoing()) {
        if (kinds.contains(edge.kind()) && reached.add(edge.to())) {
          work.push(edge.to());
        }
      }
    }
    return reached;
  }

  private final Map<Body, Set<Body>> syncReach = new HashMap<>();
  private final Map<Body, Set<Body>> anyReach = new HashMap<>();

  /** The bodies that run synchronously when {@code body} runs, itself included. Memoized. */
  Set<Body> syncReachable(Body body) {
    return syncReach.computeIfAbsent(body, b -> closure(Set.of(b), Set.of(Body.EdgeKind.SYNC)));
  }

  /** The bodies that {@code body} runs or hands off, directly or transitively, itself included. Memoized. */
  Set<Body> reachable(Body body) {
    return anyReach.computeIfAbsent(
        body, b -> closure(Set.of(b), Set.of(Body.EdgeKind.SYNC, Body.EdgeKind.HAND_OFF)));
  }

  /** Every open() that runs synchronously when {@code body} runs (in it or in same-class methods it calls). */
  Set<ConnectionCall> syncReachableOpens(Body body) {
    Set<ConnectionCall> cached = syncReachableOpens.get(body);
    if (cached != null) {
      return cached;
    }
    if (!bodiesReachingOpens().contains(body)) {
      return Set.of(); // most bodies of a large compilation: no closure of their own is built
    }
    Set<ConnectionCall> opens = new LinkedHashSet<>();
    for (Body reached : syncReachable(body)) {
      for (ConnectionCall call : callsIn(reached)) {
        if (call.isOpen()) {
          opens.add(call);
        }
      }
    }
    syncReachableOpens.put(body, opens);
    return opens;
  }

  private @Nullable Set<Body> bodiesReachingOpens;

  /** The bodies from which synchronous calls lead to an open(): one walk back from the opens, linear in the edges. */
  private Set<Body> bodiesReachingOpens() {
    if (bodiesReachingOpens == null) {
      Set<Body> reaching = new HashSet<>();
      Deque<Body> work = new ArrayDeque<>();
      for (ConnectionCall call : connectionCalls) {
        if (call.isOpen() && reaching.add(call.body())) {
          work.push(call.body());
        }
      }
      while (!work.isEmpty()) {
        for (Body.Edge edge : work.pop().incoming()) {
          if (edge.kind() == Body.EdgeKind.SYNC && reaching.add(edge.from())) {
            work.push(edge.from());
          }
        }
      }
      bodiesReachingOpens = reaching;
    }
    return bodiesReachingOpens;
  }

  private @Nullable Map<ClientRef, List<ConnectionCall>> opensByClient;

  /**
   * The open() calls on {@code client} anywhere in the compilation, in scan order: one index instead of a scan of
   * every connection call per question.
   */
  List<ConnectionCall> opensOf(@Nullable ClientRef client) {
    if (opensByClient == null) {
      Map<ClientRef, List<ConnectionCall>> index = new HashMap<>();
      for (ConnectionCall call : connectionCalls) {
        if (call.isOpen() && call.client() != null) {
          index.computeIfAbsent(call.client(), k -> new ArrayList<>()).add(call);
        }
      }
      opensByClient = index;
    }
    return client == null ? List.of() : opensByClient.getOrDefault(client, List.of());
  }

  private final Map<Tree, IndexedList<?>> indexedLists = new IdentityHashMap<>();

  /**
   * The statements of a block or case ({@code container}), or the cases of a switch, indexed: built once per
   * container, so that many lookups in one long block stay linear.
   */
  @SuppressWarnings("unchecked") // each container is indexed with the one list it holds
  <T> IndexedList<T> indexed(Tree container, List<? extends T> list) {
    IndexedList<?> indexed = indexedLists.get(container);
    if (indexed == null) {
      indexed = new IndexedList<T>(list);
      indexedLists.put(container, indexed);
    }
    return (IndexedList<T>) indexed;
  }

  private final Map<Body, List<ConnectionCall>> callsByBody = new HashMap<>();

  List<ConnectionCall> callsIn(Body body) {
    if (callsByBody.isEmpty()) {
      for (ConnectionCall call : connectionCalls) {
        callsByBody.computeIfAbsent(call.body(), k -> new ArrayList<>()).add(call);
      }
    }
    return callsByBody.getOrDefault(body, List.of());
  }

  // ====================================================================== tracked state

  /**
   * Fields the status callback keeps the app's own model in: boolean, AtomicBoolean and enum fields assigned in the
   * status callback region, with their writes there.
   */
  Map<VarSymbol, List<FieldWrite>> trackedFields() {
    if (trackedFields == null) {
      Map<VarSymbol, List<FieldWrite>> tracked = new LinkedHashMap<>();
      Set<Body> region = statusRegion();
      for (FieldWrite write : fieldWrites) {
        if (region.contains(write.body()) && isStateType(write.field().type)) {
          tracked.computeIfAbsent(write.field(), k -> new ArrayList<>()).add(write);
        }
      }
      trackedFields = tracked;
    }
    return trackedFields;
  }

  private boolean isStateType(@Nullable Type type) {
    if (type == null) {
      return false;
    }
    return type.getKind() == javax.lang.model.type.TypeKind.BOOLEAN
        || sdk.isSubtypeOf(type, "java.lang.Boolean")
        || isAtomicHolder(type)
        || (type.tsym != null && type.tsym.getKind() == ElementKind.ENUM);
  }

  public boolean isTracked(VarSymbol field) {
    return trackedFields().containsKey(field);
  }

  /**
   * The IotHubConnectionStatus field that the status callback of {@code client} assigns, for fixes: the one written
   * by a callback registered on that client, or the only such field of the class; null when it is ambiguous. Only
   * fields of {@code topLevel} (the class the fix goes into) are candidates.
   */
  public @Nullable VarSymbol trackedStatusField(@Nullable ClientRef client, ClassSymbol topLevel) {
    if (statusFieldsByClient == null) {
      statusFieldsByClient = new HashMap<>();
      trackedStatusFields = new LinkedHashSet<>();
      Map<Body, List<VarSymbol>> statusWritesByBody = new HashMap<>();
      for (var entry : trackedFields().entrySet()) {
        VarSymbol field = entry.getKey();
        if (sdk.isStatusType(field.type)) {
          trackedStatusFields.add(field);
          for (FieldWrite write : entry.getValue()) {
            statusWritesByBody.computeIfAbsent(write.body(), k -> new ArrayList<>()).add(field);
          }
        }
      }
      for (Body callback : bodies.values()) {
        if (callback.root() != Body.Root.STATUS_CALLBACK || callback.callbackClients().isEmpty()) {
          continue;
        }
        for (Body reached : syncReachable(callback)) {
          for (VarSymbol field : statusWritesByBody.getOrDefault(reached, List.of())) {
            for (ClientRef registeredOn : callback.callbackClients()) {
              statusFieldsByClient.computeIfAbsent(registeredOn, k -> new LinkedHashSet<>()).add(field);
            }
          }
        }
      }
    }
    Set<VarSymbol> ofThisClient = new LinkedHashSet<>();
    if (client != null) {
      for (VarSymbol field : statusFieldsByClient.getOrDefault(client, Set.of())) {
        if (topLevel.equals(VisibleClasses.topLevelClass(field))) {
          ofThisClient.add(field);
        }
      }
    }
    if (ofThisClient.size() == 1) {
      return ofThisClient.iterator().next();
    }
    VarSymbol only = null;
    for (VarSymbol field : trackedStatusFields) {
      if (topLevel.equals(VisibleClasses.topLevelClass(field))) {
        if (only != null) {
          return null;
        }
        only = field;
      }
    }
    return ofThisClient.isEmpty() ? only : null;
  }

  private @Nullable Map<ClientRef, Set<VarSymbol>> statusFieldsByClient;
  private @Nullable Set<VarSymbol> trackedStatusFields;

  List<FieldWrite> trackedWrites(VarSymbol field) {
    return trackedFields().getOrDefault(field, List.of());
  }

  // ====================================================================== same-class method facts

  /** A same-class method whose every return value is a new client. */
  public boolean isFactoryMethod(@Nullable Symbol symbol) {
    if (!(symbol instanceof MethodSymbol method) || !isDeclaredHere(method)) {
      return false;
    }
    if (factoryMethods == null) {
      factoryMethods = new HashMap<>();
    }
    Boolean known = factoryMethods.get(method);
    if (known != null) {
      return known;
    }
    factoryMethods.put(method, false); // recursion guard
    boolean factory = false;
    Body body = methodBodies.get(method);
    if (body != null && sdk.isClientType(method.getReturnType())) {
      List<ExpressionTree> returned = returnedExpressions(method);
      factory = !returned.isEmpty();
      for (ExpressionTree value : returned) {
        factory &= isNewClient(value);
      }
    }
    factoryMethods.put(method, factory);
    return factory;
  }

  /**
   * A same-class factory method that also opens what it returns ({@code DeviceClient c = new ...; c.open(); return
   * c;}): whoever stores its result holds an open client.
   */
  boolean returnsOpenedClient(@Nullable Symbol symbol) {
    if (!isFactoryMethod(symbol)) {
      return false;
    }
    Body body = methodBodies.get((MethodSymbol) symbol);
    for (ExpressionTree value : returnedExpressions((MethodSymbol) symbol)) {
      ClientRef returned = ClientRef.of(value);
      boolean opened = false;
      for (ConnectionCall call : callsIn(body)) {
        opened |= call.isOpen() && returned != null && returned.equals(call.client());
      }
      if (!opened) {
        return false;
      }
    }
    return true;
  }

  /** The expressions a same-class method returns (not those of lambdas or classes inside it). */
  List<ExpressionTree> returnedExpressions(MethodSymbol method) {
    return returnedByMethod.computeIfAbsent(
        method,
        m -> {
          Body body = methodBodies.get(m);
          if (body == null || !(body.tree() instanceof MethodTree methodTree) || methodTree.getBody() == null) {
            return List.of();
          }
          List<ExpressionTree> returned = new ArrayList<>();
          new SameBodyScanner() {
            @Override
            public Void visitReturn(ReturnTree tree, Void unused) {
              if (tree.getExpression() != null) {
                returned.add(tree.getExpression());
              }
              return null;
            }
          }.scan(methodTree.getBody(), null);
          return returned;
        });
  }

  /**
   * A constructor, SDK factory, same-class factory method, a choice between two of these, or a local initialized with
   * one of these.
   */
  public boolean isNewClient(@Nullable ExpressionTree expression) {
    if (expression == null) {
      return false;
    }
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    if (sdk.isClientCreation(tree)) {
      return true;
    }
    if (tree instanceof MethodInvocationTree call) {
      return isFactoryMethod(ASTHelpers.getSymbol(call));
    }
    if (tree instanceof ConditionalExpressionTree conditional) {
      // useWebSockets ? new DeviceClient(cs, MQTT_WS) : new DeviceClient(cs, MQTT)
      return isNewClient(conditional.getTrueExpression()) && isNewClient(conditional.getFalseExpression());
    }
    if (tree instanceof IdentifierTree
        && ASTHelpers.getSymbol(tree) instanceof VarSymbol local
        && local.getKind() != ElementKind.FIELD) {
      ExpressionTree initializer = finalLocalInitializer(local);
      return initializer != null && initializer != expression && isNewClient(initializer);
    }
    return false;
  }

  /** What calling this same-class method closes (transitively through the methods it calls). */
  ClientEffects closingEffects(MethodSymbol method) {
    return effects(method, true, closingEffects);
  }

  /** What calling this same-class method opens (transitively), e.g. an openQuietly(client) helper. */
  ClientEffects openingEffects(MethodSymbol method) {
    return effects(method, false, openingEffects);
  }

  /**
   * Depth first over the synchronous calls, callees before callers, with an explicit stack: a call chain as long as
   * the program's costs heap, not stack. A method still being computed (a recursive cycle) counts as having no
   * effect for the callers inside the cycle.
   */
  private ClientEffects effects(MethodSymbol method, boolean closes, Map<MethodSymbol, ClientEffects> cache) {
    ClientEffects cached = cache.get(method);
    if (cached != null) {
      return cached;
    }
    Deque<EffectsFrame> stack = new ArrayDeque<>();
    cache.put(method, ClientEffects.NONE); // in progress
    stack.push(new EffectsFrame(method, methodBodies.get(method)));
    while (!stack.isEmpty()) {
      EffectsFrame frame = stack.peek();
      MethodSymbol callee = frame.nextUnvisitedCallee(cache);
      if (callee != null) {
        cache.put(callee, ClientEffects.NONE); // in progress
        stack.push(new EffectsFrame(callee, methodBodies.get(callee)));
        continue;
      }
      stack.pop();
      if (frame.body() != null) {
        cache.put(frame.method(), ownEffects(frame.method(), frame.body(), closes, cache));
      }
    }
    return cache.get(method);
  }

  /** One method on the stack of {@link #effects}: the synchronous calls of its body not yet looked at. */
  private static final class EffectsFrame {
    private final MethodSymbol method;
    private final @Nullable Body body;
    private final Iterator<Body.Edge> edges;

    EffectsFrame(MethodSymbol method, @Nullable Body body) {
      this.method = method;
      this.body = body;
      this.edges = body == null ? Collections.<Body.Edge>emptyIterator() : body.outgoing().iterator();
    }

    MethodSymbol method() {
      return method;
    }

    @Nullable Body body() {
      return body;
    }

    @Nullable MethodSymbol nextUnvisitedCallee(Map<MethodSymbol, ClientEffects> cache) {
      while (edges.hasNext()) {
        Body.Edge edge = edges.next();
        if (isEffectEdge(edge) && !cache.containsKey(edge.to().method())) {
          return edge.to().method();
        }
      }
      return null;
    }
  }

  private static boolean isEffectEdge(Body.Edge edge) {
    return edge.kind() == Body.EdgeKind.SYNC
        && edge.to().method() != null
        && edge.site().getLeaf() instanceof MethodInvocationTree;
  }

  /** What {@code body} does itself and through its callees, whose effects are in {@code cache} already. */
  private ClientEffects ownEffects(
      MethodSymbol method, Body body, boolean closes, Map<MethodSymbol, ClientEffects> cache) {
    Set<ClientRef> fieldsAffected = new LinkedHashSet<>();
    Set<Integer> parametersAffected = new LinkedHashSet<>();
    List<VarSymbol> parameters = method.getParameters();
    for (ConnectionCall call : callsIn(body)) {
      if (call.op().closes() != closes || call.client() == null) {
        continue;
      }
      if (closes && call.client().isOwnField() && assignedAfter(call.client().variable(), body, call.tree())) {
        continue; // active.close(); ... active = next;  the caller's active is not the closed client
      }
      if (call.client().isOwnField() || call.client().isThis()) {
        fieldsAffected.add(call.client());
      } else if (call.client().variable() != null && parameters.contains(call.client().variable())) {
        parametersAffected.add(parameters.indexOf(call.client().variable()));
      }
    }
    for (Body.Edge edge : body.outgoing()) {
      if (isEffectEdge(edge)) {
        MethodInvocationTree call = (MethodInvocationTree) edge.site().getLeaf();
        ClientEffects callee = cache.get(edge.to().method());
        if (ASTHelpers.getReceiver(call) == null || isThisReference(ASTHelpers.getReceiver(call))) {
          fieldsAffected.addAll(callee.fields());
        }
        for (int index : callee.parameters()) {
          if (index < call.getArguments().size()) {
            ClientRef argument = ClientRef.of(call.getArguments().get(index));
            if (argument != null && argument.variable() != null && parameters.contains(argument.variable())) {
              parametersAffected.add(parameters.indexOf(argument.variable()));
            } else if (argument != null && argument.isOwnField()) {
              fieldsAffected.add(argument);
            }
          }
        }
      }
    }
    if (closes && body.tree() instanceof MethodTree methodTree && methodTree.getBody() != null) {
      // a close on some paths only (inside an if) does not close the client for the caller
      fieldsAffected.removeIf(field -> !dominance.closesOnCompletion(methodTree.getBody(), field));
      parametersAffected.removeIf(
          index -> !dominance.closesOnCompletion(methodTree.getBody(), ClientRef.ofVariable(parameters.get(index))));
    }
    return new ClientEffects(Set.copyOf(fieldsAffected), Set.copyOf(parametersAffected));
  }

  /** Whether the field's declaration has an initializer. */
  boolean isInitializedAtDeclaration(VarSymbol field) {
    if (initializedFields == null) {
      Set<VarSymbol> initialized = new HashSet<>();
      for (FieldWrite write : fieldWrites) {
        if (write.path().getLeaf() instanceof VariableTree) {
          initialized.add(write.field());
        }
      }
      initializedFields = initialized;
    }
    return initializedFields.contains(field);
  }

  private @Nullable Set<VarSymbol> initializedFields;

  /** Every value stored in a field of the visible classes: its initializer and its assignments. */
  List<ExpressionTree> valuesStoredIn(VarSymbol field) {
    if (valuesByField == null) {
      Map<VarSymbol, List<ExpressionTree>> byField = new HashMap<>();
      for (FieldWrite write : fieldWrites) {
        if (write.value() != null) {
          byField.computeIfAbsent(write.field(), k -> new ArrayList<>()).add(write.value());
        }
      }
      valuesByField = byField;
    }
    return valuesByField.getOrDefault(field, List.of());
  }

  private @Nullable Map<VarSymbol, List<ExpressionTree>> valuesByField;

  /** Whether {@code body} assigns {@code field} somewhere after {@code point}. */
  private boolean assignedAfter(VarSymbol field, Body body, Tree point) {
    int after = ASTHelpers.getStartPosition(point);
    for (FieldWrite write : fieldWritesByBody().getOrDefault(body, List.of())) {
      if (write.field().equals(field) && ASTHelpers.getStartPosition(write.path().getLeaf()) > after) {
        return true;
      }
    }
    return false;
  }

  private @Nullable Map<Body, List<FieldWrite>> fieldWritesByBody;

  private Map<Body, List<FieldWrite>> fieldWritesByBody() {
    if (fieldWritesByBody == null) {
      Map<Body, List<FieldWrite>> byBody = new HashMap<>();
      for (FieldWrite write : fieldWrites) {
        byBody.computeIfAbsent(write.body(), k -> new ArrayList<>()).add(write);
      }
      fieldWritesByBody = byBody;
    }
    return fieldWritesByBody;
  }

  /** The clients a call of a same-class method opens: own fields it opens, and the arguments it opens. */
  Set<ClientRef> openedByCall(MethodInvocationTree call) {
    return affectedByCall(call, false);
  }

  /**
   * {@code link.open()} on a client (an SDK subclass or a configured wrapper) from outside the client itself: the
   * call is the connection operation, reported where it stands; how the client implements it is not followed. A
   * client's own code calling {@code open()} on itself is followed.
   */
  private boolean isClientOperationFromOutside(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return sdk.connectionOp(call) != null && receiver != null && !isThisReference(receiver)
        && !isSuperReference(receiver);
  }

  /** {@code this} or {@code Outer.this}. */
  private static boolean isThisReference(@Nullable ExpressionTree tree) {
    return (tree instanceof IdentifierTree identifier && identifier.getName().contentEquals("this"))
        || (tree instanceof MemberSelectTree member && member.getIdentifier().contentEquals("this"));
  }

  /** {@code super} or {@code Outer.super}: the call runs exactly the method it names. */
  private static boolean isSuperReference(ExpressionTree tree) {
    return (tree instanceof IdentifierTree identifier && identifier.getName().contentEquals("super"))
        || (tree instanceof MemberSelectTree member && member.getIdentifier().contentEquals("super"));
  }

  /** {@code for (DeviceClient c : clients)} or {@code clients.forEach(c -> ...)}: c is an element of clients. */
  private void noteElementVariable(@Nullable Symbol variable, ExpressionTree collection) {
    ClientRef holder = collectionRef(collection);
    if (variable instanceof VarSymbol element && holder != null && sdk.isClientType(element.type)) {
      elementVariables.put(element, holder);
    }
  }

  /** {@code clients.add(client)}, {@code clients.put(id, client)}: the collection holds that client. */
  private void noteClientStoredInCollection(MethodInvocationTree call) {
    String name = IotHubSdk.methodName(call);
    if (!(name.equals("add") || name.equals("put") || name.equals("offer") || name.equals("addLast")
            || name.equals("putIfAbsent"))
        || call.getArguments().isEmpty()) {
      return;
    }
    ExpressionTree value = call.getArguments().get(call.getArguments().size() - 1);
    ClientRef client = ClientRef.of(value);
    ClientRef holder = collectionRef(ASTHelpers.getReceiver(call));
    if (client != null && holder != null && sdk.isClientType(ASTHelpers.getType(value))) {
      collectionsHolding.computeIfAbsent(client, k -> new LinkedHashSet<>()).add(holder);
    }
  }

  /** The collection an expression iterates: {@code clients} for {@code clients}, {@code clients.values()}... */
  private static @Nullable ClientRef collectionRef(@Nullable ExpressionTree expression) {
    ExpressionTree tree = expression == null ? null : IotHubSdk.stripParenthesesAndCasts(expression);
    while (tree instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && Set.of("values", "stream", "parallelStream", "iterator").contains(IotHubSdk.methodName(call))
        && ASTHelpers.getReceiver(call) != null) {
      tree = IotHubSdk.stripParenthesesAndCasts(ASTHelpers.getReceiver(call));
    }
    return tree == null ? null : ClientRef.of(tree);
  }

  /** The collection {@code lambda} is given to element by element: {@code clients} in {@code clients.forEach(...)}. */
  private static @Nullable ExpressionTree forEachReceiver(TreePath lambda) {
    TreePath argument = IotHubSdk.withEnclosingParentheses(lambda);
    return argument.getParentPath() != null
            && argument.getParentPath().getLeaf() instanceof MethodInvocationTree call
            && IotHubSdk.methodName(call).equals("forEach")
            && call.getArguments().contains(argument.getLeaf())
        ? ASTHelpers.getReceiver(call)
        : null;
  }

  /**
   * What a client expression may stand for besides itself: an element of each collection it is read from or stored
   * in ({@code for (DeviceClient c : clients)}, {@code clients.get(id)}, {@code clients.put(id, client)}). Two
   * client references whose sets meet may be the same client.
   */
  Set<Object> identities(ClientRef client) {
    Set<Object> identities = new LinkedHashSet<>();
    identities.add(client);
    VarSymbol variable = client.isLocal() ? client.variable() : null;
    ClientRef from = variable == null ? null : elementVariables.get(variable);
    if (from == null && variable != null) {
      ExpressionTree initializer = finalLocalInitializer(variable);
      if (IotHubSdk.stripParenthesesAndCasts(initializer) instanceof MethodInvocationTree lookup
          && Set.of("get", "remove", "poll", "getOrDefault").contains(IotHubSdk.methodName(lookup))) {
        from = collectionRef(ASTHelpers.getReceiver(lookup));
      }
    }
    if (from != null) {
      identities.add(new ElementOf(from));
    }
    for (ClientRef holder : collectionsHolding.getOrDefault(client, Set.of())) {
      identities.add(new ElementOf(holder));
    }
    return identities;
  }

  /** An element of a collection of clients, as an identity (see {@link #identities}). */
  private record ElementOf(ClientRef collection) {}

  /** Method references to a client's close, run on every element they are given. */
  List<TreePath> closeReferences() {
    return closeReferences;
  }

  /** The collection a {@code forEach(DeviceClient::close)} closes the elements of, or null. */
  @Nullable Object closedCollection(TreePath closeReference) {
    TreePath argument = IotHubSdk.withEnclosingParentheses(closeReference);
    if (argument.getParentPath() != null
        && argument.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && IotHubSdk.methodName(call).equals("forEach")) {
      ClientRef holder = collectionRef(ASTHelpers.getReceiver(call));
      return holder == null ? null : new ElementOf(holder);
    }
    return null;
  }

  /** Class annotations by which a dependency-injection container creates the class (any vendor's package). */
  private static final Set<String> INJECTION_ANNOTATIONS =
      Set.of("Component", "Service", "Repository", "Configuration", "Singleton", "ApplicationScoped");

  /** Method annotations whose method's result a container registers as a bean. */
  private static final Set<String> PRODUCER_ANNOTATIONS = Set.of("Bean", "Provides");

  private static boolean isInjected(ModifiersTree modifiers) {
    return hasAnnotationNamed(modifiers, INJECTION_ANNOTATIONS);
  }

  private static boolean hasAnnotationNamed(ModifiersTree modifiers, Set<String> simpleNames) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      Tree type = annotation.getAnnotationType();
      String name =
          type instanceof MemberSelectTree member ? member.getIdentifier().toString() : type.toString();
      if (simpleNames.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code client.setConnectionStatusChangeCallback(watcher, ctx)} with an object of a class of the compilation
   * (often {@code this}): that class's status callback is registered on {@code client}.
   */
  private void noteRegistration(TreePath path) {
    MethodInvocationTree call = (MethodInvocationTree) path.getLeaf();
    if (!IotHubSdk.STATUS_CALLBACK_REGISTRATION.matches(call, state) || call.getArguments().isEmpty()) {
      return;
    }
    ExpressionTree callback = IotHubSdk.stripParenthesesAndCasts(call.getArguments().get(0));
    if (callback.getKind() == Tree.Kind.NULL_LITERAL) {
      deregistrations.add(path); // setConnectionStatusChangeCallback(null, null): the callback is removed
      return;
    }
    if (callback instanceof LambdaExpressionTree
        || callback instanceof MemberReferenceTree
        || (callback instanceof NewClassTree newClass && newClass.getClassBody() != null)) {
      return; // registered where it is written
    }
    Type type = ASTHelpers.getType(callback);
    if (type != null && type.tsym instanceof ClassSymbol callbackClass && isDeclaredHere(callbackClass)) {
      pendingRegistrations.add(new PendingRegistration(callbackClass, ClientRef.receiverOf(call)));
    }
  }

  /**
   * Where {@code body} closes {@code client}: its close() and closeNow() calls, and calls of same-class methods that
   * close it (e.g. a closeQuietly helper), as paths.
   */
  List<TreePath> closeSites(Body body, ClientRef client) {
    List<TreePath> sites = new ArrayList<>();
    for (ConnectionCall call : callsIn(body)) {
      if (call.op().closes() && client.equals(call.client())) {
        sites.add(call.path());
      }
    }
    for (Body.Edge edge : body.outgoing()) {
      if (edge.kind() == Body.EdgeKind.SYNC
          && edge.site().getLeaf() instanceof MethodInvocationTree call
          && closedByCall(call).contains(client)) {
        sites.add(edge.site());
      }
    }
    return sites;
  }

  /** The clients a statement closes when it is a call of a same-class method (e.g. a closeQuietly helper). */
  Set<ClientRef> closedByCall(MethodInvocationTree call) {
    return affectedByCall(call, true);
  }

  /**
   * What a call closes (or opens) through the bodies it runs: each target's own fields, read through the call's
   * receiver ({@code device.reconnect()} touches {@code device.client}), and the arguments it closes.
   */
  private Set<ClientRef> affectedByCall(MethodInvocationTree call, boolean closes) {
    Set<ClientRef> affected = new LinkedHashSet<>();
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    ClientRef through = receiver == null || isThisReference(receiver) ? null : ClientRef.of(receiver);
    for (Body.Edge edge : edgesBySite.getOrDefault(call, List.of())) {
      MethodSymbol method = edge.to().method();
      if (edge.kind() != Body.EdgeKind.SYNC || method == null) {
        continue;
      }
      ClientEffects effects = closes ? closingEffects(method) : openingEffects(method);
      if (receiver == null || isThisReference(receiver)) {
        affected.addAll(effects.fields());
      } else if (through != null) {
        for (ClientRef field : effects.fields()) {
          affected.add(through.then(field));
        }
      }
      for (int index : effects.parameters()) {
        if (index < call.getArguments().size()) {
          ClientRef argument = ClientRef.of(call.getArguments().get(index));
          if (argument != null) {
            affected.add(argument);
          }
        }
      }
    }
    return affected;
  }

  /** Client-typed fields visible by simple name at a local declaration in this class. */
  @Nullable VarSymbol shadowedClientField(VarSymbol local, TreePath declaration) {
    for (TreePath current = declaration; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof ClassTree classTree) {
        ClassSymbol owner = ASTHelpers.getSymbol(classTree);
        for (VarSymbol field : fields) {
          if (field.owner.equals(owner)
              && field.getSimpleName().equals(local.getSimpleName())
              && sdk.isClientType(field.type)) {
            return field;
          }
        }
      }
    }
    return null;
  }

  /** Whether a statement (or expression) lies inside {@code ancestor}, both in the same body. */
  static boolean isWithin(TreePath path, Tree ancestor) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() == ancestor) {
        return true;
      }
    }
    return false;
  }
}
