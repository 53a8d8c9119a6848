package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a try-with-resources closes: a client declared or named as a resource, and a client held by a resource of
 * the app's own type whose {@code close()} closes the client it holds ({@code try (Session s = new Session(new
 * DeviceClient(...))) { s.client().open(false); }}: 2.x DeviceClient is not AutoCloseable, so apps wrap it).
 *
 * <p>Cost: whether a class's close() closes a client it holds is decided once per class, from the connection calls
 * of the bodies close() runs synchronously.
 */
final class ClosingResources {
  private final CompilationModel model;
  private final Types types;
  private final Name close;
  private final Map<ClassSymbol, Boolean> closesHeldClient = new HashMap<>();

  ClosingResources(CompilationModel model) {
    this.model = model;
    this.types = model.state().getTypes();
    this.close = model.state().getName("close");
  }

  /** Whether leaving {@code tryTree}'s block closes {@code client}. */
  boolean closes(TryTree tryTree, ClientRef client) {
    for (Tree resource : tryTree.getResources()) {
      VarSymbol variable =
          resource instanceof VariableTree declared
              ? ASTHelpers.getSymbol(declared)
              : resource instanceof ExpressionTree named && ASTHelpers.getSymbol(named) instanceof VarSymbol symbol
                  ? symbol
                  : null;
      if (resource instanceof ExpressionTree expression && client.equals(ClientRef.of(expression))) {
        return true;
      }
      if (variable != null
          && (client.equals(ClientRef.ofVariable(variable))
              || (client.isReadThrough(variable) && closesWhatItHolds(variable.type)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the close() of a class of the compilation closes a client of its own (or one it hands a helper). */
  private boolean closesWhatItHolds(@Nullable Type type) {
    if (type == null || !(type.tsym instanceof ClassSymbol owner)) {
      return false;
    }
    Boolean known = closesHeldClient.get(owner);
    if (known == null) {
      MethodSymbol closeMethod = closeMethodOf(type);
      Body body = closeMethod == null ? null : model.bodyOf(closeMethod);
      known = body != null && closesAClientItHolds(body);
      closesHeldClient.put(owner, known);
    }
    return known;
  }

  private boolean closesAClientItHolds(Body closeBody) {
    for (Body body : model.syncReachable(closeBody)) {
      for (ConnectionCall call : model.callsIn(body)) {
        ClientRef closed = call.client();
        if (call.op().closes()
            && closed != null
            && (closed.isOwnField() || closed.isThis() || isParameterOf(closed, body))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isParameterOf(ClientRef client, Body body) {
    MethodSymbol method = body.method();
    return client.isLocal() && method != null && method.getParameters().contains(client.variable());
  }

  /** The no-argument close() the class declares or inherits, or null. */
  private @Nullable MethodSymbol closeMethodOf(Type type) {
    for (Type current = type;
        current != null && current.tsym instanceof ClassSymbol;
        current = types.supertype(current)) {
      for (Symbol member : current.tsym.members().getSymbolsByName(close)) {
        if (member instanceof MethodSymbol method && method.getParameters().isEmpty()) {
          return method;
        }
      }
    }
    return null;
  }
}
