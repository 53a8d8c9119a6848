package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Check 4's question "may the field still hold an open client here?", answered no for a store that runs once per
 * object: the field's only store, reached only from a constructor or initializer of its class, or the first store
 * into the field of an object created right there. Cost: one walk back over the callers of the store's body, each
 * body once; the field's writes, once per store.
 */
final class OncePerObjectStores {
  private OncePerObjectStores() {}

  /**
   * The field's only store, in code that runs at most once per object: every path of calls and hand-offs to it
   * starts in a constructor or initializer of the field's class, with no loop and no periodic schedule on the way,
   * and the store is outside any loop. When it runs, the field cannot hold an earlier client. A task started from a
   * method that nothing in sight calls (a Start button's handler, called by the framework) can be started again, so
   * it is not covered.
   */
  static boolean isOnlyStoreRunOncePerObject(
      CompilationModel model, ClientRef target, AssignmentTree store, TreePath path, Body body) {
    VarSymbol field = target.variable();
    if (field == null
        || !target.isOwnField()
        || model.isInitializedAtDeclaration(field)
        || model.valuesStoredIn(field).size() != 1
        || model.valuesStoredIn(field).get(0) != store.getExpression()
        || isInsideLoop(path, body)) {
      return false;
    }
    Set<Body> seen = new HashSet<>();
    ArrayDeque<Body> work = new ArrayDeque<>(List.of(body));
    while (!work.isEmpty()) {
      Body current = work.poll();
      if (!seen.add(current)) {
        continue;
      }
      if (current.root() == Body.Root.STATUS_CALLBACK
          || current.root() == Body.Root.SDK_CALLBACK
          || current.incoming().isEmpty()) {
        return false; // run by the SDK, or by code out of sight: as often as it likes
      }
      for (Body.Edge edge : current.incoming()) {
        Body from = edge.from();
        if (isInsideLoop(edge.site(), from)) {
          return false;
        }
        if (edge.kind() == Body.EdgeKind.HAND_OFF && ReentryFacts.isRunPeriodically(edge.site())) {
          return false;
        }
        if (!isConstructionOf(from, field.owner)) {
          work.add(from); // a helper the constructor calls runs once too; a method called from elsewhere does not
        }
      }
    }
    return true;
  }

  /**
   * {@code DeviceState state = new DeviceState(); state.client = new DeviceClient(...)}: the first store into the
   * field of an object created in the same round, when no initializer or constructor of the compilation stores into
   * that field: nothing can have put a client there yet. The holder is an effectively final local created with {@code
   * new} in a block around the store, with no loop between them and no earlier store into the field through it.
   */
  static boolean isFirstStoreIntoAFreshObject(
      CompilationModel model, ClientRef target, AssignmentTree store, TreePath path, Body body) {
    VarSymbol field = target.variable();
    if (field == null
        || model.isInitializedAtDeclaration(field)
        || !(store.getVariable() instanceof MemberSelectTree select)
        || !(IotHubSdk.stripParenthesesAndCasts(select.getExpression()) instanceof IdentifierTree holder)
        || !(ASTHelpers.getSymbol(holder) instanceof VarSymbol local)
        || local.getKind() == ElementKind.FIELD
        || !(model.finalLocalInitializer(local) instanceof NewClassTree)
        || !declaredAroundWithNoLoopBetween(local, path, body)) {
      return false;
    }
    int storedAt = ASTHelpers.getStartPosition(store);
    for (CompilationModel.FieldWrite write : model.writesOf(field)) {
      MethodSymbol writer = write.body().method();
      if (writer != null && writer.isConstructor()) {
        return false; // new DeviceState(client): the constructor may have stored one
      }
      if (write.body() == body
          && write.path().getLeaf() instanceof AssignmentTree earlier
          && ASTHelpers.getStartPosition(earlier) < storedAt
          && target.equals(ClientRef.of(earlier.getVariable()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean declaredAroundWithNoLoopBetween(VarSymbol local, TreePath path, Body body) {
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement instanceof VariableTree declaration && ASTHelpers.getSymbol(declaration) == local) {
            return true;
          }
        }
      }
      if (StatementFlow.isLoop(current.getLeaf())) {
        return false;
      }
    }
    return false;
  }

  /** A constructor or initializer body of {@code owner}: it runs once per object (or class). */
  private static boolean isConstructionOf(Body body, Symbol owner) {
    MethodSymbol method = body.method();
    if (method != null) {
      return method.isConstructor() && method.owner == owner;
    }
    return body.tree() instanceof ClassTree classTree && ASTHelpers.getSymbol(classTree) == owner;
  }

  private static boolean isInsideLoop(TreePath path, Body body) {
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (StatementFlow.isLoop(current.getLeaf())) {
        return true;
      }
    }
    return false;
  }
}
