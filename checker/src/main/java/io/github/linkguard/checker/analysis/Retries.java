package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Retry constructs and re-entry loops and catches.
 *
 * <p>A <em>retry construct</em> is a loop around an open() that leaves after the open() succeeds, a catch that
 * attempts the same connection again (same client, or the method holding the open() again, directly, through
 * same-class methods or by scheduling it), or a recursive call from a catch. A loop that keeps running after its
 * open() succeeds, and a catch that is not a retry construct, are <em>re-entry sites</em>; an enhanced {@code for}
 * is not one by itself (each round handles a different item).
 *
 * <p>Computed once per class: every open() and every call site is placed in the loops and try statements around
 * it in a single pass, O(sites times nesting depth); which statements of a block inside a loop leave it is computed
 * once per block, with the block indexed, so many opens in one loop stay linear.
 */
public final class Retries {
  /** A construct that attempts an open() again after it failed. */
  public sealed interface Construct permits LoopRetry, CatchRetry, LibraryRetry {
    /** Where the open() (or the call reaching it) sits inside the construct. */
    TreePath anchor();
  }

  /**
   * A loop that retries: {@code anchor} is the open() or the call that reaches it. {@code throughFunction}: the
   * loop is in a same-class retry helper and the anchor runs a function the caller passed in ({@code
   * withRetry(() -> client.open())}), so the helper's catches are no place for this client's close.
   */
  public record LoopRetry(TreePath loop, TreePath anchor, boolean throughFunction) implements Construct {}

  /** A catch that retries: the try holds {@code anchor}, the catch holds {@code reattempt}. */
  public record CatchRetry(TreePath tryStatement, TreePath catchClause, TreePath anchor, TreePath reattempt)
      implements Construct {}

  /**
   * A retry library running an attempt (contract v2): {@code call} runs {@code attempt} (a lambda, method reference,
   * anonymous callback, or a {@code @Retryable} method at a proxied call), one round of a loop; {@code anchor} is the
   * open() or the call in the attempt that reaches it. {@code policy} is null where no listener can count.
   */
  public record LibraryRetry(TreePath call, Body attempt, TreePath anchor, RetryLibraries.@Nullable Policy policy)
      implements Construct {}

  private record LoopInfo(
      TreePath loop, Body body, Map<ConnectionCall, TreePath> anchors, Set<ConnectionCall> retried,
      boolean reentry) {}

  private record CatchInfo(Map<ConnectionCall, CatchRetry> retried) {}

  /** A call site or open() inside a body, and where it stands relative to the loops and trys around it. */
  private record Site(TreePath path, Body body, @Nullable ConnectionCall open, Body.@Nullable Edge edge) {}

  private final ClassModel model;
  private final Map<Tree, LoopInfo> loops = new IdentityHashMap<>();
  private final Map<Tree, CatchInfo> catches = new IdentityHashMap<>();
  private final Map<ConnectionCall, List<Construct>> constructsByOpen = new LinkedHashMap<>();
  private final Set<Body> libraryAttempts = new HashSet<>();

  Retries(ClassModel model) {
    this.model = model;
    Map<Tree, List<Site>> sitesInLoopBody = new IdentityHashMap<>();
    Map<Tree, List<Site>> sitesInLoopCondition = new IdentityHashMap<>();
    Map<Tree, List<Site>> sitesInTryBlock = new IdentityHashMap<>();
    Map<Tree, List<Site>> sitesInCatch = new IdentityHashMap<>();
    for (Body body : model.bodies()) {
      List<Site> sites = new ArrayList<>();
      for (ConnectionCall call : model.callsIn(body)) {
        if (call.isOpen()) {
          sites.add(new Site(call.path(), body, call, null));
        }
      }
      for (Body.Edge edge : body.outgoing()) {
        sites.add(new Site(edge.site(), body, null, edge));
      }
      for (Site site : sites) {
        Tree previous = site.path().getLeaf();
        for (TreePath current = site.path().getParentPath();
            current != null && current.getLeaf() != body.tree();
            current = current.getParentPath()) {
          Tree leaf = current.getLeaf();
          if (isLoop(leaf)) {
            (previous == loopCondition(leaf) ? sitesInLoopCondition : sitesInLoopBody)
                .computeIfAbsent(leaf, k -> new ArrayList<>())
                .add(site);
          } else if (leaf instanceof TryTree tryTree && previous == tryTree.getBlock()) {
            sitesInTryBlock.computeIfAbsent(leaf, k -> new ArrayList<>()).add(site);
          } else if (leaf instanceof CatchTree) {
            sitesInCatch.computeIfAbsent(leaf, k -> new ArrayList<>()).add(site);
          }
          previous = leaf;
        }
      }
    }
    for (TreePath loopPath : model.loops()) {
      Body body = model.bodyAt(loopPath);
      if (body != null) {
        classifyLoop(
            loopPath, body,
            sitesInLoopBody.getOrDefault(loopPath.getLeaf(), List.of()),
            sitesInLoopCondition.getOrDefault(loopPath.getLeaf(), List.of()));
      }
    }
    addRetriesThroughFunctions();
    addLibraryRetries();
    for (TreePath tryPath : model.tryStatements()) {
      TryTree tryTree = (TryTree) tryPath.getLeaf();
      List<Site> inBlock = sitesInTryBlock.getOrDefault(tryTree, List.of());
      for (CatchTree catchTree : tryTree.getCatches()) {
        classifyCatch(
            tryPath, new TreePath(tryPath, catchTree), inBlock,
            sitesInCatch.getOrDefault(catchTree, List.of()));
      }
    }
  }

