package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The calls of the visible classes that may store a value over the one a map's key holds, each with its {@link
 * MapStoreKind}: the one place that knows the Map methods check 4(b) reads. The scan asks {@link #kindOf} of every
 * call, so the method names are compared as javac interned them (no name is decoded into a String).
 */
final class MapStores {
  private final IotHubSdk sdk;
  private final Name put;
  private final Name putFirst;
  private final Name putLast;
  private final Name replace;
  private final Name compute;
  private final Name computeIfPresent;
  private final Name merge;
  private final List<TreePath> calls = new ArrayList<>();
  private final Map<Tree, MapStoreKind> kinds = new IdentityHashMap<>();

  MapStores(IotHubSdk sdk, VisitorState state) {
    this.sdk = sdk;
    this.put = state.getName("put");
    this.putFirst = state.getName("putFirst");
    this.putLast = state.getName("putLast");
    this.replace = state.getName("replace");
    this.compute = state.getName("compute");
    this.computeIfPresent = state.getName("computeIfPresent");
    this.merge = state.getName("merge");
  }

  /** The kind of map store {@code tree} (whose method is {@code symbol}) is, or null when it is none. */
  @Nullable MapStoreKind kindOf(MethodInvocationTree tree, @Nullable Symbol symbol) {
    if (!(symbol instanceof MethodSymbol method)) {
      return null;
    }
    Name name = method.getSimpleName();
    int arguments = tree.getArguments().size();
    MapStoreKind kind = null;
    if ((name == put || name == putFirst || name == putLast) && arguments == 2) {
      kind = MapStoreKind.PUT;
    } else if (name == replace && (arguments == 2 || arguments == 3)) {
      kind = arguments == 2 ? MapStoreKind.REPLACE : MapStoreKind.CONDITIONAL_REPLACE;
    } else if ((name == compute || name == computeIfPresent) && arguments == 2) {
      kind = MapStoreKind.COMPUTE;
    } else if (name == merge && arguments == 3) {
      kind = MapStoreKind.MERGE;
    }
    return kind != null && sdk.isSubtypeOf(ASTHelpers.getReceiverType(tree), "java.util.Map") ? kind : null;
  }

  void add(TreePath call, MapStoreKind kind) {
    calls.add(call);
    kinds.put(call.getLeaf(), kind);
  }

  /** Every map store, in scan order. */
  List<TreePath> calls() {
    return calls;
  }

  /** The kind of a map store the scan recorded, or null for any other tree. */
  @Nullable MapStoreKind recordedKindOf(Tree call) {
    return kinds.get(call);
  }
}
