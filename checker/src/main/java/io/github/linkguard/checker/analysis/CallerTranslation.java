package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client as a callee names it, in the terms of one of its callers: what the searches up the callers (did every
 * caller close, create or deregister it before the call?) follow. Cost: constant per call edge.
 */
final class CallerTranslation {
  /** How far up the callers a search for what they did before a call goes (each search also keeps a visited set). */
  static final int MAX_CALLER_DEPTH = 8;

  /**
   * A client as the caller names it ({@code client}, null when it cannot be named there), or {@code fresh}: the
   * argument is itself a new client.
   */
  record Translated(@Nullable ClientRef client, boolean fresh) {
    static final Translated NONE = new Translated(null, false);
    static final Translated FRESH = new Translated(null, true);
  }

  /** {@code client}, as the callee names it, in the terms of the caller at {@code edge}. */
  static Translated translated(CompilationModel model, ClientRef client, Body callee, Body.Edge edge) {
    Tree site = edge.site().getLeaf();
    boolean creation = site instanceof LambdaExpressionTree || site instanceof MemberReferenceTree
        || (site instanceof NewClassTree newClass && newClass.getClassBody() != null && callee.method() != null
            && callee.method().owner == ASTHelpers.getSymbol(newClass.getClassBody()));
    if (creation) {
      return new Translated(client, false); // captured variables and fields read the same where it is created
    }
    if (client.isLocal()) {
      ExpressionTree argument = argumentFor(client.variable(), callee, edge);
      if (argument == null) {
        return Translated.NONE;
      }
      return model.isNewClient(argument) ? Translated.FRESH : new Translated(ClientRef.of(argument), false);
    }
    if (client.isOwnField() && site instanceof MethodInvocationTree call) {
      ClientRef receiver = ClientRef.receiverOf(call);
      return receiver == null ? Translated.NONE : new Translated(receiver.then(client), false);
    }
    return Translated.NONE;
  }

  /** The argument the call at {@code edge} passes for {@code parameter} of the callee, or null (also for varargs). */
  static @Nullable ExpressionTree argumentFor(@Nullable VarSymbol parameter, Body callee, Body.Edge edge) {
    Tree site = edge.site().getLeaf();
    MethodSymbol method = callee.method();
    List<? extends ExpressionTree> arguments =
        site instanceof MethodInvocationTree call ? call.getArguments()
            : site instanceof NewClassTree newClass ? newClass.getArguments()
            : null;
    if (method == null || arguments == null) {
      return null;
    }
    int index = method.getParameters().indexOf(parameter);
    return index < 0 || index >= arguments.size() || (method.isVarArgs() && index == arguments.size() - 1)
        ? null
        : arguments.get(index);
  }

  private CallerTranslation() {}
}
