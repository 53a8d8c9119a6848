package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which catches a failed attempt reaches. The open(), or the call that leads to one, throws the checked exceptions
 * its method declares and any unchecked one, so a catch of an unrelated checked exception (a provisioning failure
 * thrown before the client exists) is not on the path of that failure: what it does before the next round says
 * nothing about the failed client. Only the innermost try around the attempt is read this way, since a catch nested
 * between them may rethrow the failure as anything.
 *
 * <p>Cost: per catch, a few subtype questions for each exception type the attempt's method declares.
 */
final class CaughtFailures {
  private final Types types;
  private final Type runtimeException;
  private final Type error;

  CaughtFailures(VisitorState state) {
    this.types = state.getTypes();
    this.runtimeException = state.getSymtab().runtimeExceptionType;
    this.error = state.getSymtab().errorType;
  }

  /**
   * The catches of {@code tryTree} that a failure of {@code attempt} can reach, when {@code tryTree} is the innermost
   * try whose block holds the attempt; every catch otherwise, or when what the attempt throws is not known.
   */
  List<? extends CatchTree> reachedBy(TryTree tryTree, TreePath attempt) {
    if (!isInnermostTryAround(attempt, tryTree)) {
      return tryTree.getCatches();
    }
    List<CatchTree> reached = new ArrayList<>();
    for (CatchTree catchTree : tryTree.getCatches()) {
      if (mayCatch(catchTree, attempt.getLeaf())) {
        reached.add(catchTree);
      }
    }
    return reached;
  }

  private boolean mayCatch(CatchTree catchTree, Tree attempt) {
    List<Type> thrown = declaredThrown(attempt);
    if (thrown == null) {
      return true;
    }
    Tree caughtType = catchTree.getParameter().getType();
    List<? extends Tree> alternatives =
        caughtType instanceof UnionTypeTree union ? union.getTypeAlternatives() : List.of(caughtType);
    for (Tree alternative : alternatives) {
      Type caught = ASTHelpers.getType(alternative);
      if (caught == null || catchesUnchecked(caught)) {
        return true;
      }
      for (Type exception : thrown) {
        if (types.isSubtype(exception, caught) || types.isSubtype(caught, exception)) {
          return true;
        }
      }
    }
    return false;
  }

  /** RuntimeException, Error and their subclasses, and Exception and Throwable themselves. */
  private boolean catchesUnchecked(Type caught) {
    return types.isSubtype(caught, runtimeException)
        || types.isSubtype(caught, error)
        || types.isSubtype(runtimeException, caught);
  }

  /** The exceptions the attempt's method or constructor declares, or null when they are not known. */
  private static @Nullable List<Type> declaredThrown(Tree attempt) {
    Symbol symbol = ASTHelpers.getSymbol(attempt);
    if (!(symbol instanceof MethodSymbol method)) {
      return null;
    }
    for (Type exception : method.getThrownTypes()) {
      if (exception.hasTag(TypeTag.TYPEVAR)) {
        return null; // <E extends Exception> void run() throws E: what it throws depends on the call
      }
    }
    return method.getThrownTypes();
  }

  private static boolean isInnermostTryAround(TreePath attempt, TryTree tryTree) {
    Tree previous = attempt.getLeaf();
    for (TreePath current = attempt.getParentPath(); current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf == tryTree) {
        return previous == tryTree.getBlock();
      }
      if (leaf instanceof TryTree other && previous == other.getBlock() && !other.getCatches().isEmpty()) {
        return false;
      }
      previous = leaf;
    }
    return false;
  }
}
