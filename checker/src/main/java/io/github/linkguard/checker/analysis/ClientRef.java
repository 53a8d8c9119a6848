package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a client expression, so that "the same client" can be decided across statements: two client
 * expressions are the same client when they name the same local variable or parameter, or the same field (with or
 * without {@code this.}, or the same field of the same other object). A no-argument getter of the class counts as
 * a field read.
 */
public final class ClientRef {
  private final List<Symbol> path;
  private final int hash;

  private ClientRef(List<Symbol> path) {
    this.path = List.copyOf(path);
    this.hash = this.path.hashCode();
  }

  /** The identity of {@code expression}, or null when it cannot be named (a call with arguments, an array...). */
  public static @Nullable ClientRef of(@Nullable ExpressionTree expression) {
    if (expression == null) {
      return null;
    }
    List<Symbol> path = new ArrayList<>();
    return collect(IotHubSdk.stripParenthesesAndCasts(expression), path) ? new ClientRef(path) : null;
  }

  /** The identity of a variable (a declaration's symbol). */
  public static ClientRef ofVariable(VarSymbol variable) {
    return new ClientRef(List.of(variable));
  }

  /** The receiver of a call: {@code c} in {@code c.open()}, {@code this} for an unqualified call. */
  public static @Nullable ClientRef receiverOf(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return receiver == null ? THIS : of(receiver);
  }

  /** An unqualified open() inside a client subclass opens the object itself. */
  public static final ClientRef THIS = new ClientRef(List.of());

  private static boolean collect(ExpressionTree tree, List<Symbol> path) {
    if (tree instanceof IdentifierTree identifier) {
      if (Receivers.isThis(identifier.getName())) {
        return true;
      }
      Symbol symbol = ASTHelpers.getSymbol(identifier);
      if (symbol instanceof VarSymbol) {
        path.add(symbol);
        return true;
      }
      return false;
    }
    if (tree instanceof MemberSelectTree member) {
      Symbol symbol = ASTHelpers.getSymbol(member);
      if (Receivers.isThis(member.getIdentifier())) { // Outer.this
        return true;
      }
      boolean fieldOrConstant =
          symbol instanceof VarSymbol
              && (symbol.getKind() == ElementKind.FIELD || symbol.getKind() == ElementKind.ENUM_CONSTANT);
      if (!fieldOrConstant) {
        return false; // Hub.INSTANCE.client: an enum constant is one object, like a static field
      }
      if (symbol.isStatic()) {
        path.add(symbol);
        return true;
      }
      if (!collect(IotHubSdk.stripParenthesesAndCasts(member.getExpression()), path)) {
        return false;
      }
      path.add(symbol);
      return true;
    }
    if (tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      if (!(symbol instanceof MethodSymbol method) || method.isStatic()) {
        return false;
      }
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      if (receiver != null && !collect(IotHubSdk.stripParenthesesAndCasts(receiver), path)) {
        return false;
      }
      path.add(method);
      return true;
    }
    return false;
  }

  /** {@code member} read through this object: {@code device} then {@code client} is {@code device.client}. */
  public ClientRef then(ClientRef member) {
    List<Symbol> joined = new ArrayList<>(path);
    joined.addAll(member.path);
    return new ClientRef(joined);
  }

  /** The variable this identity names last: the field or local itself, or null for {@code this} or a getter. */
  public @Nullable VarSymbol variable() {
    return !path.isEmpty() && path.get(path.size() - 1) instanceof VarSymbol variable ? variable : null;
  }

  /**
   * The local variable or parameter this identity is read through ({@code lease} in {@code lease.client()}, or the
   * local itself), or null when it starts at a field or at {@code this}.
   */
  public @Nullable VarSymbol rootLocal() {
    return !path.isEmpty()
            && path.get(0) instanceof VarSymbol root
            && root.getKind() != ElementKind.FIELD
            && root.getKind() != ElementKind.ENUM_CONSTANT
        ? root
        : null;
  }

  /** A local variable or parameter, as opposed to a field. */
  public boolean isLocal() {
    VarSymbol variable = variable();
    return path.size() == 1 && variable != null && variable.getKind() != ElementKind.FIELD;
  }

  /** A field of this object (or a static field): something another method of the class can see. */
  public boolean isOwnField() {
    VarSymbol variable = variable();
    return path.size() == 1 && variable != null && variable.getKind() == ElementKind.FIELD;
  }

  /** Read through {@code holder}: {@code holder.client}, {@code holder.client()}, but not {@code holder} itself. */
  public boolean isReadThrough(VarSymbol holder) {
    return path.size() > 1 && path.get(0).equals(holder);
  }

  public boolean isThis() {
    return path.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ClientRef other) || other.hash != hash || other.path.size() != path.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      if (!path.get(i).equals(other.path.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("this");
    for (Symbol symbol : path) {
      text.append('.').append(symbol.getSimpleName());
    }
    return text.toString();
  }
}
