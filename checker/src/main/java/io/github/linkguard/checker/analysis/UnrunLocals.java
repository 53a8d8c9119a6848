package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Locals that hold a function or task object nothing can run: the contract reaches a lambda only where it is handed
 * off, called or run by a retry library, so {@code Runnable unused = () -> client.close();} in a status callback closes
 * nothing there. A local is "never run" when its body never reads it, or reads it only as an argument that a library
 * method takes as a plain {@code Object} ({@code System.out.println(task)}, a logger) or in a string concatenation;
 * any other read (a call on it, an argument anywhere else, a capture by a lambda) may run what it holds.
 *
 * <p>Cost: one walk over a body, on the first question about one of its locals, kept for the body's other locals.
 */
final class UnrunLocals {
  private final VisitorState state;
  private final PendingLinks links;
  /** Per body: the locals it reads in a way that may run what they hold. */
  private final Map<Body, Set<VarSymbol>> mayRunByBody = new HashMap<>();

  UnrunLocals(VisitorState state, PendingLinks links) {
    this.state = state;
    this.links = links;
  }

  /** Whether {@code variable} is a local of {@code body} that nothing runs. */
  boolean neverRun(Body body, @Nullable VarSymbol variable) {
    return variable != null
        && variable.getKind() == ElementKind.LOCAL_VARIABLE
        && !mayRunByBody.computeIfAbsent(body, this::localsThatMayRun).contains(variable);
  }

  private Set<VarSymbol> localsThatMayRun(Body body) {
    Set<VarSymbol> mayRun = new HashSet<>();
    Set<Tree> passedAsObject = Collections.newSetFromMap(new IdentityHashMap<>());
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol method = ASTHelpers.getSymbol(call);
        if (method != null && !links.isDeclaredHere(method)) {
          List<VarSymbol> parameters = method.getParameters();
          for (int i = 0; i < call.getArguments().size() && i < parameters.size(); i++) {
            ExpressionTree argument = IotHubSdk.stripParenthesesAndCasts(call.getArguments().get(i));
            boolean varargs = method.isVarArgs() && i == parameters.size() - 1;
            if (argument instanceof IdentifierTree
                && !varargs
                && state.getTypes().isSameType(parameters.get(i).type, state.getSymtab().objectType)) {
              passedAsObject.add(argument);
            }
          }
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitBinary(BinaryTree binary, Void unused) {
        // "planned: " + task -- a string concatenation only prints it
        if (binary.getKind() == Tree.Kind.PLUS
            && ASTHelpers.isSameType(ASTHelpers.getType(binary), state.getSymtab().stringType, state)) {
          for (ExpressionTree operand : List.of(binary.getLeftOperand(), binary.getRightOperand())) {
            if (IotHubSdk.stripParenthesesAndCasts(operand) instanceof IdentifierTree identifier) {
              passedAsObject.add(identifier);
            }
          }
        }
        return super.visitBinary(binary, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (!passedAsObject.contains(identifier)
            && ASTHelpers.getSymbol(identifier) instanceof VarSymbol variable
            && variable.getKind() == ElementKind.LOCAL_VARIABLE) {
          mayRun.add(variable);
        }
        return null;
      }
    }.scan(body.tree(), null);
    return mayRun;
  }
}
