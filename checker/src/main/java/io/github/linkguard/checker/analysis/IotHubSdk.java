package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.method.MethodMatchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What the Azure IoT device SDK (both generations) looks like to the checks: which types are clients, which calls
 * open or close a connection, which expressions are statuses and reasons, which interfaces are SDK callbacks, and
 * which calls hand code to another thread.
 *
 * <p>One instance per compilation (see {@link LinkGuardContext}); types are resolved by name once, because the SDK
 * is on the user's class path, not on Error Prone's.
 */
public final class IotHubSdk {
  static final String DEVICE_PACKAGE = "com.microsoft.azure.sdk.iot.device";
  static final String INTERNAL_CLIENT = DEVICE_PACKAGE + ".InternalClient";
  static final String MULTIPLEXING_CLIENT = DEVICE_PACKAGE + ".MultiplexingClient";
  static final String STATUS_CALLBACK = DEVICE_PACKAGE + ".IotHubConnectionStatusChangeCallback";
  /** 2.x only: the single parameter of {@code onStatusChanged}. */
  static final String STATUS_CHANGE_CONTEXT = DEVICE_PACKAGE + ".ConnectionStatusChangeContext";
  public static final String STATUS_FQN = DEVICE_PACKAGE + ".transport.IotHubConnectionStatus";
  public static final String REASON_FQN = DEVICE_PACKAGE + ".IotHubConnectionStatusChangeReason";

  public static final String DISCONNECTED = "DISCONNECTED";
  public static final String CLIENT_CLOSE = "CLIENT_CLOSE";

  private static final Set<String> EXECUTOR_METHODS =
      Set.of(
          "execute", "submit", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay", "invokeAll",
          "invokeAny");
  private static final Set<String> ANDROID_POST_METHODS =
      Set.of("post", "postDelayed", "postAtTime", "postAtFrontOfQueue", "runOnUiThread");

  /**
   * The status callback's registration: 1.x {@code registerConnectionStatusChangeCallback}, 2.x {@code
   * setConnectionStatusChangeCallback}; by name, on any receiver type.
   */
  public static final Matcher<ExpressionTree> STATUS_CALLBACK_REGISTRATION =
      MethodMatchers.anyMethod()
          .anyClass()
          .namedAnyOf("setConnectionStatusChangeCallback", "registerConnectionStatusChangeCallback");

  private final VisitorState state;
  private final Types types;
  private final List<String> clientTypeNames = new ArrayList<>();
  private final List<Type> clientTypes = new ArrayList<>();
  private @Nullable Type statusType;
  private @Nullable Type reasonType;
  private @Nullable Type statusCallbackType;
  private @Nullable Type statusChangeContextType;
  private final Map<String, Set<String>> guardMethods;
  private final Map<TypeSymbol, Boolean> clientTypeCache = new HashMap<>();
  private final Map<TypeSymbol, Boolean> otherSdkCallbackTypes = new HashMap<>();

  private final Name setStatusCallbackName;
  private final Name registerStatusCallbackName;

  IotHubSdk(VisitorState state, LinkGuardOptions options) {
    this.state = state;
    this.types = state.getTypes();
    clientTypeNames.add(INTERNAL_CLIENT);
    clientTypeNames.add(MULTIPLEXING_CLIENT);
    clientTypeNames.addAll(options.clientTypes());
    resolveTypes();
    this.guardMethods = options.guardMethods();
    this.setStatusCallbackName = state.getName("setConnectionStatusChangeCallback");
    this.registerStatusCallbackName = state.getName("registerConnectionStatusChangeCallback");
  }

  /**
   * The binary names under which javac would have entered the client types: the SDK's two roots and each configured
   * type, with every possible nesting ({@code com.acme.Outer.Inner} may be the class {@code com.acme.Outer$Inner}).
   */
  static List<String> clientTypeBinaryNames(LinkGuardOptions options) {
    List<String> names = new ArrayList<>(List.of(INTERNAL_CLIENT, MULTIPLEXING_CLIENT));
    for (String name : options.clientTypes()) {
      names.addAll(LinkGuardOptions.binaryNames(name));
    }
    return names;
  }

  private void resolveTypes() {
    clientTypes.clear();
    for (String name : clientTypeNames) {
      Type type = resolve(name);
      if (type != null) {
        clientTypes.add(types.erasure(type));
      }
    }
    statusType = resolve(STATUS_FQN);
    reasonType = resolve(REASON_FQN);
    statusCallbackType = resolve(STATUS_CALLBACK);
    statusChangeContextType = resolve(STATUS_CHANGE_CONTEXT);
  }

