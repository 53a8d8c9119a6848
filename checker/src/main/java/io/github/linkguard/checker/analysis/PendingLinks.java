package io.github.linkguard.checker.analysis;

import static io.github.linkguard.checker.analysis.Receivers.isSuperReference;
import static io.github.linkguard.checker.analysis.Receivers.isThisReference;
import static io.github.linkguard.checker.analysis.Receivers.receiverOf;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What the scan finds that links one body to another, kept until {@link CallGraph} resolves it, because a method can
 * be referenced before it is declared: calls and constructor invocations of methods with source, function values and
 * where they go, task objects, anonymous classes, status callback registrations, the classes the compilation
 * instantiates, and the parameters forwarded or handed off.
 *
 * <p>Cost: constant per call, reference or creation, plus one pass over its arguments.
 */
final class PendingLinks {
  /**
   * A call or constructor invocation of {@code target}; {@code receiverType} and {@code onThis} decide which
   * overrides it can dispatch to.
   */
  record PendingEdge(
      Body from, MethodSymbol target, TreePath site, @Nullable Type receiverType, boolean onThis) {}

  /** A function value found in a body, whose edge kind is decided once every hand-off is known. */
  record PendingFunction(Body from, TreePath site, Destination destination, List<Body> targets) {}

  record PendingReference(
      MethodSymbol target, @Nullable Type functionalType, Body from, TreePath site, Destination destination,
      @Nullable ClientRef registeredOn, @Nullable Type qualifierType, boolean onThis) {}

  record PendingTask(ClassSymbol task, Body from, TreePath site, Destination destination) {}

  record AnonymousRole(
      boolean callbackOrThread, Body enclosing, TreePath site, Destination destination,
      @Nullable ClientRef registeredOn) {}

  /** {@code client.setConnectionStatusChangeCallback(watcher, ctx)} with an object of a class of the compilation. */
  record PendingRegistration(ClassSymbol callbackClass, @Nullable ClientRef client) {}

  /** A parameter passed on, unchanged, as an argument of a same-class call. */
  record Forward(VarSymbol parameter, MethodSymbol callee, int index) {}

  /**
   * {@code client.setConnectionStatusChangeCallback(watcher, ctx)} where {@code watcher} is a variable: the status
   * callbacks stored in that variable ({@link #storedCallbacks}) are registered on {@code client}.
   */
  record VariableRegistration(VarSymbol variable, @Nullable ClientRef client) {}

  /**
   * A status callback kept in a variable ({@code callback = ctx -> ...}, {@code watcher = new
   * IotHubConnectionStatusChangeCallback() {...}}, {@code cb = this::onStatus}): its body, or (anonymous class) the
   * class whose callback method it is.
   */
  record StoredCallback(@Nullable Body body, @Nullable ClassSymbol anonymousClass) {}

  /** {@code client.setConnectionStatusChangeCallback(watcher(id), ctx)}: what {@code factory} returns, on client. */
  record ReturnedRegistration(MethodSymbol factory, @Nullable ClientRef client) {}

  /** A variable passed to a hand-off API ({@code executor.execute(reconnect)}): where, and from which body. */
  record VariableHandOff(Body from, TreePath site) {}

  /**
   * A call of a library method on a field or local ({@code sink.accept(m)}, {@code transporter.send(m)} through a
   * plug-in interface from another jar): it reaches the implementations in the classes of the objects the code
   * itself stored in that variable.
   */
  record LibraryCall(Body from, MethodSymbol method, VarSymbol holder, TreePath site) {}

  /** An object created right in argument {@code index} of a call of a method of the compilation. */
  record CreatedArgument(MethodInvocationTree call, int index, NewClassTree creation) {}

  private final IotHubSdk sdk;
  private final Set<ClassSymbol> visibleClasses;
  final List<PendingEdge> edges = new ArrayList<>();
  /** The objects created in the arguments of {@link #edges}' calls, in the order of the edges and arguments. */
  final List<CreatedArgument> createdArguments = new ArrayList<>();
  final List<PendingReference> references = new ArrayList<>();
  final List<PendingFunction> functions = new ArrayList<>();
  final List<PendingTask> tasks = new ArrayList<>();
  final Set<VarSymbol> handedOffVariables = new HashSet<>();
  /** Where each handed-off variable is handed off: what it holds runs from there, not from where it was made. */
  final Map<VarSymbol, List<VariableHandOff>> variableHandOffs = new HashMap<>();
  final List<Forward> forwards = new ArrayList<>();
  final List<LibraryCall> libraryCalls = new ArrayList<>();
  final Map<ClassSymbol, AnonymousRole> anonymousRoles = new HashMap<>();
  final Set<ClassSymbol> instantiated = new LinkedHashSet<>();
  final List<PendingRegistration> registrations = new ArrayList<>();
  final List<VariableRegistration> variableRegistrations = new ArrayList<>();
  final Map<VarSymbol, List<StoredCallback>> storedCallbacks = new HashMap<>();
  /** The status callbacks each method of the compilation returns, for a registration that calls it. */
  final Map<MethodSymbol, List<StoredCallback>> returnedCallbacks = new HashMap<>();
  /** {@code client.setConnectionStatusChangeCallback(watcher(id), ctx)}: registrations of what a method returns. */
  final List<ReturnedRegistration> returnedRegistrations = new ArrayList<>();