  // ---------------------------------------------------------------- loops

  private void classifyLoop(TreePath loopPath, Body body, List<Site> inBody, List<Site> inCondition) {
    Map<ConnectionCall, TreePath> anchors = new LinkedHashMap<>();
    Set<ConnectionCall> conditionOpens = new HashSet<>();
    for (Site site : inCondition) {
      for (ConnectionCall open : opensAt(site)) {
        anchors.putIfAbsent(open, site.path());
        conditionOpens.add(open);
      }
    }
    for (Site site : inBody) {
      for (ConnectionCall open : opensAt(site)) {
        anchors.putIfAbsent(open, site.path());
      }
    }
    Set<ConnectionCall> retried = new LinkedHashSet<>();
    boolean keepsRunning = false;
    for (var entry : anchors.entrySet()) {
      if (conditionOpens.contains(entry.getKey()) || leavesAfterSuccess(loopPath, entry.getValue())) {
        retried.add(entry.getKey());
        constructsByOpen
            .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
            .add(new LoopRetry(loopPath, entry.getValue(), false));
      } else {
        keepsRunning = true;
      }
    }
    boolean reentry = keepsRunning && !(loopPath.getLeaf() instanceof EnhancedForLoopTree);
    loops.put(loopPath.getLeaf(), new LoopInfo(loopPath, body, anchors, retried, reentry));
  }

