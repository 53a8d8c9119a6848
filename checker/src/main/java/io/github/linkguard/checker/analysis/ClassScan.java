package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
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
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Name;
import org.jspecify.annotations.Nullable;

/**
 * The one walk over the visible classes (the whole compilation, or one unit: see {@link VisibleClasses}): the code
 * bodies (methods, lambdas, class initializers), each marked as a callback or hand-off where its declaration says
 * so, and what the checks look up later: connection calls, loops, {@code try} statements, client-valued stores, map
 * stores ({@link MapStores}), client locals, fields and their writes, local initializers, clients in collections, and
 * the links between bodies that {@link CallGraph} resolves once every method is known ({@link PendingLinks}).
 *
 * <p>Cost: one walk over the n trees, O(n); per tree constant work, plus one pass over a call's arguments and, for a
 * function value, a climb through the parentheses and casts around it. Whether a class implements an SDK callback is
 * decided once per class.
 */
final class ClassScan {
  private final IotHubSdk sdk;
  private final VisitorState state;
  private final Map<Tree, Body> bodies = new LinkedHashMap<>();
  private final Map<MethodSymbol, Body> methodBodies = new HashMap<>();
  private final List<TreePath> loops = new ArrayList<>();
  private final List<TreePath> tryStatements = new ArrayList<>();
  private final List<TreePath> clientValuedStores = new ArrayList<>();
  private final List<TreePath> clientLocals = new ArrayList<>();
  private final List<TreePath> deregistrations = new ArrayList<>();
  private final List<TreePath> registrations = new ArrayList<>();
  private final List<VarSymbol> fields = new ArrayList<>();
  private final Map<Body, List<TreePath>> clientValuedCalls = new HashMap<>();
  private final Set<ClassSymbol> visibleClasses = new HashSet<>();
  /** The @Bean/@Provides methods: the classes of what they return count as instantiated once their bodies exist. */
  private final List<MethodSymbol> producers = new ArrayList<>();
  /** Per class: whether it implements an SDK callback interface, so that its methods may be callback code. */
  private final Map<ClassSymbol, Boolean> implementsSdkCallback = new HashMap<>();
  final ConnectionCalls connectionCalls = new ConnectionCalls();
  final MapStores mapStores;
  final LocalVariables locals = new LocalVariables();
  final FieldWrites fieldWrites;
  final ClientCollections collections;
  final PendingLinks links;
  // Names asked of every method, call or method reference: compared as javac's interned names, so that no test
  // decodes a name into a String.
  private final Name run;
  private final Set<Name> injectionAnnotations;
  private final Set<Name> producerAnnotations;
  /** Whether each annotation type met on a class carries a container's marker (see {@link #isInjected}). */
  private final Map<ClassSymbol, Boolean> injectingAnnotations = new HashMap<>();

  ClassScan(IotHubSdk sdk, VisitorState state, List<TreePath> classes) {
    this.sdk = sdk;
    this.state = state;
    this.run = state.getName("run");
    this.injectionAnnotations = interned(INJECTION_ANNOTATIONS, state);
    this.producerAnnotations = interned(PRODUCER_ANNOTATIONS, state);
    this.mapStores = new MapStores(sdk, state);
    this.fieldWrites = new FieldWrites(sdk, state.getNames());
    this.collections = new ClientCollections(sdk, locals, state.getNames());
    this.links = new PendingLinks(sdk, visibleClasses);
    for (TreePath classPath : classes) {
      ClassSymbol symbol = ASTHelpers.getSymbol((ClassTree) classPath.getLeaf());
      if (symbol != null) {
        visibleClasses.add(symbol);
      }
    }
    Scanner scanner = new Scanner();
    for (TreePath classPath : classes) {
      scanner.scan(classPath, null);
    }
    // LinkRecovery recovery(HttpRecovery injected) { return injected; }: the container made what is returned
    for (MethodSymbol producer : producers) {
      Body body = methodBodies.get(producer);
      for (ExpressionTree returned : body == null ? List.<ExpressionTree>of() : body.returnedExpressions()) {
        if (ASTHelpers.getType(returned) != null && ASTHelpers.getType(returned).tsym instanceof ClassSymbol type) {
          links.instantiated.add(type);
        }
      }
    }
  }

  /** Every body, in scan order, keyed by its MethodTree, LambdaExpressionTree or (initializers) ClassTree. */
  Map<Tree, Body> bodies() {
    return bodies;
  }

  Map<MethodSymbol, Body> methodBodies() {
    return methodBodies;
  }