  PendingLinks(IotHubSdk sdk, Set<ClassSymbol> visibleClasses) {
    this.sdk = sdk;
    this.visibleClasses = visibleClasses;
  }

  /** Whether the symbol's source is in a visible class: its body can be followed. */
  boolean isDeclaredHere(Symbol symbol) {
    ClassSymbol outermost = VisibleClasses.topLevelClass(symbol);
    return outermost != null && visibleClasses.contains(outermost);
  }

  /** Where the function value at {@code path} goes. */
  Destination destinationOf(TreePath path) {
    return Destination.of(path, sdk, this::isDeclaredHere);
  }

  /** A lambda that is neither a callback nor run in place by the SDK: run or handed off from {@code enclosing}. */
  void noteFunction(Body enclosing, TreePath lambda, Body body) {
    functions.add(new PendingFunction(enclosing, lambda, destinationOf(lambda), List.of(body)));
  }

  void noteReference(MemberReferenceTree tree, TreePath path, Body enclosing) {
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (symbol instanceof MethodSymbol method && isDeclaredHere(method)) {
      ExpressionTree qualifier = tree.getQualifierExpression();
      references.add(
          new PendingReference(
              method, ASTHelpers.getType(tree), enclosing, path, destinationOf(path), registrationClient(path),
              ASTHelpers.getType(qualifier), isThisReference(qualifier)));
    }
  }

  void noteCall(MethodInvocationTree tree, TreePath path, Body current) {
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (symbol instanceof MethodSymbol method
        && isDeclaredHere(method)
        && !isClientOperationFromOutside(tree)) {
      ExpressionTree receiver = receiverOf(tree);
      boolean viaSuper = receiver != null && isSuperReference(receiver);
      edges.add(
          new PendingEdge(
              current, method, path, viaSuper ? null : ASTHelpers.getReceiverType(tree),
              receiver == null || isThisReference(receiver)));
      noteForwardedParameters(method, tree.getArguments());
      noteCreatedArguments(tree);
    } else if (symbol instanceof MethodSymbol method && !method.isStatic() && !isDeclaredHere(method)) {
      noteLibraryCall(tree, path, current, method);
    }
    noteRegistration(path);
    if (sdk.isHandOff(tree)) {
      noteHandedOffArguments(tree.getArguments(), current, path);
    }
    noteThisAsTask(tree.getArguments(), current, path);
  }

  /**
   * {@code scheduler.schedule(this, 5, SECONDS)}, {@code new Thread(this)}: an object that passes itself on is a task
   * object like {@code new ReconnectTask()} in the same place; where it goes decides whether its run() runs there.
   */
  private void noteThisAsTask(List<? extends ExpressionTree> arguments, Body current, TreePath site) {
    for (ExpressionTree argument : arguments) {
      if (argument instanceof IdentifierTree self
          && Receivers.isThis(self.getName())
          && ASTHelpers.getType(self) != null
          && ASTHelpers.getType(self).tsym instanceof ClassSymbol task) {
        TreePath passed = new TreePath(site, argument);
        tasks.add(new PendingTask(task, current, passed, destinationOf(passed)));
      }
    }
  }

  /** The class a {@code new} creates: its anonymous class, or the named class; null when unattributed. */
  static @Nullable ClassSymbol classCreatedBy(NewClassTree tree) {
    return tree.getClassBody() != null
        ? ASTHelpers.getSymbol(tree.getClassBody())
        : ASTHelpers.getType(tree) != null && ASTHelpers.getType(tree).tsym instanceof ClassSymbol named ? named : null;
  }

