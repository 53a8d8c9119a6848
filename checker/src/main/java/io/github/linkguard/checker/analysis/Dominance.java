package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What holds at a point of a body because of the code that dominates it: conditions known true or false
 * ({@code if}, {@code ?:}, {@code &&}/{@code ||}, loop conditions, early exits), the switch cases it sits in, and the
 * clients closed or created before it.
 *
 * <p>Structural, on the syntax tree: an {@code if} that guards only another branch does not dominate. Facts about
 * closes and creations do not cross a loop boundary, because the next round reaches the point again without them.
 * The facts that a block's statements establish are computed once per block.
 *
 * <p>Cost: what each statement establishes is computed once per block that holds it, O(n) for a body of n trees
 * (times the nesting depth, as an inner block is also seen from the blocks around it); a statement's position in its
 * block and a switch's cases are looked up in O(1) after one walk per block or switch. The facts at a point share the
 * blocks' event lists instead of copying them; their conditions are copied, O(conditions that dominate the point).
 * Each block's events are indexed by client once, so a query (is this client closed before?) costs the nesting
 * depth plus that client's events, not every close and creation before the point.
 */
public final class Dominance {
  /** The value {@code expression} has wherever this fact holds. */
  public record Condition(ExpressionTree expression, boolean value, Tree holder) {}

  /**
   * A point inside a switch: the constants that can reach it (through fallthrough, or a default that takes the
   * constants no case names).
   */
  public record SwitchCase(
      ExpressionTree selector, Set<String> reachingLabels, boolean defaultReaches, Set<String> allLabels,
      CaseTree caseTree, TreePath path) {}

  /** A close or a creation of a client, in execution order. */
  public record ClientEvent(ClientRef client, boolean created, Tree tree) {}

  /**
   * The closes and creations of one block (or the resources of one try), in order, with each client's positions
   * indexed once: the facts at every point of the block share this list and its index.
   */
  static final class EventList {
    private final List<ClientEvent> events;
    private @Nullable Map<ClientRef, int[]> positions;

    EventList(List<ClientEvent> events) {
      this.events = events;
    }

    /** Where {@code client}'s events are, ascending. */
    int[] positionsOf(ClientRef client) {
      if (positions == null) {
        Map<ClientRef, List<Integer>> found = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
          found.computeIfAbsent(events.get(i).client(), k -> new ArrayList<>()).add(i);
        }
        Map<ClientRef, int[]> index = new HashMap<>();
        found.forEach((key, list) -> index.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        positions = index;
      }
      return positions.getOrDefault(client, NO_POSITIONS);
    }

    ClientEvent get(int position) {
      return events.get(position);
    }

    private static final int[] NO_POSITIONS = {};
  }

  /** A close or creation before a point; {@code beforeLoop}: before a loop around the point (not in this round). */
  public record PlacedEvent(ClientEvent event, boolean beforeLoop) {}

  /**
   * The part of a point's events that one block contributes: the first {@code length} events of its list. {@code
   * beforeLoop}: they happened before a loop around the point, so a later round of that loop reaches the point
   * without them.
   */
  record EventGroup(EventList list, int length, boolean beforeLoop) {}

  /**
   * Everything known at one point: the conditions and switch cases that dominate it, and the closes and creations
   * before it, as groups in execution order (outermost block first). The queries look up one client's events in
   * each group's index: they cost the nesting depth and that client's events, not every event before the point.
   */
  public record Facts(List<Condition> conditions, List<SwitchCase> cases, List<EventGroup> eventGroups) {
    /** A close of the client in the same round of every loop around the point. */
    public boolean closed(@Nullable ClientRef client) {
      return inThisRound(client, false);
    }

    /** A creation of the client in the same round of every loop around the point. */
    public boolean created(@Nullable ClientRef client) {
      return inThisRound(client, true);
    }

    private boolean inThisRound(@Nullable ClientRef client, boolean created) {
      for (PlacedEvent placed : eventsOf(client)) {
        if (!placed.beforeLoop() && placed.event().created() == created) {
          return true;
        }
      }
      return false;
    }

