package io.github.linkguard.checker.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A unit of code that runs as a whole: a method, a lambda, or the initializers of one class. The nodes of the
 * class's call graph; edges are same-class calls and hand-offs.
 */
public final class Body {
  /** Why a body can run while the device already has a live link, independently of who calls it. */
  public enum Root {
    NONE,
    /** An implementation of IotHubConnectionStatusChangeCallback. */
    STATUS_CALLBACK,
    /** Any other SDK callback: messages, send confirmations, methods, twin. */
    SDK_CALLBACK,
    /** Code handed to another thread: executors, schedulers, Timer, Thread, CompletableFuture, Handler.post. */
    HAND_OFF
  }

  /** How one body reaches another. */
  public enum EdgeKind {
    /** Runs on the caller's thread before the caller goes on. */
    SYNC,
    /** Runs later, on another thread. */
    HAND_OFF
  }

  /** A call or hand-off from one body to another; {@code site} is the call, method reference or lambda. */
  public record Edge(Body from, Body to, EdgeKind kind, TreePath site) {}

  private final TreePath path;
  private final @Nullable MethodSymbol method;
  private Root root = Root.NONE;
  private @Nullable CallbackParameters callbackParameters;
  private final Set<ClientRef> callbackClients = new LinkedHashSet<>();
  final List<Edge> outgoing = new ArrayList<>();
  final List<Edge> incoming = new ArrayList<>();
  private @Nullable List<TreePath> returnStatements;

  Body(TreePath path, @Nullable MethodSymbol method) {
    this.path = path;
    this.method = method;
  }

  /** The path to the MethodTree, LambdaExpressionTree or (for initializers) ClassTree. */
  public TreePath path() {
    return path;
  }

  public Tree tree() {
    return path.getLeaf();
  }

  public @Nullable MethodSymbol method() {
    return method;
  }

  /** The expressions the body's own {@code return} statements return (see {@link #returnStatements}). */
  List<ExpressionTree> returnedExpressions() {
    List<ExpressionTree> returned = new ArrayList<>();
    for (TreePath statement : returnStatements()) {
      ExpressionTree expression = ((ReturnTree) statement.getLeaf()).getExpression();
      if (expression != null) {
        returned.add(expression);
      }
    }
    return returned;
  }

  /** The path of this body's own {@code return} statement that returns {@code expression}, or null. */
  @Nullable TreePath returnStatementOf(ExpressionTree expression) {
    for (TreePath statement : returnStatements()) {
      if (((ReturnTree) statement.getLeaf()).getExpression() == expression) {
        return statement;
      }
    }
    return null;
  }

  /** The code a method or lambda body runs: the method's block, the lambda's block or expression; else null. */
  @Nullable Tree code() {
    return tree() instanceof MethodTree methodTree ? methodTree.getBody()
        : tree() instanceof LambdaExpressionTree lambda ? lambda.getBody()
        : null;
  }

  /**
   * The body's own {@code return} statements, in source order (not those of its lambdas or classes): a method's, or a
   * block lambda's. Memoized.
   */
  List<TreePath> returnStatements() {
    if (returnStatements == null) {
      List<TreePath> found = new ArrayList<>();
      Tree block = code();
      if (block instanceof BlockTree) {
        new SameBodyPathScanner() {
          @Override
          public Void visitReturn(ReturnTree tree, Void unused) {
            found.add(getCurrentPath());
            return null;
          }
        }.scan(new TreePath(path, block), null);
      }
      returnStatements = found;
    }
    return returnStatements;
  }

  public Root root() {
    return root;
  }

  /** The status and reason expressions of a status callback, as source text valid inside its body. */
  public @Nullable CallbackParameters callbackParameters() {
    return callbackParameters;
  }

  void markRoot(Root newRoot, @Nullable CallbackParameters parameters) {
    // A status callback is the strongest claim: it decides both the callback-thread rules and the fixes.
    if (root == Root.STATUS_CALLBACK) {
      return;
    }
    if (newRoot == Root.STATUS_CALLBACK || root == Root.NONE || newRoot == Root.SDK_CALLBACK) {
      root = newRoot;
      if (parameters != null) {
        callbackParameters = parameters;
      }
    }
  }

  /**
   * A lambda, or a method of an anonymous class: code written where its object is made (made there only, and naming
   * the variables and fields that code names).
   */
  boolean isWrittenWhereItIsMade() {
    return tree() instanceof LambdaExpressionTree
        || (method != null && method.owner instanceof ClassSymbol owner && owner.isAnonymous());
  }

  /**
   * A task written where a catch hands it off to run the method again ({@link CallGraph}): the next round of a
   * retry, which continues the path of the round that failed, not a root of its own.
   */
  void clearHandOffRoot() {
    if (root == Root.HAND_OFF) {
      root = Root.NONE;
    }
  }

  /** The clients a status callback is registered on, where the registration names them. */
  public Set<ClientRef> callbackClients() {
    return callbackClients;
  }

  void registeredOn(@Nullable ClientRef client) {
    if (client != null) {
      callbackClients.add(client);
    }
  }

  public List<Edge> outgoing() {
    return outgoing;
  }

  public List<Edge> incoming() {
    return incoming;
  }

  @Override
  public String toString() {
    return method != null ? method.toString() : tree().getKind().toString();
  }
}
