package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Everything the checks need to know about the classes they can see (the whole compilation, or one unit: see
 * {@link VisibleClasses}), computed once. A facade over parts built in dependency order, each from finished parts
 * only: {@link ClassScan} (the one walk: bodies, connection calls, loops, {@code try} statements, stores, field writes,
 * locals, clients in collections), then {@link CallGraph} (the scan's pending links resolved into edges), then the
 * facts read off them: {@link Regions} (status region, reach), {@link TrackedState} (the fields the status callback
 * keeps), {@link ClientCreations} (what creates a client). It knows none of the analyses built on it: {@link
 * Analyses} makes those ({@link PathFacts}, {@link MethodEffects}, {@link Conditions}, {@link Retries}) from the
 * finished model.
 *
 * <p>Built only when a compilation unit can use a client (see {@link LinkGuardContext}); everything derived is
 * computed lazily and memoized in the part that owns it, so that each check's per-node query is a lookup. Cost: see
 * each part; together, for n trees and c calls, the scan is O(n) and the call graph O(c) edges. Lists of statements
 * and cases are indexed once per block ({@link #indexed}).
 */
public final class CompilationModel {
  /** A write to a field: an assignment, or {@code set(...)} on an AtomicBoolean field. */
  record FieldWrite(VarSymbol field, @Nullable ExpressionTree value, TreePath path, Body body) {}

  private final IotHubSdk sdk;
  private final VisitorState state;
  private final ClassScan scan;
  private final CallGraph graph;
  private final Regions regions;
  private final TrackedState trackedState;
  private final ClientCreations creations;
  private final Map<Tree, IndexedList<?>> indexedLists = new IdentityHashMap<>();

  private CompilationModel(IotHubSdk sdk, VisitorState state, List<TreePath> classes) {
    this.sdk = sdk;
    this.state = state;
    this.scan = new ClassScan(sdk, state, classes);
    this.graph = new CallGraph(sdk, state, scan);
    this.regions = new Regions(scan.bodies().values(), scan.connectionCalls);
    this.trackedState = new TrackedState(sdk, scan.fieldWrites, regions, scan.bodies().values());
    this.creations = new ClientCreations(sdk, scan, graph);
  }

  /** The model of {@code classes}. */
  static CompilationModel build(IotHubSdk sdk, VisitorState state, List<TreePath> classes) {
    return new CompilationModel(sdk, state, classes);
  }

  public IotHubSdk sdk() {
    return sdk;
  }

  public VisitorState state() {
    return state;
  }

  /** The scan's records, for the analyses built on the model ({@link Analyses}). */
  ClassScan scan() {
    return scan;
  }

  CallGraph graph() {
    return graph;
  }

  // ====================================================================== what the scan recorded

  public List<ConnectionCall> connectionCalls() {
    return scan.connectionCalls.all();
  }

  public @Nullable ConnectionCall connectionCall(MethodInvocationTree tree) {
    return scan.connectionCalls.of(tree);
  }

  List<ConnectionCall> callsIn(Body body) {
    return scan.connectionCalls.in(body);
  }

  /** The bodies that hold an open() call, in scan order. */
  Set<Body> bodiesWithAnOpen() {
    return scan.connectionCalls.bodiesWithAnOpen();
  }

  /** The open() calls on {@code client} anywhere in the compilation, in scan order. */
  List<ConnectionCall> opensOf(@Nullable ClientRef client) {
    return scan.connectionCalls.opensOf(client);
  }

  public Collection<Body> bodies() {
    return scan.bodies().values();
  }

  public @Nullable Body bodyOf(MethodSymbol method) {
    return scan.methodBodies().get(method);
  }

  /** The body a path runs in: the innermost method, lambda or class initializer around it. */
  public @Nullable Body bodyAt(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return scan.bodies().get(leaf);
      }
    }
    return null;
  }

  /** Calls that remove a status callback: {@code setConnectionStatusChangeCallback(null, ...)}. */
  List<TreePath> deregistrations() {
    return scan.deregistrations();
  }

  /** Calls that register a status callback (not null); a removal is no longer in effect after one. */
  List<TreePath> registrations() {
    return scan.registrations();
  }

  List<TreePath> loops() {
    return scan.loops();
  }

  List<TreePath> tryStatements() {
    return scan.tryStatements();
  }

  List<TreePath> clientValuedStores() {
    return scan.clientValuedStores();
  }

  /** The calls that may store a value over the one a map's key holds, in scan order. */
  List<TreePath> mapStores() {
    return scan.mapStores.calls();
  }

  /** The kind of a map store {@link #mapStores} holds, or null for any other tree. */
  @Nullable MapStoreKind mapStoreKind(Tree call) {
    return scan.mapStores.recordedKindOf(call);
  }

  /** The constructor and method calls of {@code body} whose value is a client, in source order. */
  List<TreePath> clientValuedCallsIn(Body body) {
    return scan.clientValuedCallsIn(body);
  }

  List<TreePath> clientLocals() {
    return scan.clientLocals();
  }

  List<VarSymbol> fields() {
    return scan.fields();
  }

  /** The client an effectively final local was initialized from ({@code DeviceClient old = client;}), or null. */
  @Nullable ClientRef aliasedClient(ClientRef local) {
    return scan.locals.aliasedClient(local);
  }

  /** The initializer of an effectively final local variable, or null. */
  @Nullable ExpressionTree finalLocalInitializer(VarSymbol local) {
    return scan.locals.finalInitializer(local);
  }

  /** Whether a local or parameter is written after its declaration. */
  boolean isReassigned(VarSymbol local) {
    return scan.locals.isReassigned(local);
  }

  /** Whether the field's declaration has an initializer. */
  boolean isInitializedAtDeclaration(VarSymbol field) {
    return scan.fieldWrites.isInitializedAtDeclaration(field);
  }

  /** Every value stored in a field of the visible classes: its initializer and its assignments. */
  List<ExpressionTree> valuesStoredIn(VarSymbol field) {
    return scan.fieldWrites.valuesStoredIn(field);
  }

  /** Every write of a field of the visible classes: its initializer, its assignments and atomic sets. */
  List<FieldWrite> writesOf(VarSymbol field) {
    return scan.fieldWrites.writesOf(field);
  }

  /** What a client expression may stand for besides itself (see {@link ClientCollections#identities}). */
  Set<Object> identities(ClientRef client) {
    return scan.collections.identities(client);
  }

  /** See {@link ClientCollections#followStoredParameters}. */
  void followStoredParameters(Function<ClientRef, List<ClientRef>> passedFor) {
    scan.collections.followStoredParameters(passedFor);
  }

  /** Method references to a client's close, run on every element they are given. */
  List<TreePath> closeReferences() {
    return scan.collections.closeReferences();
  }

  /** The collection a {@code forEach(DeviceClient::close)} closes the elements of, or null. */
  @Nullable Object elementLookedUp(@Nullable ExpressionTree expression) {
    return scan.collections.elementLookedUp(expression);
  }

  @Nullable Object closedCollection(TreePath closeReference) {
    return scan.collections.closedCollection(closeReference);
  }

  /**
   * The client-typed field that a local declaration hides: one of an enclosing class, its own or inherited from a
   * superclass (a base class in another file: "a subclass inherits what its superclasses' code does"), the innermost
   * class first, as Java resolves the name.
   */
  @Nullable VarSymbol shadowedClientField(VarSymbol local, TreePath declaration) {
    for (TreePath current = declaration; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof ClassTree classTree) {
        ClassSymbol owner = ASTHelpers.getSymbol(classTree);
        for (VarSymbol field : scan.fields()) {
          if (field.owner.equals(owner)
              && field.getSimpleName().equals(local.getSimpleName())
              && sdk.isClientType(field.type)) {
            return field;
          }
        }
        VarSymbol inherited = owner == null ? null : inheritedClientField(owner, local.getSimpleName());
        if (inherited != null) {
          return inherited;
        }
      }
    }
    return null;
  }

  /** A client field named {@code name} that {@code type} inherits from a superclass (not a private one), or null. */
  private @Nullable VarSymbol inheritedClientField(ClassSymbol type, Name name) {
    for (Type superclass = state.getTypes().supertype(type.type);
        superclass != null && superclass.tsym instanceof ClassSymbol superSymbol;
        superclass = state.getTypes().supertype(superclass)) {
      for (Symbol member : superSymbol.members().getSymbolsByName(name)) {
        if (member instanceof VarSymbol field
            && field.getKind() == ElementKind.FIELD
            && (field.flags() & Flags.PRIVATE) == 0
            && sdk.isClientType(field.type)) {
          return field;
        }
      }
    }
    return null;
  }

  // ====================================================================== regions

  /** Bodies that run synchronously on the thread delivering a status callback. */
  public Set<Body> statusRegion() {
    return regions.statusRegion();
  }

  /** The status callback whose thread runs {@code body} synchronously, the first in source order; or null. */
  @Nullable Body statusOrigin(Body body) {
    return regions.statusOrigin(body);
  }

  /** Every body reached from a status callback along edges that {@code follows} accepts, with its first callback. */
  Map<Body, Body> reachedFromStatusCallbacks(Predicate<Body.Edge> follows) {
    return regions.reachedFromStatusCallbacks(follows);
  }

  static Set<Body> closure(Set<Body> roots, Set<Body.EdgeKind> kinds) {
    return Regions.closure(roots, kinds);
  }

  /** The bodies that run synchronously when {@code body} runs, itself included. Memoized. */
  Set<Body> syncReachable(Body body) {
    return regions.syncReachable(body);
  }

  /** The bodies that {@code body} runs or hands off, directly or transitively, itself included. Memoized. */
  Set<Body> reachable(Body body) {
    return regions.reachable(body);
  }

  /** Whether an open() runs synchronously when {@code body} runs (in it or in code it calls): a set lookup. */
  boolean syncReachesAnOpen(Body body) {
    return regions.syncReachesAnOpen(body);
  }

  /** Whether an open() runs when {@code body} runs, synchronously or handed off (in it or in code it reaches). */
  boolean reachesAnOpen(Body body) {
    return regions.reachesAnOpen(body);
  }

  /** Every open() that runs synchronously when {@code body} runs (in it or in same-class methods it calls). */
  Set<ConnectionCall> syncReachableOpens(Body body) {
    return regions.syncReachableOpens(body);
  }

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

  // ====================================================================== tracked state

  public boolean isTracked(VarSymbol field) {
    return trackedState.isTracked(field);
  }

  List<FieldWrite> trackedWrites(VarSymbol field) {
    return trackedState.trackedWrites(field);
  }

  /** The IotHubConnectionStatus field the status callback of {@code client} assigns, for fixes; or null. */
  public @Nullable VarSymbol trackedStatusField(@Nullable ClientRef client, ClassSymbol topLevel) {
    return trackedState.trackedStatusField(client, topLevel);
  }

  // ====================================================================== client creations and method effects

  /** A same-class method whose every return value is a new client. */
  public boolean isFactoryMethod(@Nullable Symbol symbol) {
    return creations.isFactoryMethod(symbol);
  }

  /** A same-class factory method that also opens what it returns: whoever stores its result holds an open client. */
  boolean returnsOpenedClient(@Nullable Symbol symbol) {
    return creations.returnsOpenedClient(symbol);
  }

  /** The expressions a same-class method returns (not those of lambdas or classes inside it). */
  List<ExpressionTree> returnedExpressions(MethodSymbol method) {
    return creations.returnedExpressions(method);
  }

  /** A client constructor, SDK or same-class factory, a choice between two, or a local initialized with one. */
  public boolean isNewClient(@Nullable ExpressionTree expression) {
    return creations.isNewClient(expression);
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
