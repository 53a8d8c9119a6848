package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.matchers.method.MethodMatchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What the retry libraries of contract v2 look like (Failsafe 3.x and 2.x, Resilience4j, Spring Retry): which calls
 * run an attempt, which argument is the attempt, which runs are asynchronous, which policies never retry and which
 * listeners run between attempts. Everything is matched by type and method name: the plugin never loads the libraries,
 * and code without them on its class path matches nothing.
 */
public final class RetryLibraries {
  private static final String FAILSAFE_3 = "dev.failsafe.";
  private static final String FAILSAFE_2 = "net.jodah.failsafe.";
  private static final String RESILIENCE4J = "io.github.resilience4j.";
  private static final String SPRING_RETRY = "org.springframework.retry.";
  private static final List<String> PACKAGES = List.of(FAILSAFE_3, FAILSAFE_2, RESILIENCE4J, SPRING_RETRY);

  private static final String RESILIENCE4J_RETRY = RESILIENCE4J + "retry.Retry";
  private static final String RETRYABLE = SPRING_RETRY + "annotation.Retryable";

  /** Every FailsafeExecutor method that takes the attempt (not its configuration or completion listeners). */
  static final Matcher<ExpressionTree> FAILSAFE_RUN =
      MethodMatchers.instanceMethod()
          .onDescendantOfAny(FAILSAFE_3 + "FailsafeExecutor", FAILSAFE_2 + "FailsafeExecutor")
          .withNameMatching(Pattern.compile("run.*|get.*|newCall"));
  static final Matcher<ExpressionTree> FAILSAFE_POLICIES =
      Matchers.anyOf(
          MethodMatchers.staticMethod().onClassAny(FAILSAFE_3 + "Failsafe", FAILSAFE_2 + "Failsafe").named("with"),
          MethodMatchers.instanceMethod()
              .onDescendantOfAny(FAILSAFE_3 + "FailsafeExecutor", FAILSAFE_2 + "FailsafeExecutor")
              .named("compose"));
  private static final Matcher<ExpressionTree> RESILIENCE4J_EXECUTE =
      MethodMatchers.instanceMethod().onDescendantOf(RESILIENCE4J_RETRY).withNameMatching(Pattern.compile("execute.*"));
  static final Matcher<ExpressionTree> RESILIENCE4J_DECORATE =
      Matchers.anyOf(
          MethodMatchers.staticMethod().onClass(RESILIENCE4J_RETRY).withNameMatching(Pattern.compile("decorate.*")),
          MethodMatchers.instanceMethod()
              .onDescendantOf(RESILIENCE4J_RETRY)
              .withNameMatching(Pattern.compile("decorate.*")));
  private static final Matcher<ExpressionTree> SPRING_EXECUTE =
      MethodMatchers.instanceMethod().onDescendantOf(SPRING_RETRY + "RetryOperations").named("execute");

  /** Listener registrations whose listener runs after a failed attempt, before the next one. */
  static final Matcher<ExpressionTree> BETWEEN_ATTEMPTS_LISTENER =
      Matchers.anyOf(
          MethodMatchers.instanceMethod()
              .onDescendantOfAny(
                  FAILSAFE_3 + "RetryPolicyBuilder", FAILSAFE_2 + "RetryPolicy")
              .namedAnyOf("onRetry", "onFailedAttempt", "onRetryScheduled"),
          MethodMatchers.instanceMethod()
              .onDescendantOfAny(RESILIENCE4J_RETRY + ".EventPublisher", RESILIENCE4J_RETRY + "$EventPublisher")
              .namedAnyOf("onRetry", "onEvent"),
          MethodMatchers.instanceMethod()
              .onDescendantOfAny(SPRING_RETRY + "support.RetryTemplate", SPRING_RETRY + "support.RetryTemplateBuilder")
              .namedAnyOf("registerListener", "setListeners", "withListener", "withListeners"));

  /** Configuration calls after which a policy makes one attempt only. */
  static final Matcher<ExpressionTree> SINGLE_ATTEMPT_SETTING =
      MethodMatchers.instanceMethod()
          .onDescendantOfAny(
              FAILSAFE_3 + "RetryPolicyBuilder", FAILSAFE_2 + "RetryPolicy",
              RESILIENCE4J + "retry.RetryConfig.Builder", RESILIENCE4J + "retry.RetryConfig$Builder", SPRING_RETRY + "support.RetryTemplateBuilder")
          .namedAnyOf("withMaxRetries", "withMaxAttempts", "maxAttempts");