  Set<ClassSymbol> visibleClasses() {
    return visibleClasses;
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

  List<TreePath> clientLocals() {
    return clientLocals;
  }

  /** Calls that remove a status callback: {@code setConnectionStatusChangeCallback(null, ...)}. */
  List<TreePath> deregistrations() {
    return deregistrations;
  }

  /** Calls that register a status callback: {@code setConnectionStatusChangeCallback(callback, ...)}, not null. */
  List<TreePath> registrations() {
    return registrations;
  }

  List<VarSymbol> fields() {
    return fields;
  }

  /**
   * The constructor and method calls of a body whose value is a client, in source order: every client creation is
   * one (see {@link ClientCreations#isNewClient}), so a question about a body's creations reads this list instead of
   * walking the body again.
   */
  List<TreePath> clientValuedCallsIn(Body body) {
    return clientValuedCalls.getOrDefault(body, List.of());
  }

  private void noteIfClientValued(ExpressionTree call, TreePath path, Body body) {
    if (sdk.isClientType(ASTHelpers.getType(call))) {
      clientValuedCalls.computeIfAbsent(body, unused -> new ArrayList<>()).add(path);
    }
  }

  private final class Scanner extends LazyPathScanner<Void, Body> {
    private final Map<ClassTree, Body> initializerBodies = new HashMap<>();

    @Override
    public Void visitClass(ClassTree tree, Body current) {
      ClassSymbol declared = ASTHelpers.getSymbol(tree);
      if (declared != null && (declared.getKind() == ElementKind.ENUM || isInjected(tree.getModifiers()))) {
        links.instantiated.add(declared); // enum constants, and beans a container creates
      }
      for (Tree member : tree.getMembers()) {
        if (member instanceof MethodTree method
            && hasAnnotationNamed(method.getModifiers(), producerAnnotations)
            && ASTHelpers.getSymbol(method) != null
            && ASTHelpers.getSymbol(method).getReturnType().tsym instanceof ClassSymbol produced) {
          links.instantiated.add(produced);
          producers.add(ASTHelpers.getSymbol(method));
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
      ExpressionTree iterated = ClientCollections.forEachReceiver(getCurrentPath());
      if (iterated != null && tree.getParameters().size() == 1) {
        collections.noteElementVariable(ASTHelpers.getSymbol(tree.getParameters().get(0)), iterated);
      }
      Body body = new Body(getCurrentPath(), null);
      bodies.put(tree, body);
      Type functionalType = ASTHelpers.getType(tree);
      if (sdk.isStatusCallbackType(functionalType)) {
        body.markRoot(Body.Root.STATUS_CALLBACK, CallbackParameters.of(tree.getParameters(), sdk));
        body.registeredOn(links.registrationClient(getCurrentPath()));
        links.noteStoredCallback(links.destinationOf(getCurrentPath()), new PendingLinks.StoredCallback(body, null));
      } else if (sdk.isOtherSdkCallbackType(functionalType)) {
        body.markRoot(Body.Root.SDK_CALLBACK, null);
      } else if (enclosing != null) {
        links.noteFunction(enclosing, getCurrentPath(), body);
      }
      scan(tree.getBody(), body);
      return null;
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Body enclosing) {
      if (ConnectionOp.isClientCloseReference(tree, sdk::isClientType)) {
        collections.noteCloseReference(getCurrentPath()); // clients.forEach(DeviceClient::close)
      }
      if (enclosing != null) {
        links.noteReference(tree, getCurrentPath(), enclosing);
      }
      return super.visitMemberReference(tree, enclosing);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Body current) {
      if (current != null) {
        ConnectionOp op = sdk.connectionOp(tree);
        if (op != null) {
          connectionCalls.add(
              new ConnectionCall(
                  tree,
                  getCurrentPath(),
                  op,
                  op == ConnectionOp.UNREGISTER
                      ? ClientRef.of(tree.getArguments().get(0))
                      : ClientRef.receiverOf(tree),
                  current));
        }
        links.noteCall(tree, getCurrentPath(), current);
        noteIfClientValued(tree, getCurrentPath(), current);
        if (links.isDeregistration(tree)) {
          deregistrations.add(getCurrentPath());
        } else if (links.isRegistration(tree)) {
          registrations.add(getCurrentPath());
        }
        collections.noteClientStoredInCollection(tree);
        Symbol symbol = ASTHelpers.getSymbol(tree);
        MapStoreKind mapStore = mapStores.kindOf(tree, symbol);
        if (mapStore != null) {
          mapStores.add(getCurrentPath(), mapStore);
        }
        fieldWrites.noteAtomicWrite(tree, symbol, getCurrentPath(), current);
      }
      return super.visitMethodInvocation(tree, current);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Body current) {
      if (current != null) {
        links.noteConstruction(tree, getCurrentPath(), current);
        noteIfClientValued(tree, getCurrentPath(), current);
      }
      return super.visitNewClass(tree, current);
    }

    @Override
    public Void visitVariable(VariableTree tree, Body current) {
      VarSymbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol != null && current != null && symbol.getKind() != ElementKind.FIELD) {
        if (tree.getInitializer() != null) {
          locals.initialized(symbol, tree.getInitializer());
        }
        if (sdk.isClientType(symbol.type)) {
          clientLocals.add(getCurrentPath());
        }
      }
      if (symbol != null && tree.getInitializer() != null && sdk.isClientType(symbol.type)) {
        clientValuedStores.add(getCurrentPath());
      }
      if (symbol != null && symbol.getKind() == ElementKind.FIELD && tree.getInitializer() != null
          && current != null) {
        fieldWrites.add(symbol, tree.getInitializer(), getCurrentPath(), current);
      }
      // Only the initializer can hold what the scan records: the modifiers and the type are annotations and names.
      return scan(tree.getInitializer(), current);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Body current) {
      Symbol target = ASTHelpers.getSymbol(tree.getVariable());
      if (target instanceof VarSymbol variable && current != null) {
        if (variable.getKind() == ElementKind.FIELD) {
          fieldWrites.add(variable, tree.getExpression(), getCurrentPath(), current);
        } else {
          locals.reassigned(variable);
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
        locals.reassigned(symbol);
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
      collections.noteElementVariable(ASTHelpers.getSymbol(tree.getVariable()), tree.getExpression());
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
        body.markRoot(Body.Root.STATUS_CALLBACK, CallbackParameters.of(tree.getParameters(), sdk));
      } else {
        body.markRoot(Body.Root.SDK_CALLBACK, null);
      }
    }
    if (symbol.getSimpleName() == run
        && symbol.getParameters().isEmpty()
        && sdk.isThreadEntryType(symbol.owner.type)) {
      body.markRoot(Body.Root.HAND_OFF, null);
    }
  }

  /** Class annotations by which a dependency-injection container creates the class (any vendor's package). */
  private static final List<String> INJECTION_ANNOTATIONS =
      List.of("Component", "Service", "Repository", "Configuration", "Singleton", "ApplicationScoped");

  /** Method annotations whose method's result a container registers as a bean. */
  private static final List<String> PRODUCER_ANNOTATIONS = List.of("Bean", "Provides");

  /** The names as javac interned them: asked of every annotation of every class and method, compared as names. */
  private static Set<Name> interned(List<String> names, VisitorState state) {
    Set<Name> interned = new HashSet<>();
    for (String name : names) {
      interned.add(state.getName(name));
    }
    return interned;
  }

  private boolean isInjected(ModifiersTree modifiers) {
    if (hasAnnotationNamed(modifiers, injectionAnnotations)) {
      return true;
    }
    // @RestController, @SpringBootApplication: a framework's stereotype, itself marked with one of the markers
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      if (ASTHelpers.getSymbol(annotation.getAnnotationType()) instanceof ClassSymbol type
          && injectingAnnotations.computeIfAbsent(type, t -> carriesInjectionMarker(t, MAX_MARKER_DEPTH))) {
        return true;
      }
    }
    return false;
  }

  /** How many annotations deep a marker is looked for: Spring's stereotypes carry {@code @Component} two deep. */
  private static final int MAX_MARKER_DEPTH = 3;

  /**
   * Whether an annotation type is marked, directly or through its own annotations, with a container's marker; a
   * marker whose class file is missing counts as absent.
   */
  private boolean carriesInjectionMarker(ClassSymbol annotationType, int depth) {
    try {
      for (Attribute.Compound meta : annotationType.getAnnotationMirrors()) {
        if (meta.type.tsym instanceof ClassSymbol metaType
            && metaType != annotationType // @Documented marks itself
            && (injectionAnnotations.contains(metaType.getSimpleName())
                || (depth > 1 && carriesInjectionMarker(metaType, depth - 1)))) {
          return true;
        }
      }
    } catch (CompletionFailure e) {
      return false;
    }
    return false;
  }

  private static boolean hasAnnotationNamed(ModifiersTree modifiers, Set<Name> simpleNames) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      Tree type = annotation.getAnnotationType();
      Name name =
          type instanceof MemberSelectTree member
              ? member.getIdentifier()
              : type instanceof IdentifierTree identifier ? identifier.getName() : null;
      if (name != null && simpleNames.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
