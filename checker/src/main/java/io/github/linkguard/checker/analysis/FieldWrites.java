package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import io.github.linkguard.checker.analysis.CompilationModel.FieldWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Every write to a field of the visible classes the scan meets (initializers, assignments, {@code set(...)} on an
 * atomic holder), and the indexes over them: by field, by body, and which fields are initialized where declared.
 *
 * <p>Cost: recording is constant per write; each index is built once, on first use, in one pass over the w writes,
 * O(w); a lookup is then a map access (plus, for {@link #assignedAfter}, the writes of one body).
 */
final class FieldWrites {
  private final IotHubSdk sdk;
  /** The atomic holders' writing methods, interned: the name is compared before any type, for every call. */
  private final Set<Name> atomicWriteNames;
  private final List<FieldWrite> writes = new ArrayList<>();
  private @Nullable Set<VarSymbol> initializedFields;
  private @Nullable Map<VarSymbol, List<ExpressionTree>> valuesByField;
  private @Nullable Map<Body, List<FieldWrite>> writesByBody;

  FieldWrites(IotHubSdk sdk, Names names) {
    this.sdk = sdk;
    this.atomicWriteNames =
        Set.of(
            names.fromString("set"), names.fromString("lazySet"), names.fromString("getAndSet"),
            names.fromString("compareAndSet"), names.fromString("setRelease"), names.fromString("setPlain"));
  }

  void add(VarSymbol field, @Nullable ExpressionTree value, TreePath path, Body body) {
    writes.add(new FieldWrite(field, value, path, body));
  }

  /** {@code flag.set(value)} and the like on an atomic holder field: a write of its last argument. */
  void noteAtomicWrite(MethodInvocationTree call, @Nullable Symbol symbol, TreePath path, Body body) {
    if (symbol instanceof MethodSymbol method && !call.getArguments().isEmpty() && isAtomicWrite(method)) {
      VarSymbol field = fieldOf(Receivers.receiverOf(call));
      if (field != null) {
        add(field, call.getArguments().get(call.getArguments().size() - 1), path, body);
      }
    }
  }

  List<FieldWrite> all() {
    return writes;
  }

  private boolean isAtomicWrite(MethodSymbol method) {
    return atomicWriteNames.contains(method.getSimpleName()) && isAtomicHolder(method.owner.type, sdk);
  }

  static boolean isAtomicHolder(@Nullable Type type, IotHubSdk sdk) {
    return sdk.isSubtypeOf(type, "java.util.concurrent.atomic.AtomicBoolean")
        || sdk.isSubtypeOf(type, "java.util.concurrent.atomic.AtomicReference");
  }

  private static @Nullable VarSymbol fieldOf(@Nullable ExpressionTree tree) {
    if (tree == null) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(tree));
    return symbol instanceof VarSymbol variable && variable.getKind() == ElementKind.FIELD ? variable : null;
  }

  /** Whether the field's declaration has an initializer. */
  boolean isInitializedAtDeclaration(VarSymbol field) {
    if (initializedFields == null) {
      Set<VarSymbol> initialized = new HashSet<>();
      for (FieldWrite write : writes) {
        if (write.path().getLeaf() instanceof VariableTree) {
          initialized.add(write.field());
        }
      }
      initializedFields = initialized;
    }
    return initializedFields.contains(field);
  }

  private @Nullable Map<VarSymbol, List<FieldWrite>> writesByField;

  /** Every write of a field of the visible classes, indexed on the first question. */
  List<FieldWrite> writesOf(VarSymbol field) {
    if (writesByField == null) {
      Map<VarSymbol, List<FieldWrite>> byField = new HashMap<>();
      for (FieldWrite write : writes) {
        byField.computeIfAbsent(write.field(), k -> new ArrayList<>()).add(write);
      }
      writesByField = byField;
    }
    return writesByField.getOrDefault(field, List.of());
  }

  /** Every value stored in a field of the visible classes: its initializer and its assignments. */
  List<ExpressionTree> valuesStoredIn(VarSymbol field) {
    if (valuesByField == null) {
      Map<VarSymbol, List<ExpressionTree>> byField = new HashMap<>();
      for (FieldWrite write : writes) {
        if (write.value() != null) {
          byField.computeIfAbsent(write.field(), k -> new ArrayList<>()).add(write.value());
        }
      }
      valuesByField = byField;
    }
    return valuesByField.getOrDefault(field, List.of());
  }

  /** The writes {@code body} makes, in source order. */
  List<FieldWrite> writesIn(Body body) {
    if (writesByBody == null) {
      Map<Body, List<FieldWrite>> byBody = new HashMap<>();
      for (FieldWrite write : writes) {
        byBody.computeIfAbsent(write.body(), k -> new ArrayList<>()).add(write);
      }
      writesByBody = byBody;
    }
    return writesByBody.getOrDefault(body, List.of());
  }

  /**
   * Whether {@code body} assigns {@code field} a client somewhere after {@code point}, other than a value {@code
   * ignored} accepts. A {@code null} does not count either: {@code client.close(); client = null;} leaves the caller's
   * field holding nothing open.
   */
  boolean assignedAfter(VarSymbol field, Body body, Tree point, Predicate<ExpressionTree> ignored) {
    int after = ASTHelpers.getStartPosition(point);
    for (FieldWrite write : writesIn(body)) {
      if (write.field().equals(field)
          && ASTHelpers.getStartPosition(write.path().getLeaf()) > after
          && !(write.value() != null
              && (NullTest.isNullLiteral(IotHubSdk.stripParenthesesAndCasts(write.value()))
                  || ignored.test(write.value())))) {
        return true;
      }
    }
    return false;
  }
}
