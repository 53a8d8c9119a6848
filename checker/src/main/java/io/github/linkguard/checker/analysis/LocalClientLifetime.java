package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a client held in a local stays the method's own: it does not escape (only receivers, assignment targets,
 * null checks, and same-class helpers that keep it too), and it is closed on every path, the failing open() included.
 * What check 4's per-call-client form asks of each candidate local.
 *
 * <p>Cost: a scan of the method per local; a helper's parameter is decided once (memoized per compilation) and
 * followed at most {@code MAX_ESCAPE_DEPTH} helpers deep.
 */
final class LocalClientLifetime {
  private final CompilationModel model;
  private final Analyses analyses;

  LocalClientLifetime(Analyses analyses) {
    this.model = analyses.model();
    this.analyses = analyses;
  }

  /**
   * The lambda and class bodies inside {@code body} that open {@code client}, a local of {@code body} they capture:
   * a lambda belongs to the method that creates it, so its open is an open of the method's local.
   */
  Set<Body> bodiesInsideOpening(ClientRef client, Body body) {
    Set<Body> opening = new LinkedHashSet<>();
    for (ConnectionCall open : model.opensOf(client)) {
      if (open.body() != body && CompilationModel.isWithin(open.path(), body.tree())) {
        opening.add(open.body());
      }
    }
    return opening;
  }

  /** Whether each of {@code bodies} (none when empty) closes the client on every path after it opens it. */
  boolean closedInEach(Set<Body> bodies, TreePath declarationPath, ClientRef client) {
    for (Body inside : bodies) {
      if (!closedOnEveryPath(declarationPath, client, inside)) {
        return false;
      }
    }
    return !bodies.isEmpty();
  }

  /**
   * Whether the local is used as anything but a receiver, an assignment target, in a null check, or as the
   * argument of a same-class method that does not let its parameter escape either.
   */
  boolean escapes(VarSymbol local, Body body) {
    return escapes(local, body.path(), 0);
  }

  private static final int MAX_ESCAPE_DEPTH = 3;
  private final Map<MethodSymbol, Map<Integer, Boolean>> parameterEscapes = new HashMap<>();