  /**
   * Looks up again, at the start of each compilation unit, the types not found so far. javac enters a class only once
   * some code loads it, and this model is set up at the first unit once any unit has loaded a client type (imports
   * load them for every unit): under {@code -XDcompilePolicy=byfile} a status type that only a later unit's code loads
   * (a {@code switch} with bare case labels, a qualified name) would otherwise stay missing for the whole compilation.
   * A type never found costs one symbol-table lookup per unit; the caches built on the old answers are dropped when
   * one is found.
   */
  void resolveMissingTypes() {
    if (!resolved.containsValue(Optional.empty())) {
      return;
    }
    List<String> missing = new ArrayList<>();
    resolved.forEach((name, type) -> {
      if (type.isEmpty()) {
        missing.add(name);
      }
    });
    missing.forEach(resolved::remove);
    boolean found = false;
    for (String name : missing) {
      found |= resolve(name) != null;
    }
    if (found) {
      resolveTypes();
      clientTypeCache.clear();
      otherSdkCallbackTypes.clear();
      threadClasses.clear();
    }
  }

  private final Map<String, Optional<Type>> resolved = new HashMap<>();

  /** The type of a class name, resolved once per compilation (hand-off tests ask for the same few, often). */
  private @Nullable Type resolve(String name) {
    return resolved.computeIfAbsent(name, this::lookUp).orElse(null);
  }

  private Optional<Type> lookUp(String name) {
    try {
      // Not getTypeFromString: Error Prone caches its answers for the compilation, a "not found" too, and a class
      // javac had not entered yet must be found when it has (resolveMissingTypes).
      Symbol symbol = state.getSymbolFromString(name);
      return Optional.ofNullable(symbol == null ? null : symbol.type);
    } catch (RuntimeException e) { // a broken class file on the user's class path: treat the type as absent
      return Optional.empty();
    }
  }

  /** False when neither the SDK nor a configured client type is on the class path: then nothing can match. */
  public boolean isPresent() {
    return !clientTypes.isEmpty();
  }

  // ---------------------------------------------------------------- clients

  public boolean isClientType(@Nullable Type type) {
    if (type == null || !type.isReference() || type.tsym == null) {
      return false;
    }
    return clientTypeCache.computeIfAbsent(type.tsym, unused -> isSubtypeOfClient(type));
  }

  private boolean isSubtypeOfClient(Type type) {
    Type erased = types.erasure(type);
    for (Type client : clientTypes) {
      if (types.isSubtype(erased, client)) {
        return true;
      }
    }
    return false;
  }

  /** A method MultiplexingClient declares (registerDeviceClient, unregisterDeviceClient, ...). */
  static boolean isMultiplexingClientMethod(Symbol method) {
    return method.owner.getQualifiedName().contentEquals(MULTIPLEXING_CLIENT);
  }

  /**
   * open/close/closeNow on a client expression, or a MultiplexingClient's unregisterDeviceClient of one, or null.
   * Cheap: the method name is tested first.
   */
  public @Nullable ConnectionOp connectionOp(MethodInvocationTree call) {
    // Asked of every call of every class that may use a client: javac's names are interned, so comparing them
    // costs no conversion to String.
    ConnectionOp op = ConnectionOp.anyByName(call);
    if (op == null) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(call);
    if (!(symbol instanceof MethodSymbol method) || method.isStatic()) {
      return null;
    }
    if (op == ConnectionOp.UNREGISTER) {
      return isMultiplexingClientMethod(method) && !call.getArguments().isEmpty() ? op : null;
    }
    if (op != ConnectionOp.OPEN && !method.getParameters().isEmpty()) {
      return null;
    }
    Type receiver = ASTHelpers.getReceiverType(call);
    return isClientType(receiver) || isClientType(method.owner.type) ? op : null;
  }