  /** Methods of an anonymous listener class that run between attempts. */
  static final Set<String> LISTENER_METHODS = Set.of("onError", "accept", "consumeEvent", "onRetry");

  private RetryLibraries() {}

  /** A library call that runs an attempt; {@code async}: the attempts run on another thread. */
  public record AttemptRun(TreePath call, boolean async) {}

  /**
   * Which library call runs each function value as its attempt, memoized per compilation (the call graph keeps the
   * one instance, which the retry constructs share), so that the uses of locals in a method are read once however
   * many attempts it keeps in locals.
   */
  static final class AttemptRuns {
    private final VisitorState state;
    private final IotHubSdk sdk;
    private final LocalVariables locals;
    private final Map<Tree, Map<Symbol, AttemptRun>> localRunsByScope = new IdentityHashMap<>();

    AttemptRuns(VisitorState state, IotHubSdk sdk, LocalVariables locals) {
      this.state = state;
      this.sdk = sdk;
      this.locals = locals;
    }

    /**
     * The library call that runs the function value at {@code site} (a lambda, method reference or anonymous class)
     * as its attempt, or null. A Resilience4j {@code decorate*} counts only where its result is run or handed off.
     */
    @Nullable AttemptRun of(TreePath site) {
      Tree value = site.getLeaf();
      if (!(value instanceof LambdaExpressionTree
          || value instanceof MemberReferenceTree
          || (value instanceof NewClassTree newClass && newClass.getClassBody() != null))) {
        return null;
      }
      TreePath argument = IotHubSdk.withEnclosingParentheses(site);
      TreePath parent = argument.getParentPath();
      while (parent != null && parent.getLeaf() instanceof TypeCastTree) {
        argument = IotHubSdk.withEnclosingParentheses(parent);
        parent = argument.getParentPath();
      }
      if (parent != null
          && parent.getLeaf() instanceof VariableTree declaration
          && declaration.getInitializer() == argument.getLeaf()
          && ASTHelpers.getSymbol(declaration).getKind() == ElementKind.LOCAL_VARIABLE
          && locals.finalInitializer(ASTHelpers.getSymbol(declaration)) != null) {
        TreePath scope = enclosingCode(parent);
        return scope == null ? null : localRuns(scope).get(ASTHelpers.getSymbol(declaration));
      }
      if (parent == null || !(parent.getLeaf() instanceof MethodInvocationTree call)) {
        return null;
      }
      return attemptRunAt(parent, call, argument.getLeaf(), state, sdk);
    }