  private boolean escapes(VarSymbol variable, TreePath within, int depth) {
    boolean[] escapes = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (!escapes[0] && ASTHelpers.getSymbol(identifier) == variable && !isHarmlessUse(getCurrentPath(), depth)) {
          escapes[0] = true;
        }
        return null;
      }
    }.scan(within, null);
    return escapes[0];
  }

  private boolean parameterEscapes(MethodSymbol method, int index, int depth) {
    Map<Integer, Boolean> byIndex = parameterEscapes.computeIfAbsent(method, m -> new HashMap<>());
    Boolean known = byIndex.get(index);
    if (known != null) {
      return known;
    }
    byIndex.put(index, true); // recursion guard: assume the worst while it is being decided
    Body body = model.bodyOf(method);
    boolean escapes =
        body == null
            || depth >= MAX_ESCAPE_DEPTH
            || index >= method.getParameters().size()
            || (method.isVarArgs() && index == method.getParameters().size() - 1)
            || escapes(method.getParameters().get(index), body.path(), depth + 1);
    byIndex.put(index, escapes);
    return escapes;
  }

  private boolean isHarmlessUse(TreePath use, int depth) {
    Tree leaf = use.getLeaf();
    Tree parent = use.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree member && member.getExpression() == leaf) {
      return use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree;
    }
    if (parent instanceof AssignmentTree assignment && assignment.getVariable() == leaf) {
      return true;
    }
    if (parent instanceof ExpressionTree test && NullTest.of(test) != null) {
      return true;
    }
    if (parent instanceof MethodInvocationTree call
        && call.getArguments().contains(leaf)
        && !isCapturedInside(use)) {
      Symbol callee = ASTHelpers.getSymbol((Tree) call);
      if (isOwnSdkCall(call, leaf, callee)) {
        return true;
      }
      // sendHeartbeat(second): a same-class helper that only uses its parameter keeps the client here
      return callee instanceof MethodSymbol method
          && !parameterEscapes(method, call.getArguments().indexOf(leaf), depth);
    }
    return false;
  }

  /**
   * {@code client.setConnectionStatusChangeCallback(callback, client)}: the client given to one of its own SDK methods
   * (a callback's context, in the SDK samples' idiom) is only handed back to that client's callbacks; nothing outside
   * the method can close it through that.
   */
  private boolean isOwnSdkCall(MethodInvocationTree call, Tree argument, @Nullable Symbol callee) {
    return callee instanceof MethodSymbol method
        && model.sdk().isClientType(method.owner.type)
        && Receivers.receiverOf(call) instanceof IdentifierTree receiver
        && argument instanceof IdentifierTree passed
        && ASTHelpers.getSymbol(receiver) == ASTHelpers.getSymbol(passed);
  }

  /** A use inside a lambda or class within the method: it runs on another path we cannot follow. */
  private static boolean isCapturedInside(TreePath use) {
    for (TreePath current = use; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof LambdaExpressionTree || current.getLeaf() instanceof ClassTree) {
        return true;
      }
      if (current.getLeaf() instanceof MethodTree) {
        break;
      }
    }
    return false;
  }

  /**
   * Closed on every path, including the one where open() itself fails: try-with-resources, a close in a finally, or
   * closes both in the try that opens it and in every catch of that try that can complete.
   */
  boolean closedOnEveryPath(TreePath declarationPath, ClientRef client, Body body) {
    return closedOnEveryPath(declarationPath, client, body, 0);
  }

  private boolean closedOnEveryPath(TreePath declarationPath, ClientRef client, Body body, int depth) {
    Tree parent = declarationPath.getParentPath().getLeaf();
    if (parent instanceof TryTree tryTree && tryTree.getResources().contains(declarationPath.getLeaf())) {
      return true;
    }
    List<TreePath> closes = analyses.effects().closeSites(body, client);
    for (TreePath close : closes) {
      BlockTree finallyBlock = enclosingFinally(close, body);
      if (finallyBlock != null && analyses.pathFacts().closesOnCompletion(finallyBlock, client)) {
        return true; // not `finally { if (!keepOpen) c.close(); }`
      }
    }
    boolean opensItself = false;
    for (ConnectionCall open : model.callsIn(body)) {
      if (open.isOpen() && client.equals(open.client()) && closedInTryAndEveryCatch(open.path(), client, body)) {
        return true;
      }
      opensItself |= open.isOpen() && client.equals(open.client());
    }
    return !opensItself && depth < MAX_ESCAPE_DEPTH && openedOnlyByHelpersThatClose(client, body, depth);
  }

  /**
   * {@code upload(client)} with {@code upload(DeviceClient c) { try { c.open(false); ... } finally { c.close(); } }}:
   * every compilation method the body passes the client to and that opens it closes it on every path itself (at
   * least one does), so nothing the caller does around the call leaves it open.
   */
  private boolean openedOnlyByHelpersThatClose(ClientRef client, Body body, int depth) {
    boolean openedByHelper = false;
    for (Body.Edge edge : body.outgoing()) {
      if (edge.kind() != Body.EdgeKind.SYNC
          || !(edge.site().getLeaf() instanceof MethodInvocationTree call)
          || !(edge.to().tree() instanceof MethodTree helper)
          || !analyses.effects().openedByCall(call).contains(client)) {
        continue;
      }
      List<? extends ExpressionTree> arguments = call.getArguments();
      for (int i = 0; i < arguments.size() && i < helper.getParameters().size(); i++) {
        if (!client.equals(ClientRef.of(arguments.get(i)))) {
          continue;
        }
        VarSymbol parameter = ASTHelpers.getSymbol(helper.getParameters().get(i));
        TreePath declaration = new TreePath(edge.to().path(), helper.getParameters().get(i));
        if (!closedOnEveryPath(declaration, ClientRef.ofVariable(parameter), edge.to(), depth + 1)) {
          return false;
        }
        openedByHelper = true;
      }
    }
    return openedByHelper;
  }

  /**
   * {@code try { c.open(); ... c.close(); } catch (E e) { c.close(); ... }} around the open(): every way out of the
   * try block after the open(), and every way out of each catch (a return or throw there leaves the client open
   * too), passes a close.
   */
  private boolean closedInTryAndEveryCatch(TreePath open, ClientRef client, Body body) {
    Tree previous = open.getLeaf();
    for (TreePath current = open.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof TryTree tryTree
          && previous == tryTree.getBlock()
          && !tryTree.getCatches().isEmpty()) {
        return closedInEachPart(current, tryTree, client, open) || closedAfterTheTry(current, client, body);
      }
      previous = current.getLeaf();
    }
    return false;
  }

  private boolean closedInEachPart(TreePath tryPath, TryTree tryTree, ClientRef client, TreePath open) {
    if (!closedAtEveryExit(new TreePath(tryPath, tryTree.getBlock()), client, false, open.getLeaf())) {
      return false;
    }
    for (CatchTree catchTree : tryTree.getCatches()) {
      TreePath catchPath = new TreePath(tryPath, catchTree);
      if (!closedAtEveryExit(new TreePath(catchPath, catchTree.getBlock()), client, true, null)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code try { c.open(); ... } catch (E e) { log(e); } c.close();}: a statement of the block after the try closes
   * the client (unconditionally, or under a null check of it), and every return or throw from the try on comes after
   * a close. A break or continue from the try up to that statement could skip the close, so none may be there.
   */
  private boolean closedAfterTheTry(TreePath tryPath, ClientRef client, Body body) {
    if (!(tryPath.getParentPath().getLeaf() instanceof BlockTree block)) {
      return false;
    }
    Set<Tree> closingStatements = new HashSet<>();
    for (TreePath close : analyses.effects().closeSites(body, client)) {
      Tree statement = RoundCloses.statementOf(block, close);
      if (statement != null && RoundCloses.onlyNullChecksAbove(close, block, client)) {
        closingStatements.add(statement);
      }
    }
    boolean fromTheTry = false;
    for (StatementTree statement : block.getStatements()) {
      if (fromTheTry && closingStatements.contains(statement)) {
        return closedAtEveryExit(tryPath.getParentPath(), client, true, tryPath.getLeaf());
      }
      fromTheTry |= statement == tryPath.getLeaf();
      if (fromTheTry && NormalCompletion.holdsLoopJump(statement, true)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether completing the block, and every return in it after {@code after} (and every throw, when {@code
   * throwsLeave}), comes after a close of the client.
   */
  private boolean closedAtEveryExit(
      TreePath blockPath, ClientRef client, boolean throwsLeave, @Nullable Tree after) {
    BlockTree block = (BlockTree) blockPath.getLeaf();
    if (NormalCompletion.canCompleteNormally(block) && !analyses.pathFacts().closesOnCompletion(block, client)) {
      return false;
    }
    int from = after == null ? -1 : ASTHelpers.getStartPosition(after);
    boolean[] closed = {true};
    new SameBodyPathScanner() { // a lambda's returns leave the lambda, not the block
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        closedBefore(getCurrentPath());
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        if (throwsLeave) {
          closedBefore(getCurrentPath());
        }
        return null;
      }

      private void closedBefore(TreePath exit) {
        if (closed[0]
            && ASTHelpers.getStartPosition(exit.getLeaf()) > from
            && !analyses.pathFacts().factsAt(exit).closed(client)) {
          closed[0] = false;
        }
      }
    }.scan(blockPath, null);
    return closed[0];
  }

  /** The finally block {@code path} sits in, within {@code body}, or null. */
  private static @Nullable BlockTree enclosingFinally(TreePath path, Body body) {
    Tree previous = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof TryTree tryTree && previous == tryTree.getFinallyBlock()) {
        return tryTree.getFinallyBlock();
      }
      previous = current.getLeaf();
    }
    return null;
  }
}