    /** A close of the client before its latest re-creation in this round (the old instance closed first). */
    public boolean closedBeforeLastCreation(ClientRef client) {
      boolean closed = false;
      boolean closedBeforeCreation = false;
      for (PlacedEvent placed : eventsOf(client)) {
        if (placed.beforeLoop()) {
          continue;
        }
        if (placed.event().created()) {
          closedBeforeCreation = closed;
        } else {
          closed = true;
        }
      }
      return closedBeforeCreation;
    }

    /** {@code client}'s closes and creations before the point, in order, each marked if it came before a loop. */
    public List<PlacedEvent> eventsOf(@Nullable ClientRef client) {
      if (client == null) {
        return List.of();
      }
      List<PlacedEvent> found = new ArrayList<>();
      for (EventGroup group : eventGroups) {
        for (int position : group.list().positionsOf(client)) {
          if (position >= group.length()) {
            break;
          }
          found.add(new PlacedEvent(group.list().get(position), group.beforeLoop()));
        }
      }
      return found;
    }

    /** Every close and creation before the point, in order. */
    public List<ClientEvent> events() {
      List<ClientEvent> all = new ArrayList<>();
      for (EventGroup group : eventGroups) {
        all.addAll(group.list().events.subList(0, group.length()));
      }
      return all;
    }

    /** The closes and creations of {@code earlier} followed by these: a point reached after another. */
    public Facts eventsAfter(Facts earlier) {
      List<EventGroup> groups = new ArrayList<>(earlier.eventGroups());
      groups.addAll(eventGroups);
      return new Facts(List.of(), List.of(), groups);
    }
  }

  /** What a statement establishes for the code after it, when it completes normally. */
  private record Established(List<Condition> conditions, List<ClientEvent> events) {
    static final Established NOTHING = new Established(List.of(), List.of());
  }

  private final ClassModel model;
  private final Map<Tree, Prefix> prefixCache = new IdentityHashMap<>();
  private final Map<Tree, SwitchExit> switchExits = new IdentityHashMap<>();
  private final Map<Tree, Map<CaseTree, SwitchCase>> switchCases = new IdentityHashMap<>();
  private final Map<Tree, Facts> factsCache = new IdentityHashMap<>();

  Dominance(ClassModel model) {
    this.model = model;
  }

