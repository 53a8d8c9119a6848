package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the fixes need to know about the status callbacks: whether code runs on a callback's thread (where no fix
 * may open or close), and which status and reason expressions are in scope for a guard. Facts, no check's rule.
 *
 * <p>Cost: a lookup in the status callbacks' reach (computed once per compilation) and walks up the tree.
 */
public final class CallbackScope {
  private final CompilationModel model;

  CallbackScope(CompilationModel model) {
    this.model = model;
  }

  /** Whether {@code body} runs synchronously on the thread that delivers a status callback. */
  public boolean isInStatusCallback(Body body) {
    return model.statusRegion().contains(body);
  }

  /** The innermost status callback lexically around {@code path} (whose parameters are in scope there). */
  public @Nullable CallbackParameters parametersAround(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MethodTree) {
        Body body = model.bodyAt(current);
        if (body != null && body.root() == Body.Root.STATUS_CALLBACK) {
          return body.callbackParameters();
        }
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /**
   * Whether the code at {@code path} sits in a lambda inside a method or lambda around it that assigns one of its own
   * parameters ({@code if (status == null) status = ...;}): such a parameter is not effectively final, so the lambda
   * cannot read it, and the callback's parameters are no guard a fix can write there.
   */
  public boolean lambdaCapturesAReassignedParameter(TreePath path) {
    boolean inLambda = false;
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof LambdaExpressionTree lambda) {
        if (inLambda && assignsAParameter(lambda, lambda.getParameters())) {
          return true;
        }
        inLambda = true;
      } else if (leaf instanceof MethodTree method) {
        return inLambda && assignsAParameter(method, method.getParameters());
      } else if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private static boolean assignsAParameter(Tree holder, List<? extends VariableTree> parameters) {
    Set<Symbol> symbols = new HashSet<>();
    for (VariableTree parameter : parameters) {
      symbols.add(ASTHelpers.getSymbol(parameter));
    }
    for (int assignments : Assignments.among(holder, symbols, true).values()) {
      if (assignments > 0) {
        return true;
      }
    }
    return false;
  }

  /** A parameter of the method around {@code path} with the given role (status or reason type). */
  public @Nullable String parameterOfType(TreePath path, boolean status) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree method) {
        for (VariableTree parameter : method.getParameters()) {
          Symbol symbol = ASTHelpers.getSymbol(parameter);
          if (symbol != null
              && (status ? model.sdk().isStatusType(symbol.type) : model.sdk().isReasonType(symbol.type))) {
            return parameter.getName().toString();
          }
        }
        return null;
      }
    }
    return null;
  }

  /**
   * The {@code IotHubConnectionStatus} field that a status callback of {@code topLevel} keeps for {@code client}, for
   * a guard outside the callback; or null.
   */
  public @Nullable VarSymbol trackedStatusField(@Nullable ClientRef client, ClassSymbol topLevel) {
    return model.trackedStatusField(client, topLevel);
  }
}