    /**
     * {@code CheckedRunnable attempt = () -> client.open(false); Failsafe.with(policy).run(attempt);}: an attempt
     * kept in a local that is never assigned again is run where the code that declares it passes the local to a
     * library (the first such call in source order). One scan of the method finds them for all its locals. Whether
     * the local is assigned again is the scan's record ({@link LocalVariables#finalInitializer}), not javac's
     * effectively-final flag, which the model cannot wait for.
     */
    private Map<Symbol, AttemptRun> localRuns(TreePath scope) {
      Map<Symbol, AttemptRun> known = localRunsByScope.get(scope.getLeaf());
      if (known != null) {
        return known;
      }
      Map<Symbol, AttemptRun> runs = new HashMap<>();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree identifier, Void unused) {
          Symbol symbol = ASTHelpers.getSymbol(identifier);
          if (symbol != null && symbol.getKind() == ElementKind.LOCAL_VARIABLE && !runs.containsKey(symbol)) {
            TreePath use = IotHubSdk.withEnclosingParentheses(getCurrentPath());
            if (use.getParentPath().getLeaf() instanceof MethodInvocationTree call) {
              AttemptRun run = attemptRunAt(use.getParentPath(), call, use.getLeaf(), state, sdk);
              if (run != null) {
                runs.put(symbol, run);
              }
            }
          }
          return null;
        }
      }.scan(scope, null);
      localRunsByScope.put(scope.getLeaf(), runs);
      return runs;
    }
  }

  /** The run of a library call that takes {@code argument} as its attempt, or null. */
  private static @Nullable AttemptRun attemptRunAt(
      TreePath parent, MethodInvocationTree call, Tree argument, VisitorState state, IotHubSdk sdk) {
    List<? extends ExpressionTree> arguments = call.getArguments();
    int index = arguments.indexOf(argument);
    if (index < 0) {
      return null;
    }
    String name = IotHubSdk.methodName(call);
    if (index == 0 && (FAILSAFE_RUN.matches(call, state) || SPRING_EXECUTE.matches(call, state))) {
      return new AttemptRun(parent, name.contains("Async"));
    }
    boolean last = index == arguments.size() - 1;
    if (last && RESILIENCE4J_EXECUTE.matches(call, state)) {
      return new AttemptRun(parent, name.contains("CompletionStage"));
    }
    if (last && RESILIENCE4J_DECORATE.matches(call, state)) {
      Boolean handedOff = decoratedRun(parent, sdk);
      return handedOff == null
          ? null
          : new AttemptRun(parent, handedOff || name.contains("CompletionStage"));
    }
    return null;
  }

  /**
   * Where a decorated function runs: false when it is called (in place, or through the local it is stored in), true
   * when it is handed off to another thread, null when this code never runs it (it is only returned or stored).
   */
  private static @Nullable Boolean decoratedRun(TreePath decorate, IotHubSdk sdk) {
    TreePath use = IotHubSdk.withEnclosingParentheses(decorate);
    // a decorated function chosen by ?: (tidy ? decorate(retry, a) : decorate(retry, b)), or cast, runs where the
    // whole expression's value runs
    while ((use.getParentPath().getLeaf() instanceof ConditionalExpressionTree choice
            && choice.getCondition() != use.getLeaf())
        || use.getParentPath().getLeaf() instanceof TypeCastTree) {
      use = IotHubSdk.withEnclosingParentheses(use.getParentPath());
    }
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree) {
      return false; // Retry.decorateSupplier(retry, s).get()
    }
    if (parent instanceof MethodInvocationTree call && call.getArguments().contains(use.getLeaf())) {
      return sdk.isHandOff(call);
    }
    if (parent instanceof NewClassTree creation && creation.getArguments().contains(use.getLeaf())) {
      return sdk.isHandOff(creation); // new Thread(Retry.decorateRunnable(retry, ...))
    }
    Symbol stored = null;
    if (parent instanceof VariableTree variable) {
      stored = ASTHelpers.getSymbol(variable);
    } else if (parent instanceof AssignmentTree assignment) {
      stored = ASTHelpers.getSymbol(assignment.getVariable());
    }
    if (!(stored instanceof VarSymbol local)) {
      return null;
    }
    // a local is run in the code that declares it; a field anywhere in its class (reconnectTask.call() in start())
    TreePath scope = local.getKind() == ElementKind.FIELD ? VisibleClasses.topLevelClassPath(decorate) : enclosingCode(decorate);
    if (scope == null) {
      return null;
    }
    boolean[] called = {false};
    boolean[] handedOff = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (ASTHelpers.getSymbol(identifier) == local) {
          Tree user = IotHubSdk.withEnclosingParentheses(getCurrentPath()).getParentPath().getLeaf();
          if (user instanceof MemberSelectTree) {
            called[0] = true; // connect.run()
          } else if (user instanceof MethodInvocationTree call && call.getArguments().contains(identifier)) {
            handedOff[0] |= sdk.isHandOff(call);
            called[0] |= !sdk.isHandOff(call);
          } else if (user instanceof NewClassTree creation && creation.getArguments().contains(identifier)) {
            handedOff[0] |= sdk.isHandOff(creation); // new Thread(connect)
          }
        }
        return null;
      }
    }.scan(scope, null);
    if (handedOff[0]) {
      return true;
    }
    return called[0] ? Boolean.FALSE : null;
  }

  /** The method or lambda whose code holds {@code path}. */
  private static @Nullable TreePath enclosingCode(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree || current.getLeaf() instanceof LambdaExpressionTree) {
        return current;
      }
      if (current.getLeaf() instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- Spring's @Retryable

  /** A method Spring retries when it is called through its proxy: annotated {@code @Retryable}, more than once. */
  static boolean isRetryableMethod(Body body, VisitorState state) {
    MethodSymbol method = body.method();
    // Asked of every body: most methods carry no annotation at all, and that needs no name lookup.
    if (method == null
        || method.getRawAttributes().isEmpty()
        || !ASTHelpers.hasAnnotation(method, RETRYABLE, state)) {
      return false;
    }
    for (AnnotationTree annotation : ((MethodTree) body.tree()).getModifiers().getAnnotations()) {
      Symbol type = ASTHelpers.getSymbol(annotation.getAnnotationType());
      if (type != null && type.getQualifiedName().contentEquals(RETRYABLE)) {
        for (ExpressionTree element : annotation.getArguments()) {
          if (element instanceof AssignmentTree assignment
              && assignment.getVariable() instanceof IdentifierTree key
              && key.getName().contentEquals("maxAttempts")
              && Integer.valueOf(1).equals(ASTHelpers.constValue(assignment.getExpression()))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** A call of a {@code @Retryable} method that goes through Spring's proxy: its receiver is not this object. */
  static boolean isProxiedCall(Tree site) {
    if (!(site instanceof MethodInvocationTree call) || ASTHelpers.getReceiver(call) == null) {
      return false; // connect(): a self-call
    }
    ExpressionTree receiver = IotHubSdk.stripParenthesesAndCasts(ASTHelpers.getReceiver(call));
    if (receiver instanceof IdentifierTree identifier) {
      return !Receivers.isThis(identifier.getName()) && !Receivers.isSuper(identifier.getName());
    }
    return !(receiver instanceof MemberSelectTree select && Receivers.isThis(select.getIdentifier()));
  }

  // ---------------------------------------------------------------- the policy behind a run

  /**
   * The registry lookups in the receiver chain of {@code chain}, each a key of the method and its constant arguments
   * ({@code registry.retry("iothub")}: "retry(iothub,)"): a registry hands back one policy per name, so two chains
   * from one registry variable name one policy only when their lookups agree. A lookup with an argument that is not
   * a constant gets a key no other lookup has.
   */
  static List<String> registryLookups(@Nullable ExpressionTree chain, IotHubSdk sdk) {
    List<String> lookups = new ArrayList<>();
    ExpressionTree current = chain;
    while (current != null) {
      current = IotHubSdk.stripParenthesesAndCasts(current);
      if (!(current instanceof MethodInvocationTree inner)) {
        break;
      }
      if (sdk.isSubtypeOf(ASTHelpers.getReceiverType(inner), RESILIENCE4J + "retry.RetryRegistry")) {
        StringBuilder key = new StringBuilder(IotHubSdk.methodName(inner)).append('(');
        for (ExpressionTree argument : inner.getArguments()) {
          Object value = ASTHelpers.constValue(argument);
          key.append(value == null ? "?" + System.identityHashCode(argument) : value).append(',');
        }
        lookups.add(key.append(')').toString());
      }
      current = ASTHelpers.getReceiver(inner);
    }
    return lookups;
  }

  /** The variable at the root of a call chain: {@code retry} in {@code retry.getEventPublisher().onRetry(...)}. */
  static @Nullable Symbol rootVariable(MethodInvocationTree call) {
    ExpressionTree current = ASTHelpers.getReceiver(call);
    while (current != null) {
      current = IotHubSdk.stripParenthesesAndCasts(current);
      if (current instanceof MethodInvocationTree inner) {
        current = ASTHelpers.getReceiver(inner);
      } else {
        Symbol symbol = ASTHelpers.getSymbol(current);
        return symbol instanceof VarSymbol ? symbol : null;
      }
    }
    return null;
  }

  static boolean isFailsafeRetryPolicy(@Nullable Type type, IotHubSdk sdk) {
    return sdk.isSubtypeOf(type, FAILSAFE_3 + "RetryPolicy") || sdk.isSubtypeOf(type, FAILSAFE_2 + "RetryPolicy");
  }

  /** A type of one of the retry libraries (a policy, an executor, a template, a config). */
  static boolean isLibraryType(@Nullable Type type) {
    if (type == null || type.tsym == null) {
      return false;
    }
    String name = type.tsym.getQualifiedName().toString();
    for (String prefix : PACKAGES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
