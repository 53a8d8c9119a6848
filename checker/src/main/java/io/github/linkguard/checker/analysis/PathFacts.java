package io.github.linkguard.checker.analysis;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * What holds on every path to a point of a body: conditions known true or false ({@code if}, {@code ?:},
 * {@code &&}/{@code ||}, loop conditions, early exits), the switch cases it sits in, and the clients closed or
 * created before it.
 *
 * <p>Not a dominator analysis over a control-flow graph: the facts are read off the syntax tree, from the statements
 * that enclose and precede the point (an {@code if} that guards only another branch says nothing about it), with
 * {@link StatementEffects} as the per-statement transfer. Facts about
 * closes and creations do not cross a loop boundary, because the next round reaches the point again without them.
 * The facts that a block's statements establish are computed once per block.
 *
 * <p>Cost: what each statement establishes is computed once per block that holds it, O(n) for a body of n trees
 * (times the nesting depth, as an inner block is also seen from the blocks around it); a statement's position in its
 * block and a switch's cases are looked up in O(1) after one walk per block or switch. The facts at a point share the
 * blocks' event lists instead of copying them; their conditions are copied, O(conditions that dominate the point).
 * Each block's events are indexed by client once, and its closes of local variables once, so a query (is this client
 * closed before? which locals were closed before?) costs the nesting depth plus the events it asks about, not every
 * close and creation before the point.
 */
public final class PathFacts {
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

    /** Where the closes of local variables are, ascending: few in any block, however many events it holds. */
    int[] localClosePositions() {
      if (localClosePositions == null) {
        localClosePositions =
            IntStream.range(0, events.size())
                .filter(i -> !events.get(i).created() && events.get(i).client().isLocal())
                .toArray();
      }
      return localClosePositions;
    }

    private int @Nullable [] localClosePositions;

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

    /**
     * Every close of a local variable before the point, in order. Indexed per block: a query per point costs the
     * local closes before it, not every close and creation of the block (thousands, in a method that replaces
     * thousands of fields).
     */
    public List<ClientEvent> localCloses() {
      List<ClientEvent> found = new ArrayList<>();
      for (EventGroup group : eventGroups) {
        for (int position : group.list().localClosePositions()) {
          if (position >= group.length()) {
            break;
          }
          found.add(group.list().get(position));
        }
      }
      return found;
    }

    /** The closes and creations of {@code earlier} followed by these: a point reached after another. */
    public Facts eventsAfter(Facts earlier) {
      List<EventGroup> groups = new ArrayList<>(earlier.eventGroups());
      groups.addAll(eventGroups);
      return new Facts(List.of(), List.of(), groups);
    }
  }

  private final CompilationModel model;
  private final SwitchFlow switches = new SwitchFlow();
  private final StatementEffects effects;
  private final Map<Tree, Prefix> prefixCache = new IdentityHashMap<>();
  private final Map<Tree, Facts> factsCache = new IdentityHashMap<>();

  PathFacts(CompilationModel model, CallEffects callEffects) {
    this.model = model;
    this.effects = new StatementEffects(model, switches, callEffects);
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
        List<ClientEvent> resources = effects.resourceCreations(tryTree);
        if (!resources.isEmpty()) {
          eventGroups.add(new EventGroup(new EventList(resources), resources.size(), crossedLoop));
        }
      } else if (leaf instanceof BlockTree block) {
        addPrefix(block, block.getStatements(), previous, conditions, eventGroups, crossedLoop);
      } else if (leaf instanceof CaseTree caseTree) {
        SwitchCase switchCase = switches.switchCase(current, caseTree);
        if (switchCase != null) {
          cases.add(switchCase);
        }
        ExpressionTree guard = SwitchFlow.guardOf(caseTree);
        List<? extends StatementTree> statements = caseTree.getStatements();
        if (guard != null
            && (previous == caseTree.getBody() || (statements != null && statements.contains(previous)))) {
          // case IotHubConnectionStatus s when s == DISCONNECTED -> ...: the guard holds in the case's code
          conditions.add(new Condition(guard, true, caseTree));
        }
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

  /**
   * The facts at the {@code return} statement of {@code method} that returns {@code expression}, in the method's own
   * body, or null when the method has no body in the compilation or no such return.
   */
  @Nullable Facts factsWhereReturned(MethodSymbol method, ExpressionTree expression) {
    Body body = model.bodyOf(method);
    TreePath returnPath = body == null ? null : body.returnStatementOf(expression);
    return returnPath == null ? null : factsAt(returnPath);
  }

  private void addPrefix(
      Tree container,
      List<? extends StatementTree> statements,
      Tree child,
      List<Condition> conditions,
      List<EventGroup> eventGroups,
      boolean crossedLoop) {
    if (statements.isEmpty() || statements.get(0) == child) {
      return; // nothing runs before the first statement: no index is built for a block asked only about it
    }
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
        StatementEffects.Established established = effects.established(statement);
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

  /**
   * The selector values of a switch statement with which control goes on after it: the labels of the cases that
   * break or complete (falling through to one that does), and whether values no case names do.
   */
  public record SwitchExit(Set<String> reachingLabels, boolean defaultReaches, Set<String> allLabels) {}

  /** Where a switch statement lets control go on; computed once per switch. */
  public SwitchExit exitOf(SwitchTree switchTree) {
    return switches.exitOf(switchTree);
  }

  /** Whether running {@code statement} to its end always closes {@code client} (also inside a try, or null-checked). */
  public boolean closesOnCompletion(StatementTree statement, ClientRef client) {
    return effects.closesOnCompletion(statement, client);
  }

  /** The clients running {@code statement} to its end always leaves newly created. */
  Set<ClientRef> createdOnCompletion(StatementTree statement) {
    return effects.createdOnCompletion(statement);
  }
}