  void noteConstruction(NewClassTree tree, TreePath path, Body current) {
    Symbol constructor = ASTHelpers.getSymbol(tree);
    ClassSymbol created = classCreatedBy(tree);
    if (created != null) {
      instantiated.add(created);
    }
    if (constructor instanceof MethodSymbol method && isDeclaredHere(method) && !sdk.isClientCreation(tree)) {
      edges.add(new PendingEdge(current, method, path, null, false));
      noteForwardedParameters(method, tree.getArguments());
      if (tree.getClassBody() == null && method.owner instanceof ClassSymbol task) {
        tasks.add(new PendingTask(task, current, path, destinationOf(path)));
      }
    }
    if (sdk.isHandOff(tree)) {
      noteHandedOffArguments(tree.getArguments(), current, path);
    }
    noteThisAsTask(tree.getArguments(), current, path);
    if (tree.getClassBody() != null) {
      ClassSymbol anonymous = ASTHelpers.getSymbol(tree.getClassBody());
      Type type = ASTHelpers.getType(tree);
      boolean callbackOrThread =
          sdk.isStatusCallbackType(type) || sdk.isOtherSdkCallbackType(type) || sdk.isThreadEntryType(type);
      if (anonymous != null) {
        Destination destination = destinationOf(path);
        anonymousRoles.put(
            anonymous, new AnonymousRole(callbackOrThread, current, path, destination, registrationClient(path)));
        if (sdk.isStatusCallbackType(type)) {
          noteStoredCallback(destination, new StoredCallback(null, anonymous));
        }
      }
    }
  }