  public static String methodName(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree identifier) {
      return identifier.getName().toString();
    }
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier().toString();
    }
    return "";
  }

  /** A constructor call or a static factory of a client type that yields a new client. */
  public boolean isClientCreation(ExpressionTree expression) {
    ExpressionTree tree = stripParenthesesAndCasts(expression);
    if (tree instanceof NewClassTree newClass) {
      return isClientType(ASTHelpers.getType(newClass));
    }
    if (tree instanceof MethodInvocationTree call) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      return symbol instanceof MethodSymbol method
          && method.isStatic()
          && isClientType(method.owner.type)
          && isClientType(method.getReturnType());
    }
    return false;
  }

  // ---------------------------------------------------------------- statuses and reasons

  /** IotHubConnectionStatus, or null when the SDK is not on the class path. */
  public @Nullable Type statusEnumType() {
    return statusType;
  }

  public boolean isStatusType(@Nullable Type type) {
    return type != null && statusType != null && types.isSameType(types.erasure(type), statusType);
  }

  public boolean isReasonType(@Nullable Type type) {
    return type != null && reasonType != null && types.isSameType(types.erasure(type), reasonType);
  }

  /** {@code setConnectionStatusChangeCallback(...)} / 1.x {@code registerConnectionStatusChangeCallback(...)}. */
  boolean isStatusCallbackRegistration(MethodInvocationTree call) {
    Name name = CalledName.of(call); // asked of every call the model scans: the interned name first
    return (name == setStatusCallbackName || name == registerStatusCallbackName)
        && STATUS_CALLBACK_REGISTRATION.matches(call, state);
  }

  /** 2.x's {@code ConnectionStatusChangeContext}, whose getters give the new status and reason. */
  public boolean isStatusChangeContextType(@Nullable Type type) {
    return type != null
        && statusChangeContextType != null
        && types.isSameType(types.erasure(type), statusChangeContextType);
  }

  /** The name of a constant of the status enum ({@code DISCONNECTED}, ...), or null. */
  public @Nullable String statusConstant(ExpressionTree tree) {
    return enumConstant(tree, statusType);
  }

  /** The name of a constant of the reason enum ({@code CLIENT_CLOSE}, ...), or null. */
  public @Nullable String reasonConstant(ExpressionTree tree) {
    return enumConstant(tree, reasonType);
  }

  private @Nullable String enumConstant(ExpressionTree tree, @Nullable Type enumType) {
    if (enumType == null) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(stripParenthesesAndCasts(tree));
    if (symbol != null
        && symbol.getKind() == ElementKind.ENUM_CONSTANT
        && types.isSameType(types.erasure(symbol.owner.type), enumType)) {
      return symbol.getSimpleName().toString();
    }
    return null;
  }

  /** The previous status of a 2.x context says nothing about the current one. */
  public boolean isPreviousStatusRead(ExpressionTree tree) {
    return stripParenthesesAndCasts(tree) instanceof MethodInvocationTree call
        && methodName(call).equals("getPreviousStatus");
  }

  // ---------------------------------------------------------------- callbacks

  public boolean isStatusCallbackType(@Nullable Type type) {
    return type != null
        && statusCallbackType != null
        && types.isSubtype(types.erasure(type), types.erasure(statusCallbackType));
  }

  /** An interface the SDK itself declares as a callback (the status callback among them), not a subtype of one. */
  public boolean isSdkCallbackInterface(ClassSymbol symbol) {
    if (!symbol.isInterface() || !symbol.getQualifiedName().toString().startsWith(DEVICE_PACKAGE)) {
      return false;
    }
    String simple = symbol.getSimpleName().toString();
    return simple.endsWith("Callback") || simple.endsWith("CallBack");
  }

  /** Any other callback interface of the SDK: message, send confirmation, method, twin callbacks. */
  public boolean isOtherSdkCallbackType(@Nullable Type type) {
    if (type == null || type.tsym == null) {
      return false;
    }
    // Asked of every lambda's functional type and every class the scan meets: decided once per class.
    return otherSdkCallbackTypes.computeIfAbsent(type.tsym, unused -> implementsOtherSdkCallback(type));
  }

  private boolean implementsOtherSdkCallback(Type type) {
    if (isStatusCallbackType(type)) {
      return false;
    }
    for (Type candidate : types.closure(type)) {
      if (candidate.tsym instanceof ClassSymbol symbol
          && symbol.isInterface()
          && symbol.getQualifiedName().toString().startsWith(DEVICE_PACKAGE)) {
        String simple = symbol.getSimpleName().toString();
        if (simple.endsWith("Callback") || simple.endsWith("CallBack")) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- hand-offs

  /**
   * Whether the arguments of this call or constructor run on another thread: Thread constructors, executors and
   * schedulers, Timer, CompletableFuture's async methods, Android's Handler.post* and friends.
   */
  public boolean isHandOff(Tree callOrNew) {
    if (callOrNew instanceof NewClassTree newClass) {
      Type created = ASTHelpers.getType(newClass);
      return created != null
          && created.tsym != null
          && threadClasses.computeIfAbsent(created.tsym, unused -> isSubtypeOf(created, "java.lang.Thread"));
    }
    if (!(callOrNew instanceof MethodInvocationTree call)) {
      return false;
    }
    Name called = CalledName.of(call); // the name first: most calls are of no hand-off API
    if (called == null || !mayHandOff(called)) {
      return false;
    }
    Symbol symbol = ASTHelpers.getSymbol(call);
    if (!(symbol instanceof MethodSymbol method)) {
      return false;
    }
    String name = method.getSimpleName().toString();
    Type owner = method.owner.type;
    if (method.isStatic()) {
      return (isNamed(owner, "java.util.concurrent.CompletableFuture")
              && (name.equals("runAsync") || name.equals("supplyAsync")))
          || (isNamed(owner, "java.lang.Thread") && name.equals("startVirtualThread"));
    }
    Type receiver = ASTHelpers.getReceiverType(call);
    if (EXECUTOR_METHODS.contains(name) && isSubtypeOf(receiver, "java.util.concurrent.Executor")) {
      return true;
    }
    if ((name.equals("schedule") || name.equals("scheduleAtFixedRate"))
        && isSubtypeOf(receiver, "java.util.Timer")) {
      return true;
    }
    if (isSubtypeOf(receiver, "java.util.concurrent.CompletionStage") && isStageCallback(name)) {
      return true; // runs where the stage completes: for a stage built with runAsync, on the pool
    }
    if ((name.equals("start") || name.equals("unstarted") || name.equals("newThread"))
        && (isSubtypeOf(receiver, "java.lang.Thread.Builder")
            || isSubtypeOf(receiver, "java.util.concurrent.ThreadFactory"))) {
      return true;
    }
    if (ANDROID_POST_METHODS.contains(name)
        && (hasSupertypeNamed(receiver, "android.os.Handler")
            || hasSupertypeNamed(receiver, "android.view.View")
            || hasSupertypeNamed(receiver, "android.app.Activity"))) {
      return true;
    }
    return name.startsWith("schedule")
        && hasSupertypeNamed(receiver, "org.springframework.scheduling.TaskScheduler");
  }

  /** Asked of every call and every {@code new} of the compilation: most names and classes never hand off. */
  private final Map<Name, Boolean> handOffNames = new IdentityHashMap<>();

  private final Map<TypeSymbol, Boolean> threadClasses = new HashMap<>();

  /** Whether some hand-off API has a method of this name (javac's names are interned: one test per name). */
  private boolean mayHandOff(Name name) {
    return handOffNames.computeIfAbsent(name, unused -> isHandOffName(name.toString()));
  }

  private static boolean isHandOffName(String name) {
    return name.equals("runAsync")
        || name.equals("supplyAsync")
        || name.equals("startVirtualThread")
        || EXECUTOR_METHODS.contains(name)
        || name.startsWith("schedule")
        || isStageCallback(name)
        || name.equals("start")
        || name.equals("unstarted")
        || name.equals("newThread")
        || ANDROID_POST_METHODS.contains(name);
  }

  private static boolean isStageCallback(String name) {
    return name.startsWith("then")
        || name.startsWith("whenComplete")
        || name.startsWith("handle")
        || name.startsWith("exceptionally");
  }

  /** Classes whose run() starts on a thread of its own: Thread and TimerTask subclasses. */
  public boolean isThreadEntryType(@Nullable Type type) {
    return isSubtypeOf(type, "java.lang.Thread") || isSubtypeOf(type, "java.util.TimerTask");
  }

  public boolean isSubtypeOf(@Nullable Type type, String name) {
    if (type == null || !type.isReference()) {
      return false;
    }
    Type target = resolve(name);
    return target != null && types.isSubtype(types.erasure(type), types.erasure(target));
  }

  private static boolean isNamed(@Nullable Type type, String name) {
    return type != null && type.tsym != null && type.tsym.getQualifiedName().contentEquals(name);
  }

  /** By name, so that Android and Spring types match without being on the class path of every build. */
  private boolean hasSupertypeNamed(@Nullable Type type, String name) {
    if (type == null || !type.isReference()) {
      return false;
    }
    for (Type candidate : types.closure(type)) {
      if (isNamed(candidate, name)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- guard methods

  /** A call to a method configured with -XepOpt:IotHub:GuardMethods. */
  public boolean isConfiguredGuardMethod(MethodInvocationTree call) {
    if (guardMethods.isEmpty()) {
      return false;
    }
    Symbol symbol = ASTHelpers.getSymbol(call);
    if (!(symbol instanceof MethodSymbol method)) {
      return false;
    }
    String name = method.getSimpleName().toString();
    for (var entry : guardMethods.entrySet()) {
      if (entry.getValue().contains(name)
          && (isNamed(method.owner.type, entry.getKey())
              || hasSupertypeNamed(ASTHelpers.getReceiverType(call), entry.getKey()))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- misc

  /** {@code path} widened to the parentheses around it ({@code ((task))}): its parent is what uses the value. */
  public static TreePath withEnclosingParentheses(TreePath path) {
    TreePath current = path;
    while (current.getParentPath() != null && current.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      current = current.getParentPath();
    }
    return current;
  }

  /** The expression under parentheses and casts: {@code ((DeviceClient) holder)} is the object {@code holder} is. */
  public static ExpressionTree stripParenthesesAndCasts(ExpressionTree tree) {
    ExpressionTree current = tree;
    while (true) {
      if (current instanceof ParenthesizedTree parenthesized) {
        current = parenthesized.getExpression();
      } else if (current instanceof TypeCastTree cast) {
        current = cast.getExpression();
      } else {
        return current;
      }
    }
  }
}
