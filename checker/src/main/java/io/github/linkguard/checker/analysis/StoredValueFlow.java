package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What the code stores in a variable, for a call through a library type ({@code sink.accept(m)}, {@code task.run()})
 * to run: the objects of named or anonymous classes of the compilation and the lambdas and method references that can
 * reach it. A value reaches a variable when it is created there, chosen by a {@code ?:}, returned by a method of the
 * compilation that the value calls (a factory, followed through the factories it returns from), decorated by
 * Resilience4j (the attempt the decorated function runs), passed to a parameter of a method or constructor of the
 * compilation that the value reads (the arguments of every call: injection by constructor), or copied from another
 * field or effectively final local (what that one holds).
 *
 * <p>Those sources form one graph over variables and factory methods, the same whichever variable is asked about; each
 * variable's answer is what its node reaches. Cost: each node is expanded once for the whole compilation, and each
 * strongly connected part of the graph (variables that copy each other, a factory returning what it is given) gets its
 * answer once, from its own values and its successors' answers: O(nodes + edges + the answers' sizes) for every
 * variable asked about together, found without recursion (Tarjan's algorithm with an explicit stack). A search from
 * each variable separately cost, on a library of 600 classes whose fields are filled through constructors called from
 * many places, about 900,000 steps for 1,200 variables.
 */
final class StoredValueFlow {
  /** What a variable can hold: objects of classes of the compilation, and the bodies of functions. */
  record StoredValues(List<ClassSymbol> classes, List<Body> functions) {
    static final StoredValues NONE = new StoredValues(List.of(), List.of());
  }

  private final ClassScan scan;
  private final VisitorState state;
  private final BiFunction<MethodSymbol, Integer, List<ExpressionTree>> argumentsPassedTo;
  /** Each node's answer, once its strongly connected part is done: a variable, or a factory method. */
  private final Map<Symbol, StoredValues> answers = new HashMap<>();

  /** {@code argumentsPassedTo}: the arguments every call of a method of the compilation passes at an index. */
  StoredValueFlow(
      ClassScan scan, VisitorState state, BiFunction<MethodSymbol, Integer, List<ExpressionTree>> argumentsPassedTo) {
    this.scan = scan;
    this.state = state;
    this.argumentsPassedTo = argumentsPassedTo;
  }

  /** The values written to a field anywhere in the compilation, or an effectively final local's initializer. */
  List<? extends ExpressionTree> storedIn(VarSymbol variable) {
    if (variable.getKind() == ElementKind.FIELD) {
      return scan.fieldWrites.valuesStoredIn(variable);
    }
    ExpressionTree initializer = scan.locals.finalInitializer(variable);
    return initializer == null ? List.of() : List.of(initializer);
  }

  /** What {@code holder} (a field or a local, not a parameter) can hold. */
  StoredValues of(VarSymbol holder) {
    StoredValues known = answers.get(holder);
    return known != null ? known : solveFrom(holder);
  }

  /** One node of the graph while its strongly connected part is being found. */
  private static final class Node {
    final Symbol symbol;
    final int index;
    int lowLink;
    boolean onStack = true;
    final List<ClassSymbol> classes = new ArrayList<>();
    final List<Body> functions = new ArrayList<>();
    final List<Symbol> successors = new ArrayList<>();
    int nextSuccessor;

    Node(Symbol symbol, int index) {
      this.symbol = symbol;
      this.index = index;
      this.lowLink = index;
    }
  }

  /** Tarjan's algorithm from {@code root}, iterative; every node it finishes gets its answer. */
  private StoredValues solveFrom(VarSymbol root) {
    Map<Symbol, Node> nodes = new HashMap<>();
    Deque<Node> path = new ArrayDeque<>(); // the depth-first search's own stack
    Deque<Node> open = new ArrayDeque<>(); // Tarjan's stack: nodes whose part is not done yet
    Node first = expand(root, 0);
    nodes.put(root, first);
    path.push(first);
    open.push(first);
    while (!path.isEmpty()) {
      Node node = path.peek();
      if (node.nextSuccessor < node.successors.size()) {
        Symbol next = node.successors.get(node.nextSuccessor++);
        if (answers.containsKey(next)) {
          continue; // done before, in this search or an earlier one
        }
        Node seen = nodes.get(next);
        if (seen == null) {
          Node fresh = expand(next, nodes.size());
          nodes.put(next, fresh);
          path.push(fresh);
          open.push(fresh);
        } else if (seen.onStack) {
          node.lowLink = Math.min(node.lowLink, seen.index);
        }
        continue;
      }
      path.pop();
      Node caller = path.peek();
      if (caller != null) {
        caller.lowLink = Math.min(caller.lowLink, node.lowLink);
      }
      if (node.lowLink == node.index) {
        finishPart(node, open);
      }
    }
    return answers.get(root);
  }

  /** Pops {@code head}'s strongly connected part off {@code open} and gives each of its nodes the part's answer. */
  private void finishPart(Node head, Deque<Node> open) {
    List<Node> part = new ArrayList<>();
    Node member;
    do {
      member = open.pop();
      member.onStack = false;
      part.add(member);
    } while (member != head);
    Set<ClassSymbol> classes = new LinkedHashSet<>();
    Set<Body> functions = new LinkedHashSet<>();
    for (int i = part.size() - 1; i >= 0; i--) { // in the order the search reached them
      Node node = part.get(i);
      classes.addAll(node.classes);
      functions.addAll(node.functions);
      for (Symbol successor : node.successors) {
        StoredValues reached = answers.get(successor); // null: a member of this part
        if (reached != null) {
          classes.addAll(reached.classes());
          functions.addAll(reached.functions());
        }
      }
    }
    StoredValues answer =
        classes.isEmpty() && functions.isEmpty()
            ? StoredValues.NONE
            : new StoredValues(List.copyOf(classes), List.copyOf(functions));
    for (Node node : part) {
      answers.put(node.symbol, answer);
    }
  }

  /** A node's own values and the nodes its values come from. */
  private Node expand(Symbol symbol, int index) {
    Node node = new Node(symbol, index);
    List<? extends ExpressionTree> sources;
    if (symbol instanceof MethodSymbol factory) {
      Body body = scan.methodBodies().get(factory);
      sources = body == null ? List.of() : body.returnedExpressions();
    } else if (symbol instanceof VarSymbol parameter
        && parameter.getKind() == ElementKind.PARAMETER
        && parameter.owner instanceof MethodSymbol method) {
      sources = argumentsPassedTo.apply(method, method.getParameters().indexOf(parameter));
    } else {
      sources = storedIn((VarSymbol) symbol);
    }
    Deque<ExpressionTree> values = new ArrayDeque<>(sources);
    while (!values.isEmpty()) {
      ExpressionTree value = IotHubSdk.stripParenthesesAndCasts(values.poll());
      ClassSymbol created = value instanceof NewClassTree creation ? PendingLinks.classCreatedBy(creation) : null;
      Body function = functionBody(value);
      if (created != null && scan.links.isDeclaredHere(created)) {
        node.classes.add(created);
      } else if (function != null) {
        node.functions.add(function);
      } else if (value instanceof ConditionalExpressionTree choice) {
        values.add(choice.getTrueExpression());
        values.add(choice.getFalseExpression());
      } else if (value instanceof MethodInvocationTree call) {
        MethodSymbol factory = ASTHelpers.getSymbol(call);
        if (factory != null && scan.methodBodies().containsKey(factory)) {
          node.successors.add(factory);
        } else if (!call.getArguments().isEmpty() && RetryLibraries.RESILIENCE4J_DECORATE.matches(call, state)) {
          // Retry.decorateRunnable(retry, attempt): the decorated function runs the attempt where it is called
          values.add(call.getArguments().get(call.getArguments().size() - 1));
        }
      } else if (value instanceof IdentifierTree || value.getKind() == Tree.Kind.MEMBER_SELECT) {
        Symbol variable = ASTHelpers.getSymbol(value);
        if (isFollowedVariable(variable)) {
          node.successors.add(variable); // Runnable now = closeMeter; now.run(); -- what the copied variable holds
        }
      }
    }
    return node;
  }

  /**
   * A parameter of a method of the compilation (read as an identifier: what its calls pass), or a field or local
   * that is not a parameter (what is stored in it).
   */
  private boolean isFollowedVariable(@Nullable Symbol symbol) {
    if (!(symbol instanceof VarSymbol variable)) {
      return false;
    }
    if (variable.getKind() != ElementKind.PARAMETER) {
      return true;
    }
    return variable.owner instanceof MethodSymbol method && scan.methodBodies().containsKey(method);
  }

  private @Nullable Body functionBody(ExpressionTree value) {
    if (value instanceof LambdaExpressionTree) {
      return scan.bodies().get(value);
    }
    if (value instanceof MemberReferenceTree reference && ASTHelpers.getSymbol(reference) != null) {
      return scan.methodBodies().get(ASTHelpers.getSymbol(reference));
    }
    return null;
  }
}