  private void noteLibraryCall(MethodInvocationTree tree, TreePath path, Body current, MethodSymbol method) {
    ExpressionTree receiver = receiverOf(tree);
    // A final type (String, a boxed number) holds no object of the compilation: most library calls end here.
    if (receiver != null
        && ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(receiver)) instanceof VarSymbol holder
        && holder.getKind() != ElementKind.PARAMETER
        && holder.getKind() != ElementKind.EXCEPTION_PARAMETER
        && holder.type.tsym != null
        && (holder.type.tsym.flags() & Flags.FINAL) == 0
        && !sdk.isClientType(holder.type)) {
      libraryCalls.add(new LibraryCall(current, method, holder, path));
    }
  }

  private void noteHandedOffArguments(List<? extends ExpressionTree> arguments, Body current, TreePath site) {
    for (ExpressionTree argument : arguments) {
      for (VarSymbol variable : variablesNamedBy(argument)) {
        handedOffVariables.add(variable);
        variableHandOffs.computeIfAbsent(variable, k -> new ArrayList<>()).add(new VariableHandOff(current, site));
      }
    }
  }

  /**
   * The variables whose value an expression is: the variable it names, or those of either branch of a {@code ?:}
   * ({@code pool.execute(auto ? reopen : idle)}), through parentheses and casts.
   */
  static List<VarSymbol> variablesNamedBy(ExpressionTree expression) {
    List<VarSymbol> variables = new ArrayList<>(1);
    ArrayDeque<ExpressionTree> work = new ArrayDeque<>();
    work.add(expression);
    while (!work.isEmpty()) {
      ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(work.poll());
      if (stripped instanceof ConditionalExpressionTree choice) {
        work.add(choice.getTrueExpression());
        work.add(choice.getFalseExpression());
      } else if ((stripped instanceof IdentifierTree || stripped.getKind() == Tree.Kind.MEMBER_SELECT)
          && ASTHelpers.getSymbol(stripped) instanceof VarSymbol variable) {
        variables.add(variable);
      }
    }
    return variables;
  }

  /**
   * A value copied from one variable into another that is handed off ({@code Runnable next = reopen;
   * pool.execute(next)}) is handed off where the copy is: the variables a handed-off variable's {@code storedIn} values
   * name (a field's writes anywhere, an effectively final local's initializer) are handed off at the same sites. Run
   * once the scan is done, when it is known which locals are effectively final: a worklist over the variables, each
   * taken again only when it gains a site, so O(variables x sites) at worst.
   */
  void handOffCopiedVariables(Function<VarSymbol, List<? extends ExpressionTree>> storedIn) {
    ArrayDeque<VarSymbol> work = new ArrayDeque<>(handedOffVariables);
    // the sites each variable has, by identity: copies share the records, and a set keeps the check O(1)
    Map<VarSymbol, Set<VariableHandOff>> known = new HashMap<>();
    while (!work.isEmpty()) {
      VarSymbol copy = work.poll();
      List<VariableHandOff> sites = variableHandOffs.getOrDefault(copy, List.of());
      for (ExpressionTree value : storedIn.apply(copy)) {
        for (VarSymbol source : variablesNamedBy(value)) {
          List<VariableHandOff> sourceSites = variableHandOffs.computeIfAbsent(source, k -> new ArrayList<>());
          Set<VariableHandOff> sourceKnown =
              known.computeIfAbsent(
                  source,
                  k -> {
                    Set<VariableHandOff> identities = Collections.newSetFromMap(new IdentityHashMap<>());
                    identities.addAll(sourceSites);
                    return identities;
                  });
          boolean grew = handedOffVariables.add(source);
          for (VariableHandOff site : sites) {
            if (sourceKnown.add(site)) {
              sourceSites.add(site);
              grew = true;
            }
          }
          if (grew) {
            work.add(source);
          }
        }
      }
    }
  }

  private void noteCreatedArguments(MethodInvocationTree call) {
    int index = 0;
    for (ExpressionTree argument : call.getArguments()) {
      if (IotHubSdk.stripParenthesesAndCasts(argument) instanceof NewClassTree creation) {
        createdArguments.add(new CreatedArgument(call, index, creation));
      }
      index++;
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

  /**
   * {@code link.open()} on a client (an SDK subclass or a configured wrapper) from outside the client itself: the
   * call is the connection operation, reported where it stands; how the client implements it is not followed. A
   * client's own code calling {@code open()} on itself is followed.
   */
  private boolean isClientOperationFromOutside(MethodInvocationTree call) {
    ExpressionTree receiver = receiverOf(call);
    return sdk.connectionOp(call) != null && receiver != null && !isThisReference(receiver)
        && !isSuperReference(receiver);
  }

  /**
   * {@code client.setConnectionStatusChangeCallback(watcher, ctx)} with an object of a class of the compilation
   * (often {@code this}): that class's status callback is registered on {@code client}.
   */
  private void noteRegistration(TreePath path) {
    MethodInvocationTree call = (MethodInvocationTree) path.getLeaf();
    if (!isRegistration(call)) {
      return;
    }
    ExpressionTree callback = IotHubSdk.stripParenthesesAndCasts(call.getArguments().get(0));
    if (callback.getKind() == Tree.Kind.NULL_LITERAL
        || callback instanceof LambdaExpressionTree
        || callback instanceof MemberReferenceTree
        || (callback instanceof NewClassTree newClass && newClass.getClassBody() != null)) {
      return; // removed, or registered where it is written
    }
    Type type = ASTHelpers.getType(callback);
    if (type != null && type.tsym instanceof ClassSymbol callbackClass && isDeclaredHere(callbackClass)) {
      registrations.add(new PendingRegistration(callbackClass, ClientRef.receiverOf(call)));
    }
    if ((callback instanceof IdentifierTree || callback instanceof MemberSelectTree)
        && ASTHelpers.getSymbol(callback) instanceof VarSymbol variable) {
      variableRegistrations.add(new VariableRegistration(variable, ClientRef.receiverOf(call)));
    }
    if (callback instanceof MethodInvocationTree factoryCall) {
      MethodSymbol factory = ASTHelpers.getSymbol(factoryCall);
      if (factory != null && isDeclaredHere(factory)) {
        returnedRegistrations.add(new ReturnedRegistration(factory, ClientRef.receiverOf(call)));
      }
    }
  }

  /**
   * Records where a status callback goes when it is kept for a later registration: stored in a variable (its
   * initializer or an assigned value), or returned by a method of the compilation ({@code return (status, ...) ->
   * ...;} in {@code watcher(id)}); nothing otherwise.
   */
  void noteStoredCallback(Destination destination, StoredCallback callback) {
    if (destination.variable() != null) {
      storedCallbacks.computeIfAbsent(destination.variable(), k -> new ArrayList<>()).add(callback);
    } else if (destination.returned() && destination.producer() != null) {
      returnedCallbacks.computeIfAbsent(destination.producer(), k -> new ArrayList<>()).add(callback);
    }
  }

  /** {@code setConnectionStatusChangeCallback(null, ...)}: the status callback is removed. */
  boolean isDeregistration(MethodInvocationTree call) {
    return isRegistration(call)
        && IotHubSdk.stripParenthesesAndCasts(call.getArguments().get(0)).getKind() == Tree.Kind.NULL_LITERAL;
  }

  boolean isRegistration(MethodInvocationTree call) {
    return sdk.isStatusCallbackRegistration(call) && !call.getArguments().isEmpty();
  }

  /** The client a status callback is registered on: {@code client} in {@code client.setConnection...(cb, ctx)}. */
  @Nullable ClientRef registrationClient(TreePath callbackPath) {
    TreePath parent = callbackPath.getParentPath();
    if (parent != null
        && parent.getLeaf() instanceof MethodInvocationTree call
        && call.getArguments().contains(callbackPath.getLeaf())
        && sdk.isStatusCallbackRegistration(call)) {
      return ClientRef.receiverOf(call);
    }
    return null;
  }
}
