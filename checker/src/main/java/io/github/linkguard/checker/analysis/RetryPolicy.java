package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The code that configures the policy running {@code call}: the receiver chain ({@code Failsafe.with(p).run},
 * {@code retry.executeRunnable}), the arguments of that chain, and the initializers of the variables they name
 * (transitively), with those variables. Listeners attached to one of these variables elsewhere count too.
 */
final class RetryPolicy {
  private final List<Tree> definitions = new ArrayList<>();
  private final Set<VarSymbol> holders = new HashSet<>();
  private final CompilationModel model;
  private final MethodEffects effects;
  /** The top-level class that runs the attempt: where listeners on the policy's variables are looked for. */
  private final TreePath scope;
  private boolean failsafe;
  private boolean failsafeRetryPolicy;
  /** The registry lookups the definitions make ({@link RetryLibraries#registryLookups}), read on first need. */
  private @Nullable Set<String> definitionLookups;

  RetryPolicy(TreePath call, CompilationModel model, MethodEffects effects) {
    this.model = model;
    this.effects = effects;
    this.scope = VisibleClasses.topLevelClassPath(call);
    VisitorState state = model.state();
    MethodInvocationTree run = (MethodInvocationTree) call.getLeaf();
    failsafe = RetryLibraries.FAILSAFE_RUN.matches(run, state);
    Deque<ExpressionTree> work = new ArrayDeque<>();
    ExpressionTree receiver = ASTHelpers.getReceiver(run);
    if (receiver != null) {
      work.add(receiver);
    }
    if (RetryLibraries.RESILIENCE4J_DECORATE.matches(run, state) && run.getArguments().size() > 1) {
      work.add(run.getArguments().get(0)); // Retry.decorateRunnable(retry, ...)
    }
    Set<Tree> seen = new HashSet<>();
    while (!work.isEmpty() && definitions.size() < 32) {
      ExpressionTree expression = IotHubSdk.stripParenthesesAndCasts(work.pop());
      if (!seen.add(expression)) {
        continue;
      }
      definitions.add(expression);
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
          if (RetryLibraries.FAILSAFE_POLICIES.matches(tree, state)) {
            for (ExpressionTree policy : tree.getArguments()) {
              failsafeRetryPolicy |= RetryLibraries.isFailsafeRetryPolicy(ASTHelpers.getType(policy), model.sdk());
            }
          }
          return super.visitMethodInvocation(tree, null);
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
          follow(tree);
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
          follow(tree);
          return super.visitMemberSelect(tree, null);
        }

        private void follow(ExpressionTree tree) {
          if (ASTHelpers.getSymbol(tree) instanceof VarSymbol variable
              && RetryLibraries.isLibraryType(variable.type)
              && holders.add(variable)) {
            work.addAll(valuesOf(variable));
          }
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
          return null; // a listener's code configures nothing
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
          return null;
        }
      }.scan(expression, null);
    }
  }

  /** What a variable holding the policy is given: a local's initializer, or every value stored in a field. */
  private List<ExpressionTree> valuesOf(VarSymbol variable) {
    if (variable.getKind() != ElementKind.FIELD) {
      ExpressionTree initializer = model.finalLocalInitializer(variable);
      return initializer == null ? List.of() : List.of(initializer);
    }
    return model.valuesStoredIn(variable); // the declaration's initializer, or the constructor's assignment
  }

  /** Whether the run retries at all: a Failsafe run needs a RetryPolicy; no policy may be set to one attempt. */
  boolean retries() {
    if (failsafe && !failsafeRetryPolicy) {
      return false;
    }
    boolean[] single = {false};
    for (Tree definition : definitions) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
          if (RetryLibraries.SINGLE_ATTEMPT_SETTING.matches(tree, model.state()) && tree.getArguments().size() == 1) {
            Object limit = ASTHelpers.constValue(tree.getArguments().get(0));
            boolean attempts = !IotHubSdk.methodName(tree).equals("withMaxRetries");
            single[0] |= Integer.valueOf(attempts ? 1 : 0).equals(limit);
          }
          return super.visitMethodInvocation(tree, null);
        }
      }.scan(definition, null);
    }
    return !single[0];
  }

  /**
   * Whether a listener of this policy that runs between attempts closes {@code client}: registered in the
   * policy's configuration, or later on a variable that holds the policy (the same local or field).
   */
  boolean listenerCloses(ClientRef client) {
    List<TreePath> registrations = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (RetryLibraries.BETWEEN_ATTEMPTS_LISTENER.matches(tree, model.state())
            && (isInDefinition(getCurrentPath())
                || (holders.contains(RetryLibraries.rootVariable(tree)) && looksUpThisPolicy(tree)))) {
          registrations.add(getCurrentPath());
        }
        return super.visitMethodInvocation(tree, null);
      }
    }.scan(scope, null);
    for (TreePath registration : registrations) {
      if (closesIn(registration, client)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the registry lookups on the way from the variable to a listener ({@code registry.retry("iothub")
   * .getEventPublisher().onRetry(...)}) are lookups this policy's definition makes: the same name gives the same
   * policy, another name another one.
   */
  private boolean looksUpThisPolicy(MethodInvocationTree listener) {
    List<String> lookups = RetryLibraries.registryLookups(ASTHelpers.getReceiver(listener), model.sdk());
    if (lookups.isEmpty()) {
      return true;
    }
    if (definitionLookups == null) {
      definitionLookups = new HashSet<>();
      for (Tree definition : definitions) {
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            definitionLookups.addAll(RetryLibraries.registryLookups(tree, model.sdk()));
            return super.visitMethodInvocation(tree, null);
          }

          @Override
          public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
            return null;
          }
        }.scan(definition, null);
      }
    }
    return definitionLookups.containsAll(lookups);
  }

  private boolean isInDefinition(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (definitions.contains(current.getLeaf())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the listener code among the registration's arguments closes {@code client}. */
  private boolean closesIn(TreePath registration, ClientRef client) {
    List<Body> listenerCode = new ArrayList<>();
    MethodInvocationTree call = (MethodInvocationTree) registration.getLeaf();
    for (ExpressionTree argument : call.getArguments()) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
          addBody(model.bodyAt(getCurrentPath()));
          return null;
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
          MethodSymbol method = ASTHelpers.getSymbol(tree);
          if (method != null) {
            addBody(model.bodyOf(method)); // onRetry(this::closeQuietly)
          }
          return null;
        }

        private void addBody(@Nullable Body body) {
          if (body != null) {
            listenerCode.add(body);
          }
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
          // withListener(new ClosingListener()): a listener class of the compilation, its listener methods
          ClassSymbol named = tree.getClassBody() == null ? PendingLinks.classCreatedBy(tree) : null;
          if (named != null) {
            for (Symbol member : named.getEnclosedElements()) {
              if (member instanceof MethodSymbol method
                  && RetryLibraries.LISTENER_METHODS.contains(method.getSimpleName().toString())) {
                addBody(model.bodyOf(method));
              }
            }
          }
          return super.visitNewClass(tree, null);
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
          for (Tree member : tree.getMembers()) {
            if (member instanceof MethodTree method && RetryLibraries.LISTENER_METHODS.contains(method.getName().toString())) {
              addBody(model.bodyAt(new TreePath(getCurrentPath(), member)));
            }
          }
          return null;
        }
      }.scan(new TreePath(registration, argument), null);
    }
    for (Body body : listenerCode) {
      for (Body reached : model.syncReachable(body)) {
        if (!effects.closeSites(reached, client).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }
}