  /**
   * {@code withRetry(() -> client.open())}: a same-class method that runs its function parameter in a loop that ends
   * once the function succeeds retries the opens of the lambdas and method references callers pass there.
   */
  private void addRetriesThroughFunctions() {
    Map<MethodSymbol, Map<Integer, LoopRetry>> retriedParameters = new HashMap<>();
    for (LoopInfo info : loops.values()) {
      MethodSymbol method = info.body().method();
      if (method == null || method.getParameters().isEmpty()) {
        continue;
      }
      new SameBodyScanner() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          int index = -1;
          ExpressionTree callReceiver = ASTHelpers.getReceiver(call);
          if (callReceiver != null
              && IotHubSdk.stripParenthesesAndCasts(callReceiver) instanceof IdentifierTree receiver
              && ASTHelpers.getSymbol(receiver) instanceof VarSymbol parameter) {
            index = method.getParameters().indexOf(parameter);
          }
          TreePath invocation = index >= 0 ? TreePath.getPath(info.loop(), call) : null;
          if (invocation != null && leavesAfterSuccess(info.loop(), invocation)) {
            retriedParameters
                .computeIfAbsent(method, m -> new HashMap<>())
                .putIfAbsent(index, new LoopRetry(info.loop(), invocation, true));
          }
          return super.visitMethodInvocation(call, null);
        }
      }.scan(info.loop().getLeaf(), null);
    }
    if (retriedParameters.isEmpty()) {
      return;
    }
    for (Body body : model.bodies()) {
      for (Body.Edge edge : body.incoming()) {
        LoopRetry retry = retryOfArgument(edge.site(), retriedParameters);
        if (edge.kind() != Body.EdgeKind.SYNC || retry == null) {
          continue;
        }
        for (ConnectionCall open : model.syncReachableOpens(body)) {
          constructsByOpen.computeIfAbsent(open, k -> new ArrayList<>()).add(retry);
        }
      }
    }
  }

  /** The attempts that retry libraries run: function values they are given, and proxied calls of @Retryable methods. */
  private void addLibraryRetries() {
    for (Body body : model.bodies()) {
      for (Body.Edge edge : body.outgoing()) {
        RetryLibraries.AttemptRun run = RetryLibraries.attemptRunOf(edge.site(), model.state(), model.sdk());
        if (run != null) {
          RetryLibraries.Policy policy = new RetryLibraries.Policy(run.call(), model);
          if (policy.retries()) {
            addLibraryRetry(run.call(), edge.to(), policy);
          }
        }
      }
      if (RetryLibraries.isRetryableMethod(body, model.state())) {
        for (Body.Edge edge : body.incoming()) {
          if (edge.kind() == Body.EdgeKind.SYNC && RetryLibraries.isProxiedCall(edge.site().getLeaf())) {
            addLibraryRetry(edge.site(), body, null); // bean-name listeners are out of sight: none counts
          }
        }
      }
    }
  }

  private void addLibraryRetry(TreePath call, Body attempt, RetryLibraries.@Nullable Policy policy) {
    for (ConnectionCall open : model.syncReachableOpens(attempt)) {
      TreePath anchor = open.body() == attempt ? open.path() : null;
      for (Body.Edge edge : attempt.outgoing()) {
        if (anchor == null
            && edge.kind() == Body.EdgeKind.SYNC
            && model.syncReachable(edge.to()).contains(open.body())) {
          anchor = edge.site();
        }
      }
      if (anchor != null) {
        libraryAttempts.add(attempt);
        constructsByOpen
            .computeIfAbsent(open, k -> new ArrayList<>())
            .add(new LibraryRetry(call, attempt, anchor, policy));
      }
    }
  }

  /** The retry loop that runs the function value at {@code site}, when it is an argument of such a helper. */
  private static @Nullable LoopRetry retryOfArgument(
      TreePath site, Map<MethodSymbol, Map<Integer, LoopRetry>> retriedParameters) {
    if (!(site.getLeaf() instanceof LambdaExpressionTree) && !(site.getLeaf() instanceof MemberReferenceTree)) {
      return null;
    }
    TreePath argument = IotHubSdk.withEnclosingParentheses(site);
    Tree value = argument.getLeaf();
    TreePath parent = argument.getParentPath();
    if (parent == null || !(parent.getLeaf() instanceof MethodInvocationTree call)) {
      return null;
    }
    Map<Integer, LoopRetry> byIndex = retriedParameters.get(ASTHelpers.getSymbol(call));
    return byIndex == null ? null : byIndex.get(call.getArguments().indexOf(value));
  }

  /** The opens a site runs synchronously: the open() itself, or those of the same-class code it calls. */
  private Set<ConnectionCall> opensAt(Site site) {
    if (site.open() != null) {
      return Set.of(site.open());
    }
    Body.Edge edge = site.edge();
    if (edge != null && edge.kind() == Body.EdgeKind.SYNC) {
      return model.syncReachableOpens(edge.to());
    }
    return Set.of();
  }

  /**
   * Whether the loop ends once the attempt at {@code anchor} succeeds: a break or return after it, a flag the loop
   * condition tests set after it, or a condition on the status (or on state the status callback tracks).
   */
  private boolean leavesAfterSuccess(TreePath loopPath, TreePath anchor) {
    Tree loop = loopPath.getLeaf();
    Set<Symbol> conditionVariables =
        conditionVariablesByLoop.computeIfAbsent(loop, l -> conditionVariables(loopCondition(l)));
    if (runsOnlyWhileNotConnected(loop)) {
      return true; // the status callback ends the loop once the open() succeeds
    }
    if (anchor.getLeaf() instanceof MethodInvocationTree call && !conditionVariables.isEmpty()) {
      // connect() { client.open(); connected = true; } in `while (!connected) { ... connect(); ... }`
      Symbol callee = ASTHelpers.getSymbol(call);
      Body calleeBody = callee instanceof MethodSymbol method ? model.bodyOf(method) : null;
      if (calleeBody != null) {
        for (Body reached : model.syncReachable(calleeBody)) {
          if (assigns(reached.tree(), conditionVariables)) {
            return true;
          }
        }
      }
    }
    Tree previous = anchor.getLeaf();
    for (TreePath current = anchor.getParentPath();
        current != null && current.getLeaf() != loop;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof ReturnTree) {
        return true; // return connectAndOpen();
      }
      List<? extends StatementTree> statements = null;
      if (leaf instanceof BlockTree block) {
        statements = block.getStatements();
      } else if (leaf instanceof CaseTree caseTree) {
        statements = caseTree.getStatements();
      }
      if (statements != null) {
        int index = model.indexed(leaf, statements).indexOf(previous);
        boolean[] leavesFrom = leavesFrom(loopPath, current, statements, conditionVariables);
        if (index >= 0 && leavesFrom[index + 1]) {
          return true;
        }
      }
      previous = leaf;
    }
    return false;
  }

  private final Map<Tree, Set<Symbol>> conditionVariablesByLoop = new IdentityHashMap<>();

  /**
   * A loop condition that holds only while the device is not connected: on the status ({@code status !=
   * CONNECTED}) or on state the status callback tracks ({@code !connected}, {@code state == CONNECTING}). A condition
   * that merely reads such state ({@code while (running)}) says nothing about success.
   */
  private boolean runsOnlyWhileNotConnected(Tree loop) {
    ExpressionTree condition = loopCondition(loop);
    if (condition == null) {
      return false;
    }
    Conditions conditions = model.conditions();
    return conditions.establishing(condition, true, Conditions.Claim.NOT_CONNECTED, true, 0) != null
        || conditions.establishing(condition, true, Conditions.Claim.DISCONNECTED, true, 0) != null;
  }
  private final Map<Tree, Map<Tree, boolean[]>> leavesFromByLoop = new IdentityHashMap<>();

  /**
   * For each position of a block inside a loop, whether a statement from there on leaves the loop or sets a
   * variable the loop condition tests; computed once per block, so that many opens in one loop stay linear.
   */
  private boolean[] leavesFrom(
      TreePath loopPath, TreePath block, List<? extends StatementTree> statements, Set<Symbol> conditionVariables) {
    Tree loop = loopPath.getLeaf();
    return leavesFromByLoop
        .computeIfAbsent(loop, l -> new IdentityHashMap<>())
        .computeIfAbsent(
            block.getLeaf(),
            b -> {
              // in a case of a switch (or a nested loop) inside the loop, a plain break leaves only that
              boolean breaksLeave = !breakTargetBetween(block, loop);
              String label = labelOf(loopPath);
              IndexedList<StatementTree> indexed = model.indexed(block.getLeaf(), statements);
              boolean[] leaves = new boolean[indexed.size() + 1];
              for (int i = indexed.size() - 1; i >= 0; i--) {
                StatementTree statement = indexed.get(i);
                leaves[i] =
                    leaves[i + 1]
                        || exitsLoop(statement, breaksLeave, label)
                        || assigns(statement, conditionVariables);
              }
              return leaves;
            });
  }

  private static boolean breakTargetBetween(TreePath inner, Tree loop) {
    for (TreePath current = inner; current != null && current.getLeaf() != loop; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof SwitchTree || (leaf != inner.getLeaf() && isLoop(leaf))) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable ExpressionTree loopCondition(Tree loop) {
    if (loop instanceof WhileLoopTree whileLoop) {
      return whileLoop.getCondition();
    }
    if (loop instanceof DoWhileLoopTree doWhile) {
      return doWhile.getCondition();
    }
    if (loop instanceof ForLoopTree forLoop) {
      return forLoop.getCondition();
    }
    return null;
  }

  static boolean isLoop(Tree tree) {
    return tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree
        || tree instanceof EnhancedForLoopTree;
  }

  /** The variables and fields a loop condition reads, looking through same-class boolean getters. */
  private Set<Symbol> conditionVariables(@Nullable ExpressionTree condition) {
    Set<Symbol> variables = new LinkedHashSet<>();
    if (condition == null) {
      return variables;
    }
    new TreeScanner<Void, Integer>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Integer depth) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol variable) {
          variables.add(variable);
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Integer depth) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol variable
            && variable.getKind() == ElementKind.FIELD) {
          variables.add(variable);
        }
        return super.visitMemberSelect(tree, depth);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Integer depth) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (depth < 2 && symbol instanceof MethodSymbol method) {
          Body body = model.bodyOf(method);
          if (body != null
              && body.tree() instanceof MethodTree methodTree
              && methodTree.getBody() != null
              && methodTree.getBody().getStatements().size() == 1
              && methodTree.getBody().getStatements().get(0) instanceof ReturnTree returnTree) {
            scan(returnTree.getExpression(), depth + 1);
          }
        }
        return super.visitMethodInvocation(tree, depth);
      }
    }.scan(condition, 0);
    return variables;
  }

  /** A return, or a break that leaves the loop, inside {@code statement} (not counting nested classes). */
  private static boolean exitsLoop(StatementTree statement, boolean breaksLeave, @Nullable String loopLabel) {
    boolean[] leaves = {false};
    new SameBodyScanner() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        leaves[0] = true;
        return null;
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        leaves[0] |= loopLabel != null && tree.getLabel() != null && tree.getLabel().contentEquals(loopLabel);
        return null;
      }
    }.scan(statement, null);
    return leaves[0] || (breaksLeave && Dominance.breaksOut(statement));
  }

  /** {@code outer} in {@code outer: for (...)}, or null. */
  private static @Nullable String labelOf(TreePath loop) {
    return loop.getParentPath().getLeaf() instanceof LabeledStatementTree labeled
        ? labeled.getLabel().toString()
        : null;
  }

  /** Whether {@code tree} assigns one of {@code variables} (or calls set on it), outside nested classes. */
  private static boolean assigns(Tree tree, Set<Symbol> variables) {
    if (variables.isEmpty()) {
      return false;
    }
    boolean[] assigns = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        assigns[0] |= variables.contains(ASTHelpers.getSymbol(assignment.getVariable()));
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getMethodSelect() instanceof MemberSelectTree member
            && member.getIdentifier().toString().startsWith("set")
            && variables.contains(ASTHelpers.getSymbol(member.getExpression()))) {
          assigns[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitClass(ClassTree nested, Void unused) {
        return null;
      }
    }.scan(tree, null);
    return assigns[0];
  }

  // ---------------------------------------------------------------- catches

  private void classifyCatch(TreePath tryPath, TreePath catchPath, List<Site> inTryBlock, List<Site> inCatch) {
    Map<ConnectionCall, CatchRetry> retried = new LinkedHashMap<>();
    for (Site tried : inTryBlock) {
      for (ConnectionCall open : opensAt(tried)) {
        if (retried.containsKey(open)) {
          continue;
        }
        TreePath reattempt = reattempt(open, inCatch);
        if (reattempt != null) {
          CatchRetry construct = new CatchRetry(tryPath, catchPath, tried.path(), reattempt);
          retried.put(open, construct);
          constructsByOpen.computeIfAbsent(open, k -> new ArrayList<>()).add(construct);
        }
      }
    }
    catches.put(catchPath.getLeaf(), new CatchInfo(retried));
  }

  /** Where a catch attempts {@code open}'s connection again, or null. */
  private @Nullable TreePath reattempt(ConnectionCall open, List<Site> inCatch) {
    for (Site site : inCatch) {
      if (site.open() != null && sameConnection(site.open(), open)) {
        return site.path();
      }
      Body.Edge edge = site.edge();
      if (edge != null) {
        for (Body reached : model.reachable(edge.to())) {
          if (reached == open.body()) {
            return site.path();
          }
          for (ConnectionCall other : model.callsIn(reached)) {
            if (other.isOpen() && sameConnection(other, open)) {
              return site.path();
            }
          }
        }
      }
    }
    return null;
  }

  private static boolean sameConnection(ConnectionCall a, ConnectionCall b) {
    if (a == b) {
      return true;
    }
    if (a.client() == null || !a.client().equals(b.client())) {
      return false;
    }
    // A local only names the same client inside its own body.
    return !a.client().isLocal() || a.body() == b.body();
  }

  // ---------------------------------------------------------------- queries

  /** The retry constructs around an open(), innermost first. */
  public List<Construct> constructsFor(ConnectionCall open) {
    return constructsByOpen.getOrDefault(open, List.of());
  }

  /** Whether {@code path} (in {@code body}) sits in a loop or catch that is a re-entry site. */
  public boolean isInsideReentryConstruct(TreePath path, Body body) {
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      LoopInfo loop = loops.get(leaf);
      if (loop != null && loop.reentry()) {
        return true;
      }
      CatchInfo catchInfo = catches.get(leaf);
      if (catchInfo != null && catchInfo.retried().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code path} sits in a retry construct: a retrying loop, the try or catch of a retrying catch, or a
   * retry library's attempt.
   */
  public boolean isInsideRetryConstruct(TreePath path, Body body) {
    if (libraryAttempts.contains(body)) {
      return true;
    }
    Tree previous = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      LoopInfo loop = loops.get(leaf);
      if (loop != null && !loop.retried().isEmpty()) {
        return true;
      }
      CatchInfo catchInfo = catches.get(leaf);
      if (catchInfo != null && !catchInfo.retried().isEmpty()) {
        return true;
      }
      if (leaf instanceof TryTree tryTree && previous == tryTree.getBlock()) {
        for (CatchTree catchTree : tryTree.getCatches()) {
          CatchInfo info = catches.get(catchTree);
          if (info != null && !info.retried().isEmpty()) {
            return true;
          }
        }
      }
      previous = leaf;
    }
    return false;
  }

  // ---------------------------------------------------------------- closes between attempts

  /**
   * Whether the failed attempt's client is closed between the failure and the next attempt: in the catch, in a
   * finally, after the try in the same round, or before the open() in the same round (before the new client is
   * assigned, when each attempt gets a new one); try-with-resources closes it too.
   */
  public boolean closesBetweenAttempts(Construct construct, ConnectionCall open) {
    ClientRef client = open.client();
    if (client == null) {
      return true; // an expression we cannot name: nothing to say about it
    }
    if (construct instanceof LibraryRetry library) {
      return libraryCloses(library, open, client);
    }
    return construct instanceof LoopRetry loop
        ? loopCloses(loop, open, client)
        : catchCloses((CatchRetry) construct, open, client);
  }

  /**
   * A library attempt is one round: the client is closed before the open() in the attempt, in a catch or finally of
   * the attempt on failure (or of the helper the attempt calls), or by the policy's own listener between attempts.
   */
  private boolean libraryCloses(LibraryRetry library, ConnectionCall open, ClientRef client) {
    if (library.anchor().getLeaf() != open.tree()
        && closesAroundAttempt(open.path(), open.body().tree(), client, false)) {
      return true;
    }
    return closesAroundAttempt(library.anchor(), library.attempt().tree(), client, false)
        || closedBeforeAttempt(library.anchor(), open, client)
        || (library.policy() != null && library.policy().listenerCloses(client));
  }

  private boolean loopCloses(LoopRetry loop, ConnectionCall open, ClientRef client) {
    if (model.bodyAt(loop.loop()) == null) {
      return true;
    }
    if (loop.anchor().getLeaf() != open.tree()
        && closesAroundAttempt(open.path(), open.body().tree(), client, false)) {
      // while (!tryConnect()) -- the helper tears its own failed attempt down
      return true;
    }
    return closesAroundAttempt(loop.anchor(), loop.loop().getLeaf(), client, true)
        || closedBeforeAttempt(loop.anchor(), open, client)
        || closesOnLaterRounds(loop, client);
  }

  /**
   * {@code if (attempt > 0) { client.close(); }} before the attempt in the round: a close that the code runs on the
   * rounds it decides are retries. Only the first round skips it, and that round has no failed attempt behind it.
   */
  private boolean closesOnLaterRounds(LoopRetry loop, ClientRef client) {
    Tree previous = loop.anchor().getLeaf();
    for (TreePath current = loop.anchor().getParentPath();
        current != null && current.getLeaf() != loop.loop().getLeaf();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == previous) {
            break;
          }
          if (statement instanceof IfTree ifTree
              && ifTree.getElseStatement() == null
              && closesOnFailure(ifTree.getThenStatement(), client, Set.of())) {
            return true;
          }
        }
      }
      previous = current.getLeaf();
    }
    return false;
  }

  /**
   * Whether every failure of the attempt at {@code attempt} closes {@code client} before control leaves {@code
   * region} (a loop round, or a helper method): a try-with-resources, a close in every catch that carries on, a
   * finally that closes when the attempt failed, or a close after the try on the failure path. Inside the loop
   * itself a catch that returns or throws leaves it; in a helper, every way out of a catch leads back to the loop.
   */
  private boolean closesAroundAttempt(TreePath attempt, Tree region, ClientRef client, boolean regionIsLoop) {
    Set<Symbol> successFlags = new HashSet<>();
    Tree previous = attempt.getLeaf();
    for (TreePath current = attempt.getParentPath();
        current != null && current.getLeaf() != region;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof TryTree tryTree && previous == tryTree.getBlock()) {
        if (closesAsResource(tryTree, client)) {
          return true;
        }
        successFlags.addAll(flagsSetAfter(tryTree.getBlock(), attempt.getLeaf()));
        if (tryTree.getFinallyBlock() != null && closesOnFailure(tryTree.getFinallyBlock(), client, successFlags)) {
          return true;
        }
        boolean everyCatchCloses = !tryTree.getCatches().isEmpty();
        for (CatchTree catchTree : tryTree.getCatches()) {
          boolean closes =
              regionIsLoop
                  ? closesBeforeAnotherRound(catchTree, client, successFlags)
                  : closesOnFailure(catchTree.getBlock(), client, successFlags);
          everyCatchCloses &= closes;
        }
        if (everyCatchCloses) {
          return true;
        }
      } else if (leaf instanceof BlockTree block) {
        IndexedList<StatementTree> statements = model.indexed(block, block.getStatements());
        for (int i = statements.indexOf(previous) + 1; i > 0 && i < statements.size(); i++) {
          if (closesOnFailure(statements.get(i), client, successFlags)) {
            return true; // try { open(); ok = true; } catch (...) { } if (!ok) close();
          }
        }
      }
      previous = leaf;
    }
    return false;
  }

  /**
   * Whether a path through {@code statement} reaches a {@code continue} of the loop around it without closing the
   * client first ({@code if (retryable) { client.close(); continue; }} does not).
   */
  private boolean continuesUnclosed(StatementTree statement, ClientRef client, Set<Symbol> successFlags) {
    if (statement instanceof ContinueTree) {
      return true;
    }
    if (statement instanceof BlockTree block) {
      for (StatementTree inner : block.getStatements()) {
        if (continuesUnclosed(inner, client, successFlags)) {
          return true;
        }
        if (closesOnFailure(inner, client, successFlags)) {
          return false;
        }
      }
      return false;
    }
    if (statement instanceof IfTree ifTree) {
      return continuesUnclosed(ifTree.getThenStatement(), client, successFlags)
          || (ifTree.getElseStatement() != null
              && continuesUnclosed(ifTree.getElseStatement(), client, successFlags));
    }
    if (statement instanceof TryTree tryTree) {
      boolean unclosed = continuesUnclosed(tryTree.getBlock(), client, successFlags);
      for (CatchTree catchTree : tryTree.getCatches()) {
        unclosed |= continuesUnclosed(catchTree.getBlock(), client, successFlags);
      }
      return unclosed;
    }
    if (statement instanceof LabeledStatementTree labeled) {
      return continuesUnclosed(labeled.getStatement(), client, successFlags);
    }
    if (statement instanceof SynchronizedTree synchronizedTree) {
      return continuesUnclosed(synchronizedTree.getBlock(), client, successFlags);
    }
    if (statement instanceof SwitchTree switchTree) {
      for (CaseTree caseTree : switchTree.getCases()) {
        for (StatementTree inner : caseTree.getStatements() == null ? List.<StatementTree>of()
            : caseTree.getStatements()) {
          if (continuesUnclosed(inner, client, successFlags)) {
            return true;
          }
        }
      }
    }
    return false; // a nested loop's continues are its own
  }

  /**
   * Whether every way a catch in the loop leads to another round closes the client: each {@code continue}, and
   * completing the catch. A catch that returns or throws leaves the loop and needs no close.
   */
  private boolean closesBeforeAnotherRound(CatchTree catchTree, ClientRef client, Set<Symbol> successFlags) {
    BlockTree block = catchTree.getBlock();
    return !continuesUnclosed(block, client, successFlags)
        && (!Dominance.canCompleteNormally(block) || closesOnFailure(block, client, successFlags));
  }

  /** Whether a catch can lead to another attempt: it completes normally or continues the loop. */
  private static boolean carriesOn(CatchTree catchTree) {
    if (Dominance.canCompleteNormally(catchTree.getBlock())) {
      return true;
    }
    boolean[] continues = {false};
    new SameBodyScanner() {
      @Override
      public Void visitContinue(ContinueTree tree, Void unused) {
        continues[0] = true;
        return null;
      }
    }.scan(catchTree.getBlock(), null);
    return continues[0];
  }

  /**
   * Whether {@code statement}, run after the attempt failed, closes {@code client}: unconditionally, or under a
   * condition that holds on failure ({@code if (!opened)} where {@code opened = true} follows the open()).
   */
  private boolean closesOnFailure(StatementTree statement, ClientRef client, Set<Symbol> successFlags) {
    // a block is followed statement by statement below: a continue can skip the close
    if (!(statement instanceof BlockTree) && model.dominance().closesOnCompletion(statement, client)) {
      return true;
    }
    if (statement instanceof BlockTree block) {
      for (StatementTree inner : block.getStatements()) {
        if (closesOnFailure(inner, client, successFlags)) {
          return true;
        }
        if (continuesUnclosed(inner, client, successFlags)) {
          return false; // if (attempt < 3) { continue; } client.close(); -- the early rounds skip the close
        }
      }
    } else if (statement instanceof IfTree ifTree) {
      Boolean value = valueOnFailure(ifTree.getCondition(), successFlags);
      if (Boolean.TRUE.equals(value)) {
        return closesOnFailure(ifTree.getThenStatement(), client, successFlags);
      }
      if (Boolean.FALSE.equals(value) && ifTree.getElseStatement() != null) {
        return closesOnFailure(ifTree.getElseStatement(), client, successFlags);
      }
    } else if (statement instanceof TryTree tryTree) {
      return closesOnFailure(tryTree.getBlock(), client, successFlags)
          || (tryTree.getFinallyBlock() != null
              && closesOnFailure(tryTree.getFinallyBlock(), client, successFlags));
    } else if (statement instanceof SynchronizedTree synchronizedTree) {
      return closesOnFailure(synchronizedTree.getBlock(), client, successFlags);
    } else if (statement instanceof LabeledStatementTree labeled) {
      return closesOnFailure(labeled.getStatement(), client, successFlags);
    }
    return false;
  }

  /** The value of {@code condition} when the attempt failed, as far as the success flags decide it; else null. */
  private static @Nullable Boolean valueOnFailure(ExpressionTree condition, Set<Symbol> successFlags) {
    ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(condition);
    if (stripped instanceof IdentifierTree || stripped instanceof MemberSelectTree) {
      return successFlags.contains(ASTHelpers.getSymbol(stripped)) ? Boolean.FALSE : null;
    }
    if (stripped instanceof UnaryTree unary && unary.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      Boolean operand = valueOnFailure(unary.getExpression(), successFlags);
      return operand == null ? null : !operand;
    }
    if (stripped instanceof BinaryTree binary) {
      Boolean left = valueOnFailure(binary.getLeftOperand(), successFlags);
      Boolean right = valueOnFailure(binary.getRightOperand(), successFlags);
      switch (binary.getKind()) {
        case CONDITIONAL_AND:
          if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return false;
          }
          return Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right) ? Boolean.TRUE : null;
        case CONDITIONAL_OR:
          if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
            return true;
          }
          return Boolean.FALSE.equals(left) && Boolean.FALSE.equals(right) ? Boolean.FALSE : null;
        case EQUAL_TO:
        case NOT_EQUAL_TO:
          Boolean literal = Conditions.booleanLiteral(binary.getRightOperand());
          Boolean operand = left;
          if (literal == null) {
            literal = Conditions.booleanLiteral(binary.getLeftOperand());
            operand = right;
          }
          if (literal == null || operand == null) {
            return null;
          }
          return (operand.equals(literal)) == (binary.getKind() == Tree.Kind.EQUAL_TO);
        default:
          return null;
      }
    }
    return null;
  }


  /** Variables set to {@code true} in {@code block} after {@code attempt}: they are false when the attempt failed. */
  private Set<Symbol> flagsSetAfter(BlockTree block, Tree attempt) {
    int attemptEnd = end(attempt);
    Set<Symbol> flags = new HashSet<>();
    new SameBodyScanner() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (start(assignment) > attemptEnd
            && Boolean.TRUE.equals(Conditions.booleanLiteral(assignment.getExpression()))
            && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol variable) {
          flags.add(variable);
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(block, null);
    return flags;
  }

  private boolean catchCloses(CatchRetry retry, ConnectionCall open, ClientRef client) {
    TryTree tryTree = (TryTree) retry.tryStatement().getLeaf();
    if (model.bodyAt(retry.tryStatement()) == null || closesAsResource(tryTree, client)) {
      return true;
    }
    Set<Symbol> successFlags = flagsSetAfter(tryTree.getBlock(), retry.anchor().getLeaf());
    if (closesBeforeReattempt(retry, client, successFlags)) {
      return true;
    }
    if (tryTree.getFinallyBlock() != null && closesOnFailure(tryTree.getFinallyBlock(), client, successFlags)) {
      return true;
    }
    // catch (...) { backOffAndRetry(); } where the same-class helper closes the client before calling back
    if (retry.reattempt().getLeaf() instanceof MethodInvocationTree reattempt
        && reattempt != open.tree()
        && model.closedByCall(reattempt).contains(client)) {
      return true;
    }
    // Re-calling the method that holds the open(): a close before the open() in that method.
    return retry.reattempt().getLeaf() != open.tree() && closedBeforeAttempt(null, open, client);
  }

  /**
   * A close in the catch on the way to the reattempt, before any new client is assigned there: the statements that
   * run before the reattempt in each block around it.
   */
  private boolean closesBeforeReattempt(CatchRetry retry, ClientRef client, Set<Symbol> successFlags) {
    int limit = start(retry.reattempt().getLeaf());
    for (int creation : creationsWithin(retry.catchClause().getLeaf(), client)) {
      limit = Math.min(limit, creation);
    }
    Tree previous = retry.reattempt().getLeaf();
    for (TreePath current = retry.reattempt().getParentPath();
        current != null && current.getLeaf() != retry.catchClause().getLeaf();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == previous || start(statement) >= limit) {
            break;
          }
          if (closesOnFailure(statement, client, successFlags)) {
            return true;
          }
        }
      }
      previous = current.getLeaf();
    }
    return false;
  }

  /**
   * The catches where a close of the failed attempt belongs: the catch of a catch retry; for a loop, the catches of
   * the innermost try around the attempt that carry on to another round without closing the client.
   */
  public List<TreePath> catchesMissingTheClose(Construct construct, ConnectionCall open) {
    if (construct instanceof CatchRetry catchRetry) {
      return List.of(catchRetry.catchClause());
    }
    if (!(construct instanceof LoopRetry loop) || loop.throughFunction()) {
      // A helper serves every caller: the close belongs with the open() passed to it. A library attempt is one
      // round: the close goes just before its open().
      return List.of();
    }
    ClientRef client = open.client();
    Tree previous = loop.anchor().getLeaf();
    for (TreePath current = loop.anchor().getParentPath();
        current != null && current.getLeaf() != loop.loop().getLeaf();
        current = current.getParentPath()) {
      if (current.getLeaf() instanceof TryTree tryTree
          && previous == tryTree.getBlock()
          && !tryTree.getCatches().isEmpty()) {
        Set<Symbol> successFlags = flagsSetAfter(tryTree.getBlock(), loop.anchor().getLeaf());
        List<TreePath> missing = new ArrayList<>();
        for (CatchTree catchTree : tryTree.getCatches()) {
          if (carriesOn(catchTree)
              && (client == null || !closesBeforeAnotherRound(catchTree, client, successFlags))) {
            missing.add(new TreePath(current, catchTree));
          }
        }
        return missing;
      }
      previous = current.getLeaf();
    }
    return List.of();
  }

  /** Whether every attempt assigns a new client to the open()'s variable before opening it. */
  public boolean createsClientPerAttempt(Construct construct, ConnectionCall open) {
    ClientRef client = open.client();
    if (client == null) {
      return false;
    }
    boolean createdInItsRound = model.dominance().factsAt(open.path()).created(client);
    if (construct instanceof LibraryRetry) {
      return createdInItsRound;
    }
    if (construct instanceof LoopRetry loop) {
      return createdInItsRound
          || (loop.anchor().getLeaf() != open.tree()
              && model.dominance().factsAt(loop.anchor()).created(client));
    }
    CatchRetry catchRetry = (CatchRetry) construct;
    return !creationsWithin(catchRetry.catchClause().getLeaf(), client).isEmpty()
        || (catchRetry.reattempt().getLeaf() != open.tree()
            && !isLexicalOpen(catchRetry.reattempt())
            && createdInItsRound);
  }

  private boolean isLexicalOpen(TreePath path) {
    return path.getLeaf() instanceof MethodInvocationTree call
        && model.connectionCall(call) != null
        && model.connectionCall(call).isOpen();
  }

  /** A close dominating the open() in its own round (and, via a call, in the loop before the call). */
  private boolean closedBeforeAttempt(@Nullable TreePath anchor, ConnectionCall open, ClientRef client) {
    Dominance.Facts facts = model.dominance().factsAt(open.path());
    if (anchor != null && anchor.getLeaf() != open.tree()) {
      facts = facts.eventsAfter(model.dominance().factsAt(anchor));
    }
    if (facts.created(client)) {
      return facts.closedBeforeLastCreation(client);
    }
    return facts.closed(client);
  }

  private static boolean closesAsResource(TryTree tryTree, ClientRef client) {
    for (Tree resource : tryTree.getResources()) {
      if (resource instanceof VariableTree variable) {
        VarSymbol symbol = ASTHelpers.getSymbol(variable);
        if (symbol != null && client.equals(ClientRef.ofVariable(symbol))) {
          return true;
        }
      } else if (resource instanceof ExpressionTree expression && client.equals(ClientRef.of(expression))) {
        return true;
      }
    }
    return false;
  }

  /** Where {@code region} assigns a new client to {@code client}: start positions. */
  private List<Integer> creationsWithin(Tree region, ClientRef client) {
    List<Integer> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (client.equals(ClientRef.of(assignment.getVariable()))
            && model.isNewClient(assignment.getExpression())) {
          found.add(start(assignment));
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(region, null);
    return found;
  }

  int start(Tree tree) {
    return ASTHelpers.getStartPosition(tree);
  }

  int end(Tree tree) {
    return model.state().getEndPosition(tree);
  }

  /** Whether {@code catchClause} is a catch that is not a retry construct (a re-entry site). */
  boolean isReentryCatch(Tree catchClause) {
    CatchInfo info = catches.get(catchClause);
    return info != null && info.retried().isEmpty();
  }

  /** Whether the open() is in a loop that keeps running after its open() succeeds. */
  boolean isReentryLoop(Tree loop) {
    LoopInfo info = loops.get(loop);
    return info != null && info.reentry();
  }
}