  /** The facts at {@code path}, looking no further than the body it runs in. */
  public Facts factsAt(TreePath path) {
    Facts cached = factsCache.get(path.getLeaf());
    if (cached != null) {
      return cached;
    }
    List<Condition> conditions = new ArrayList<>();
    List<SwitchCase> cases = new ArrayList<>();
    List<EventGroup> eventGroups = new ArrayList<>(); // innermost block first
    boolean crossedLoop = false;
    Tree previous = path.getLeaf();
    for (TreePath current = path.getParentPath(); current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        break;
      }
      if (leaf instanceof IfTree ifTree) {
        if (previous == ifTree.getThenStatement()) {
          conditions.add(new Condition(ifTree.getCondition(), true, ifTree));
        } else if (previous == ifTree.getElseStatement()) {
          conditions.add(new Condition(ifTree.getCondition(), false, ifTree));
        }
      } else if (leaf instanceof ConditionalExpressionTree conditional) {
        if (previous == conditional.getTrueExpression()) {
          conditions.add(new Condition(conditional.getCondition(), true, conditional));
        } else if (previous == conditional.getFalseExpression()) {
          conditions.add(new Condition(conditional.getCondition(), false, conditional));
        }
      } else if (leaf instanceof BinaryTree binary && previous == binary.getRightOperand()) {
        if (binary.getKind() == Tree.Kind.CONDITIONAL_AND) {
          conditions.add(new Condition(binary.getLeftOperand(), true, binary));
        } else if (binary.getKind() == Tree.Kind.CONDITIONAL_OR) {
          conditions.add(new Condition(binary.getLeftOperand(), false, binary));
        }
      } else if (leaf instanceof WhileLoopTree loop) {
        if (previous == loop.getStatement()) {
          conditions.add(new Condition(loop.getCondition(), true, loop));
        }
        crossedLoop = true;
      } else if (leaf instanceof ForLoopTree loop) {
        if (loop.getCondition() != null && previous == loop.getStatement()) {
          conditions.add(new Condition(loop.getCondition(), true, loop));
        }
        crossedLoop = true;
      } else if (leaf instanceof DoWhileLoopTree || leaf instanceof EnhancedForLoopTree) {
        crossedLoop = true;
      } else if (leaf instanceof TryTree tryTree && previous == tryTree.getBlock()) {
        List<ClientEvent> resources = resourceCreations(tryTree);
        if (!resources.isEmpty()) {
          eventGroups.add(new EventGroup(new EventList(resources), resources.size(), crossedLoop));
        }
      } else if (leaf instanceof BlockTree block) {
        addPrefix(block, block.getStatements(), previous, conditions, eventGroups, crossedLoop);
      } else if (leaf instanceof CaseTree caseTree) {
        SwitchCase switchCase = switchCase(current, caseTree);
        if (switchCase != null) {
          cases.add(switchCase);
        }
        List<? extends StatementTree> statements = caseTree.getStatements();
        if (statements != null) {
          addPrefix(caseTree, statements, previous, conditions, eventGroups, crossedLoop);
        }
      }
      previous = leaf;
    }
    Collections.reverse(eventGroups); // outermost block first: execution order
    Facts facts = new Facts(List.copyOf(conditions), List.copyOf(cases), List.copyOf(eventGroups));
    factsCache.put(path.getLeaf(), facts);
    return facts;
  }

  private void addPrefix(
      Tree container,
      List<? extends StatementTree> statements,
      Tree child,
      List<Condition> conditions,
      List<EventGroup> eventGroups,
      boolean crossedLoop) {
    int index = model.indexed(container, statements).indexOf(child);
    if (index <= 0) {
      return;
    }
    Prefix prefix = prefix(container, statements);
    conditions.addAll(prefix.conditions().subList(0, prefix.conditionCounts()[index]));
    int events = prefix.eventCounts()[index];
    if (events > 0) {
      eventGroups.add(new EventGroup(prefix.events(), events, crossedLoop));
    }
  }

  /**
   * What the statements of one block establish, in order; {@code conditionCounts[i]} and {@code eventCounts[i]}
   * count those established before statement {@code i}. Computed once per block, so that the facts at many points
   * of one block cost what those facts are, not the block's length.
   */
  private record Prefix(
      List<Condition> conditions, int[] conditionCounts, EventList events, int[] eventCounts) {}

  private Prefix prefix(Tree container, List<? extends StatementTree> statements) {
    Prefix cached = prefixCache.get(container);
    if (cached == null) {
      List<Condition> conditions = new ArrayList<>();
      List<ClientEvent> events = new ArrayList<>();
      int[] conditionCounts = new int[statements.size() + 1];
      int[] eventCounts = new int[statements.size() + 1];
      int i = 0;
      for (StatementTree statement : statements) {
        conditionCounts[i] = conditions.size();
        eventCounts[i] = events.size();
        Established established = established(statement);
        conditions.addAll(established.conditions());
        events.addAll(established.events());
        i++;
      }
      conditionCounts[i] = conditions.size();
      eventCounts[i] = events.size();
      cached = new Prefix(conditions, conditionCounts, new EventList(events), eventCounts);
      prefixCache.put(container, cached);
    }
    return cached;
  }

  // ---------------------------------------------------------------- what statements establish

  private Established established(StatementTree statement) {
    if (statement instanceof IfTree ifTree) {
      return establishedByIf(ifTree);
    }
    if (statement instanceof BlockTree block) {
      return sequence(block.getStatements());
    }
    if (statement instanceof SynchronizedTree synchronizedTree) {
      return sequence(synchronizedTree.getBlock().getStatements());
    }
    if (statement instanceof LabeledStatementTree labeled) {
      return established(labeled.getStatement());
    }
    if (statement instanceof TryTree tryTree) {
      return establishedByTry(tryTree);
    }
    if (statement instanceof SwitchTree switchTree) {
      // switch (status) { case CONNECTED: return; ... } -- after it, the selector is one of the values that go on
      SwitchExit exit = exitOf(switchTree);
      boolean someLeave = !exit.defaultReaches() || !exit.reachingLabels().equals(exit.allLabels());
      return someLeave
          ? new Established(List.of(new Condition(switchTree.getExpression(), true, switchTree)), List.of())
          : Established.NOTHING;
    }
    if (statement instanceof WhileLoopTree loop && !breaksOut(loop.getStatement())) {
      // while (status != DISCONNECTED) sleep(); -- after the loop its condition is false
      return new Established(List.of(new Condition(loop.getCondition(), false, loop)), List.of());
    }
    if (statement instanceof DoWhileLoopTree loop && !breaksOut(loop.getStatement())) {
      return new Established(List.of(new Condition(loop.getCondition(), false, loop)), List.of());
    }
    if (statement instanceof ForLoopTree loop && loop.getCondition() != null && !breaksOut(loop.getStatement())) {
      return new Established(List.of(new Condition(loop.getCondition(), false, loop)), List.of());
    }
    if (statement instanceof ExpressionStatementTree expression) {
      return new Established(List.of(), eventsOf(expression.getExpression()));
    }
    if (statement instanceof VariableTree variable && variable.getInitializer() != null) {
      VarSymbol symbol = ASTHelpers.getSymbol(variable);
      if (symbol != null && model.isNewClient(variable.getInitializer())) {
        return new Established(
            List.of(), List.of(new ClientEvent(ClientRef.ofVariable(symbol), true, variable)));
      }
    }
    return Established.NOTHING;
  }

  /** Clients created as resources of a try-with-resources: created before its block runs, on every path. */
  private List<ClientEvent> resourceCreations(TryTree tryTree) {
    List<ClientEvent> events = new ArrayList<>();
    for (Tree resource : tryTree.getResources()) {
      if (resource instanceof VariableTree variable && model.isNewClient(variable.getInitializer())) {
        VarSymbol symbol = ASTHelpers.getSymbol(variable);
        if (symbol != null) {
          events.add(new ClientEvent(ClientRef.ofVariable(symbol), true, variable));
        }
      }
    }
    return events;
  }

  private Established sequence(List<? extends StatementTree> statements) {
    List<Condition> conditions = new ArrayList<>();
    List<ClientEvent> events = new ArrayList<>();
    for (StatementTree statement : statements) {
      Established established = established(statement);
      conditions.addAll(established.conditions());
      events.addAll(established.events());
    }
    return new Established(conditions, events);
  }

  private Established establishedByIf(IfTree ifTree) {
    StatementTree then = ifTree.getThenStatement();
    StatementTree otherwise = ifTree.getElseStatement();
    if (!canCompleteNormally(then)) {
      List<Condition> conditions = new ArrayList<>();
      conditions.add(new Condition(ifTree.getCondition(), false, ifTree));
      List<ClientEvent> events = new ArrayList<>();
      if (otherwise != null) {
        Established established = established(otherwise);
        conditions.addAll(established.conditions());
        events.addAll(established.events());
      }
      return new Established(conditions, events);
    }
    if (otherwise != null && !canCompleteNormally(otherwise)) {
      Established established = established(then);
      List<Condition> conditions = new ArrayList<>();
      conditions.add(new Condition(ifTree.getCondition(), true, ifTree));
      conditions.addAll(established.conditions());
      return new Established(conditions, established.events());
    }
    // Both branches continue: what both close or create; `if (c != null) c.close();` closes c.
    List<ClientEvent> thenEvents = established(then).events();
    ClientRef nullChecked = nullTested(ifTree.getCondition(), false);
    if (otherwise == null) {
      // DeviceClient old = client; if (old != null) old.close(); -- closes what `client` held too
      ClientRef aliased = nullChecked == null ? null : model.aliasedClient(nullChecked);
      List<ClientEvent> events = new ArrayList<>();
      for (ClientEvent event : thenEvents) {
        if (!event.created() && (event.client().equals(nullChecked) || event.client().equals(aliased))) {
          events.add(event);
        }
      }
      return new Established(List.of(), events);
    }
    List<ClientEvent> elseEvents = established(otherwise).events();
    List<ClientEvent> common = new ArrayList<>();
    for (ClientEvent event : thenEvents) {
      for (ClientEvent other : elseEvents) {
        if (event.created() == other.created() && event.client().equals(other.client())) {
          common.add(event);
          break;
        }
      }
    }
    // if (c == null) { c = new ...; } else { c.close(); }: no earlier instance stays open on either path
    ClientRef absent = nullTested(ifTree.getCondition(), true);
    if (absent != null && creates(thenEvents, absent) && closes(elseEvents, absent)) {
      common.add(new ClientEvent(absent, false, ifTree));
    } else if (nullChecked != null && closes(thenEvents, nullChecked) && creates(elseEvents, nullChecked)) {
      common.add(new ClientEvent(nullChecked, false, ifTree));
    }
    return new Established(List.of(), common);
  }

  private static boolean creates(List<ClientEvent> events, ClientRef client) {
    return events.stream().anyMatch(event -> event.created() && event.client().equals(client));
  }

  private static boolean closes(List<ClientEvent> events, ClientRef client) {
    return events.stream().anyMatch(event -> !event.created() && event.client().equals(client));
  }

  /** {@code c == null} when {@code isNull}, else {@code c != null} (either order): the client it tests, or null. */
  private static @Nullable ClientRef nullTested(ExpressionTree condition, boolean isNull) {
    NullTest test = NullTest.of(condition);
    return test != null && test.trueWhenNull() == isNull ? ClientRef.of(test.operand()) : null;
  }

  private Established establishedByTry(TryTree tryTree) {
    // A close attempted in the try block counts even when close() itself throws; a creation counts only when no
    // catch clause can swallow its failure.
    List<ClientEvent> events = new ArrayList<>();
    Established block = sequence(tryTree.getBlock().getStatements());
    boolean catchesComplete = false;
    for (var catchTree : tryTree.getCatches()) {
      catchesComplete |= canCompleteNormally(catchTree.getBlock());
    }
    for (ClientEvent event : block.events()) {
      if (!event.created() || !catchesComplete) {
        events.add(event);
      }
    }
    List<Condition> conditions = new ArrayList<>();
    if (!catchesComplete) {
      // try { while (status != DISCONNECTED) wait(); } catch (InterruptedException e) { return; }: only a
      // completed block goes on past the try
      conditions.addAll(block.conditions());
    }
    if (tryTree.getFinallyBlock() != null) {
      Established finallyBlock = sequence(tryTree.getFinallyBlock().getStatements());
      conditions.addAll(finallyBlock.conditions());
      events.addAll(finallyBlock.events());
    }
    return new Established(conditions, events);
  }

  private List<ClientEvent> eventsOf(ExpressionTree expression) {
    ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(expression);
    if (stripped instanceof MethodInvocationTree call) {
      ConnectionCall connectionCall = model.connectionCall(call);
      if (connectionCall != null && connectionCall.op().closes() && connectionCall.client() != null) {
        List<ClientEvent> events = new ArrayList<>();
        events.add(new ClientEvent(connectionCall.client(), false, call));
        ClientRef aliased = model.aliasedClient(connectionCall.client());
        if (aliased != null) {
          // DeviceClient retiring = client; retiring.close(); closes what `client` held
          events.add(new ClientEvent(aliased, false, call));
        }
        return events;
      }
      List<ClientEvent> events = new ArrayList<>();
      for (ClientRef closed : model.closedByCall(call)) {
        events.add(new ClientEvent(closed, false, call));
      }
      return events;
    }
    if (stripped instanceof AssignmentTree assignment && model.isNewClient(assignment.getExpression())) {
      ClientRef target = ClientRef.of(assignment.getVariable());
      if (target != null) {
        return List.of(new ClientEvent(target, true, assignment));
      }
    }
    return List.of();
  }

  /** Whether running {@code statement} to its end always closes {@code client} (also inside a try, or null-checked). */
  public boolean closesOnCompletion(StatementTree statement, ClientRef client) {
    for (ClientEvent event : established(statement).events()) {
      if (!event.created() && event.client().equals(client)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The selector values of a switch statement with which control goes on after it: the labels of the cases that
   * break or complete (falling through to one that does), and whether values no case names do.
   */
  public record SwitchExit(Set<String> reachingLabels, boolean defaultReaches, Set<String> allLabels) {}

  /** Where a switch statement lets control go on; computed once per switch. */
  public SwitchExit exitOf(SwitchTree switchTree) {
    return switchExits.computeIfAbsent(switchTree, tree -> computeExit(switchTree));
  }

  private static SwitchExit computeExit(SwitchTree switchTree) {
    List<CaseTree> cases = new ArrayList<>(switchTree.getCases()); // indexed below: javac's List is linked
    boolean[] goesOn = new boolean[cases.size()];
    for (int i = cases.size() - 1; i >= 0; i--) {
      CaseTree caseTree = cases.get(i);
      boolean next = i == cases.size() - 1 || goesOn[i + 1];
      if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = caseTree.getBody();
        goesOn[i] =
            body instanceof ExpressionTree
                || (body instanceof StatementTree statement
                    && (canCompleteNormally(statement) || breaksOut(statement)));
        continue;
      }
      boolean breaks = false;
      boolean completes = true;
      for (StatementTree statement : caseTree.getStatements()) {
        breaks |= breaksOut(statement);
        if (!canCompleteNormally(statement)) {
          completes = false;
          break;
        }
      }
      goesOn[i] = breaks || (completes && next);
    }
    Set<String> reaching = new LinkedHashSet<>();
    Set<String> all = new LinkedHashSet<>();
    boolean defaultGoesOn = true; // without a default, the values no case names skip the switch
    for (int i = 0; i < cases.size(); i++) {
      CaseTree caseTree = cases.get(i);
      if (ASTHelpers.isSwitchDefault(caseTree)) {
        defaultGoesOn = goesOn[i];
      }
      all.addAll(labels(caseTree));
      if (goesOn[i]) {
        reaching.addAll(labels(caseTree));
      }
    }
    return new SwitchExit(reaching, defaultGoesOn, all);
  }

  /** A break in {@code body} that leaves the loop around it (not one of a nested loop or switch). */
  static boolean breaksOut(StatementTree body) {
    boolean[] breaks = {false};
    Set<String> innerLabels = new LinkedHashSet<>();
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitBreak(BreakTree tree, Boolean nested) {
        breaks[0] |=
            tree.getLabel() == null ? !nested : !innerLabels.contains(tree.getLabel().toString());
        return null;
      }

      @Override
      public Void visitLabeledStatement(LabeledStatementTree tree, Boolean nested) {
        innerLabels.add(tree.getLabel().toString());
        return super.visitLabeledStatement(tree, nested);
      }

      @Override
      public Void visitWhileLoop(WhileLoopTree tree, Boolean nested) {
        return super.visitWhileLoop(tree, true);
      }

      @Override
      public Void visitDoWhileLoop(DoWhileLoopTree tree, Boolean nested) {
        return super.visitDoWhileLoop(tree, true);
      }

      @Override
      public Void visitForLoop(ForLoopTree tree, Boolean nested) {
        return super.visitForLoop(tree, true);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Boolean nested) {
        return super.visitEnhancedForLoop(tree, true);
      }

      @Override
      public Void visitSwitch(SwitchTree tree, Boolean nested) {
        return super.visitSwitch(tree, true);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Boolean nested) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Boolean nested) {
        return null;
      }
    }.scan(body, false);
    return breaks[0];
  }

  // ---------------------------------------------------------------- normal completion

  /**
   * Conservative: false only when the statement certainly ends abruptly (return, throw, break, continue...).
   *
   * <p>Not {@code Reachability.canCompleteNormally}, which follows the JLS (an endless loop, a switch whose every case
   * returns, a labeled block left by its own break) and whose answers differ between Error Prone releases.
   */
  public static boolean canCompleteNormally(@Nullable StatementTree statement) {
    if (statement == null) {
      return true;
    }
    if (statement instanceof ReturnTree
        || statement instanceof ThrowTree
        || statement instanceof BreakTree
        || statement instanceof ContinueTree
        || statement instanceof YieldTree) {
      return false;
    }
    if (statement instanceof BlockTree block) {
      for (StatementTree inner : block.getStatements()) {
        if (!canCompleteNormally(inner)) {
          return false;
        }
      }
      return true;
    }
    if (statement instanceof IfTree ifTree) {
      return ifTree.getElseStatement() == null
          || canCompleteNormally(ifTree.getThenStatement())
          || canCompleteNormally(ifTree.getElseStatement());
    }
    if (statement instanceof SynchronizedTree synchronizedTree) {
      return canCompleteNormally(synchronizedTree.getBlock());
    }
    if (statement instanceof LabeledStatementTree labeled) {
      return canCompleteNormally(labeled.getStatement());
    }
    if (statement instanceof TryTree tryTree) {
      if (tryTree.getFinallyBlock() != null && !canCompleteNormally(tryTree.getFinallyBlock())) {
        return false;
      }
      if (canCompleteNormally(tryTree.getBlock())) {
        return true;
      }
      for (var catchTree : tryTree.getCatches()) {
        if (canCompleteNormally(catchTree.getBlock())) {
          return true;
        }
      }
      return false;
    }
    if (statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      return !(symbol instanceof MethodSymbol method
          && method.getSimpleName().contentEquals("exit")
          && method.owner.getQualifiedName().contentEquals("java.lang.System"));
    }
    return true;
  }

  // ---------------------------------------------------------------- switch cases

  private @Nullable SwitchCase switchCase(TreePath casePath, CaseTree caseTree) {
    Tree parent = casePath.getParentPath().getLeaf();
    ExpressionTree selector;
    List<? extends CaseTree> allCases;
    if (parent instanceof SwitchTree switchTree) {
      selector = switchTree.getExpression();
      allCases = switchTree.getCases();
    } else if (parent instanceof SwitchExpressionTree switchExpression) {
      selector = switchExpression.getExpression();
      allCases = switchExpression.getCases();
    } else {
      return null;
    }
    Map<CaseTree, SwitchCase> cases = switchCases.get(parent);
    if (cases == null) {
      cases = casesOf(casePath.getParentPath(), selector, allCases);
      switchCases.put(parent, cases);
    }
    return cases.get(caseTree);
  }

  /** Every case of one switch with the constants that reach it: one pass over the cases, once per switch. */
  private static Map<CaseTree, SwitchCase> casesOf(
      TreePath switchPath, ExpressionTree selector, List<? extends CaseTree> allCases) {
    Set<String> allLabels = new LinkedHashSet<>();
    for (CaseTree each : allCases) {
      allLabels.addAll(labels(each));
    }
    Map<CaseTree, SwitchCase> cases = new IdentityHashMap<>();
    Set<String> fallingIn = Set.of(); // the labels that fall through into the next case
    boolean defaultFallsIn = false;
    for (CaseTree caseTree : allCases) {
      // Old-style cases fall through from the ones above them that can complete normally.
      Set<String> reaching = new LinkedHashSet<>(labels(caseTree));
      reaching.addAll(fallingIn);
      boolean defaultReaches = ASTHelpers.isSwitchDefault(caseTree) || defaultFallsIn;
      cases.putIfAbsent(
          caseTree,
          new SwitchCase(selector, reaching, defaultReaches, allLabels, caseTree, new TreePath(switchPath, caseTree)));
      boolean fallsThrough = caseTree.getCaseKind() == CaseTree.CaseKind.STATEMENT && fallsThrough(caseTree);
      fallingIn = fallsThrough ? reaching : Set.of();
      defaultFallsIn = fallsThrough && defaultReaches;
    }
    return cases;
  }

  private static boolean fallsThrough(CaseTree caseTree) {
    List<? extends StatementTree> statements = caseTree.getStatements();
    if (statements == null || statements.isEmpty()) {
      return true;
    }
    for (StatementTree statement : statements) {
      if (!canCompleteNormally(statement)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> labels(CaseTree caseTree) {
    Set<String> labels = new LinkedHashSet<>();
    for (ExpressionTree expression : caseTree.getExpressions()) {
      Symbol symbol = ASTHelpers.getSymbol(expression);
      if (symbol != null) {
        labels.add(symbol.getSimpleName().toString());
      } else if (expression instanceof IdentifierTree identifier) {
        labels.add(identifier.getName().toString());
      }
    }
    return labels;
  }
}
