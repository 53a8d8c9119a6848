package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.PathFacts.ClientEvent;
import io.github.linkguard.checker.analysis.PathFacts.Condition;
import io.github.linkguard.checker.analysis.PathFacts.SwitchExit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a statement establishes for the code after it, when it completes normally: the conditions then known (an
 * early exit, a loop that ran until its condition failed, a switch that lets only some values on) and the clients
 * closed or created on every path through it. The per-statement transfer of the path facts, a transfer of {@link
 * StatementFlow}; each statement is visited once per block that holds it (see {@link PathFacts}).
 *
 * <p>The facts are relative: each branch (an if's then and else, a try block, a catch, a finally) starts from
 * nothing, and the statement around it decides what of the branch's facts hold after it, the way the rules below
 * say. Loops are not entered: they establish only conditions. A switch establishes a condition, and what every way
 * through it to its end closes or creates ({@link #eventsOnEveryWayOut}).
 */
final class StatementEffects implements StatementFlow.Shallow<StatementEffects.Effects> {
  /** What a statement establishes for the code after it, when it completes normally. */
  record Established(List<Condition> conditions, List<ClientEvent> events) {
    static final Established NOTHING = new Established(List.of(), List.of());
  }

  /**
   * What the statements followed so far establish, and whether they complete normally ({@link
   * NormalCompletion#canCompleteNormally}'s answer). Mutable: the flow hands each value on once. Inside a catch only
   * completion is asked for ({@code recording} false), so no events are looked up there.
   */
  static final class Effects {
    private final boolean recording;
    private boolean completes = true;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<ClientEvent> events = new ArrayList<>();

    private Effects(boolean recording) {
      this.recording = recording;
    }

    private Effects append(Effects other) {
      conditions.addAll(other.conditions);
      events.addAll(other.events);
      return this;
    }
  }

  private final CompilationModel model;
  private final SwitchFlow switches;
  private final CallEffects callEffects;
  private final StatementFlow<Effects> flow = new StatementFlow<>(this);

  StatementEffects(CompilationModel model, SwitchFlow switches, CallEffects callEffects) {
    this.callEffects = callEffects;
    this.model = model;
    this.switches = switches;
  }

  Established established(StatementTree statement) {
    Effects effects = flow.run(statement, new Effects(true));
    return effects.conditions.isEmpty() && effects.events.isEmpty()
        ? Established.NOTHING
        : new Established(effects.conditions, effects.events);
  }

  @Override
  public Effects dead() {
    Effects dead = new Effects(false);
    dead.completes = false;
    return dead;
  }

  /** Only the catches are joined (the if and the try keep their own rules): whether one of them completes. */
  @Override
  public Effects join(Effects first, Effects second) {
    if (!first.completes) {
      return second;
    }
    if (!second.completes) {
      return first;
    }
    Effects both = new Effects(first.recording);
    both.events.addAll(common(first.events, second.events));
    return both;
  }

  /** Every branch starts from nothing; a catch is asked only whether it completes. */
  @Override
  public Effects enter(Tree holder, @Nullable Tree part, Effects in) {
    return new Effects(in.recording && !(part instanceof CatchTree));
  }

  @Override
  public Effects finallyEntry(TryTree tryTree, Effects tryOut, Effects catchesOut) {
    return new Effects(tryOut.recording);
  }

  @Override
  public Effects labeledExit(LabeledStatementTree labeled, Effects bodyOut, Effects breaks) {
    return bodyOut; // as NormalCompletion: a break to its own label does not make it complete
  }

  @Override
  public Effects leaf(StatementTree statement, Effects in) {
    if (NormalCompletion.isJump(statement) || NormalCompletion.exits(statement)) {
      in.completes = false;
      if (!(statement instanceof ExpressionStatementTree)) {
        return in;
      }
    }
    if (!in.recording) {
      return in;
    }
    if (statement instanceof SwitchTree switchTree) {
      // switch (status) { case CONNECTED: return; ... } -- after it, the selector is one of the values that go on
      SwitchExit exit = switches.exitOf(switchTree);
      if (!exit.defaultReaches() || !exit.reachingLabels().equals(exit.allLabels())) {
        in.conditions.add(new Condition(switchTree.getExpression(), true, switchTree));
      }
      in.events.addAll(eventsOnEveryWayOut(switchTree));
    } else if (statement instanceof WhileLoopTree loop && !NormalCompletion.breaksOut(loop.getStatement())) {
      // while (status != DISCONNECTED) sleep(); -- after the loop its condition is false
      in.conditions.add(new Condition(loop.getCondition(), false, loop));
    } else if (statement instanceof DoWhileLoopTree loop && !NormalCompletion.breaksOut(loop.getStatement())) {
      in.conditions.add(new Condition(loop.getCondition(), false, loop));
    } else if (statement instanceof ForLoopTree loop
        && loop.getCondition() != null
        && !NormalCompletion.breaksOut(loop.getStatement())) {
      in.conditions.add(new Condition(loop.getCondition(), false, loop));
    } else if (statement instanceof ExpressionStatementTree expression) {
      in.events.addAll(eventsOf(expression.getExpression()));
    } else if (statement instanceof VariableTree variable && variable.getInitializer() != null) {
      VarSymbol symbol = ASTHelpers.getSymbol(variable);
      if (symbol != null) {
        in.events.addAll(creationsOf(ClientRef.ofVariable(symbol), variable.getInitializer(), variable));
      }
      // long pause = switch (e.getStatusCode()) { case THROTTLED -> { client.close(); yield 30_000L; } ... };
      if (IotHubSdk.stripParenthesesAndCasts(variable.getInitializer()) instanceof SwitchExpressionTree switchTree) {
        in.events.addAll(eventsOnEveryWayOut(switchTree));
      }
    }
    return in;
  }

  /**
   * Clients created as resources of a try-with-resources, or in the fields of a resource the compilation constructs:
   * created before its block runs, on every path.
   */
  List<ClientEvent> resourceCreations(TryTree tryTree) {
    List<ClientEvent> events = new ArrayList<>();
    for (Tree resource : tryTree.getResources()) {
      if (resource instanceof VariableTree variable && variable.getInitializer() != null) {
        VarSymbol symbol = ASTHelpers.getSymbol(variable);
        if (symbol != null) {
          events.addAll(creationsOf(ClientRef.ofVariable(symbol), variable.getInitializer(), variable));
        }
      }
    }
    return events;
  }

  /**
   * A branch that cannot complete leaves the other's facts and the condition that leads to it; when both continue,
   * what both close or create ({@code if (c != null) c.close();} closes c; {@code if (c == null) create else close}
   * leaves no earlier instance open). Conditions either branch establishes do not hold after both.
   */
  @Override
  public Effects ifExit(IfTree ifTree, Effects in, Effects thenOut, Effects elseOut) {
    StatementTree otherwise = ifTree.getElseStatement();
    in.completes &= thenOut.completes || elseOut.completes;
    if (!in.recording) {
      return in;
    }
    if (!thenOut.completes) {
      in.conditions.add(new Condition(ifTree.getCondition(), false, ifTree));
      return in.append(elseOut);
    }
    if (otherwise != null && !elseOut.completes) {
      in.conditions.add(new Condition(ifTree.getCondition(), true, ifTree));
      return in.append(thenOut);
    }
    List<ClientEvent> thenEvents = thenOut.events;
    ClientRef nullChecked = nullTested(ifTree.getCondition(), false);
    if (otherwise == null) {
      // DeviceClient old = client; if (old != null) old.close(); -- closes what `client` held too
      ClientRef aliased = nullChecked == null ? null : model.aliasedClient(nullChecked);
      for (ClientEvent event : thenEvents) {
        if (!event.created() && (event.client().equals(nullChecked) || event.client().equals(aliased))) {
          in.events.add(event);
        }
      }
      return in;
    }
    List<ClientEvent> elseEvents = elseOut.events;
    in.events.addAll(common(thenEvents, elseEvents));
    // if (c == null) { c = new ...; } else { c.close(); }: no earlier instance stays open on either path
    ClientRef absent = nullTested(ifTree.getCondition(), true);
    if (absent != null && creates(thenEvents, absent) && closes(elseEvents, absent)) {
      in.events.add(new ClientEvent(absent, false, ifTree));
    } else if (nullChecked != null && closes(thenEvents, nullChecked) && creates(elseEvents, nullChecked)) {
      in.events.add(new ClientEvent(nullChecked, false, ifTree));
    }
    return in;
  }

  /** The events of {@code first} that {@code second} has too (same client, same kind), in {@code first}'s order. */
  private static List<ClientEvent> common(List<ClientEvent> first, List<ClientEvent> second) {
    List<ClientEvent> common = new ArrayList<>();
    for (ClientEvent event : first) {
      for (ClientEvent other : second) {
        if (event.created() == other.created() && event.client().equals(other.client())) {
          common.add(event);
          break;
        }
      }
    }
    return common;
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

  /**
   * A close attempted in the try block counts even when close() itself throws; a creation, and a condition the block
   * establishes, count only when no catch clause can swallow a failure and carry on. The finally's facts hold after.
   */
  @Override
  public Effects tryExit(TryTree tryTree, Effects in, Effects tryOut, Effects catchesOut, @Nullable Effects finallyOut) {
    boolean catchesComplete = catchesOut.completes;
    in.completes &= (finallyOut == null || finallyOut.completes) && (tryOut.completes || catchesComplete);
    for (ClientEvent event : tryOut.events) {
      if (!event.created() || !catchesComplete) {
        in.events.add(event);
      }
    }
    if (!catchesComplete) {
      // try { while (status != DISCONNECTED) wait(); } catch (InterruptedException e) { return; }: only a
      // completed block goes on past the try
      in.conditions.addAll(tryOut.conditions);
    }
    return finallyOut == null ? in : in.append(finallyOut);
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
      // createClient(cs): a helper that closes the old client and makes the new one, seen as the two in that order
      Set<ClientRef> closedByCall = callEffects.closedByCall(call);
      Set<ClientRef> createdByCall = callEffects.createdByCall(call);
      if (closedByCall.isEmpty() && createdByCall.isEmpty()) {
        return List.of();
      }
      List<ClientEvent> events = new ArrayList<>(closedByCall.size() + createdByCall.size());
      for (ClientRef closed : closedByCall) {
        events.add(new ClientEvent(closed, false, call));
      }
      for (ClientRef created : createdByCall) {
        events.add(new ClientEvent(created, true, call));
      }
      return events;
    }
    if (stripped instanceof AssignmentTree assignment) {
      if (IotHubSdk.stripParenthesesAndCasts(assignment.getExpression()) instanceof SwitchExpressionTree switchTree) {
        return eventsOnEveryWayOut(switchTree);
      }
      ClientRef target = ClientRef.of(assignment.getVariable());
      return target == null ? List.of() : creationsOf(target, assignment.getExpression(), assignment);
    }
    if (stripped instanceof SwitchExpressionTree switchTree) {
      return eventsOnEveryWayOut(switchTree);
    }
    return List.of();
  }

  /**
   * What every way through a switch statement to its end closes or creates: the way of each case (its statements and
   * those it falls through to, up to a break of the switch or the switch's end; an arrow case's body), and, without a
   * default, the way past every case, which does nothing. A way that returns or throws ends nowhere after the switch
   * and counts for nothing. A switch that may leave by another jump (a continue, a break of an enclosing statement)
   * gives nothing: the readers of a failure path follow those jumps themselves.
   */
  private List<ClientEvent> eventsOnEveryWayOut(SwitchTree switchTree) {
    if (NormalCompletion.breaksOut(switchTree) || NormalCompletion.holdsLoopJump(switchTree, false)) {
      return List.of();
    }
    boolean hasDefault = false;
    for (CaseTree caseTree : switchTree.getCases()) {
      hasDefault |= ASTHelpers.isSwitchDefault(caseTree);
    }
    List<ClientEvent> onEveryWay = eventsOfEveryCase(switchTree.getCases(), false);
    return hasDefault || onEveryWay.isEmpty() ? onEveryWay : List.of();
  }

  /** The same for a switch expression (exhaustive: some case is always taken); its ways end at a yield. */
  private List<ClientEvent> eventsOnEveryWayOut(SwitchExpressionTree switchTree) {
    return eventsOfEveryCase(switchTree.getCases(), true);
  }

  /**
   * The events common to every way from the start of some case to the switch's end (a break of the switch, or a
   * yield when {@code yields}), computed from the last case up, so that a way falling through reuses the next case's.
   */
  private List<ClientEvent> eventsOfEveryCase(List<? extends CaseTree> caseList, boolean yields) {
    List<CaseTree> cases = new ArrayList<>(caseList); // indexed below: javac's List is linked
    List<ClientEvent> onEveryWay = null;
    @Nullable List<ClientEvent> fromNext = null; // the ways from the next case: null when none reaches the end
    for (int i = cases.size() - 1; i >= 0; i--) {
      @Nullable List<ClientEvent> fromHere = waysFrom(cases.get(i), yields, i == cases.size() - 1, fromNext);
      if (fromHere != null) {
        onEveryWay = onEveryWay == null ? fromHere : common(onEveryWay, fromHere);
      }
      fromNext = fromHere;
    }
    return onEveryWay == null ? List.of() : onEveryWay;
  }

  /**
   * The events common to every way from the start of {@code caseTree} to the switch's end, or null when none gets
   * there. {@code fromNext}: the same for the next case, which an old-style case falls through to.
   */
  private @Nullable List<ClientEvent> waysFrom(
      CaseTree caseTree, boolean yields, boolean last, @Nullable List<ClientEvent> fromNext) {
    if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
      Tree body = caseTree.getBody();
      if (body instanceof ExpressionTree expression) {
        return eventsOf(expression); // case THROTTLED -> closeAndWait(client);
      }
      if (body instanceof BlockTree block) {
        return waysThrough(block.getStatements(), yields, true, null);
      }
      return body instanceof StatementTree statement ? waysThrough(List.of(statement), yields, true, null) : null;
    }
    return waysThrough(caseTree.getStatements(), yields, last, fromNext);
  }

  /**
   * The events common to every way through {@code statements} to the switch's end: at a break of the switch (a yield
   * when {@code yields}), before a statement that may take one inside it, or at their end, followed by {@code
   * fromNext} unless {@code last}; null when no way gets there.
   */
  private @Nullable List<ClientEvent> waysThrough(
      List<? extends StatementTree> statements, boolean yields, boolean last, @Nullable List<ClientEvent> fromNext) {
    List<ClientEvent> done = new ArrayList<>();
    @Nullable List<ClientEvent> ways = null;
    for (StatementTree statement : statements) {
      if (yields ? statement instanceof YieldTree : statement instanceof BreakTree) {
        return meet(ways, done);
      }
      if (yields ? NormalCompletion.holdsYield(statement) : NormalCompletion.breaksOut(statement)) {
        ways = meet(ways, done); // it may leave the switch before what it does itself
      }
      if (!NormalCompletion.canCompleteNormally(statement)) {
        return ways;
      }
      done.addAll(established(statement).events());
    }
    if (last) {
      return meet(ways, done);
    }
    if (fromNext == null) {
      return ways;
    }
    done.addAll(fromNext);
    return meet(ways, done);
  }

  /** The events of one more way ({@code way}) met with those of the ways so far (null: none yet). */
  private static List<ClientEvent> meet(@Nullable List<ClientEvent> ways, List<ClientEvent> way) {
    return ways == null ? new ArrayList<>(way) : common(ways, way);
  }

  /**
   * {@code target = value} or {@code T target = value}: a new client creates the target; a new object of a compilation
   * class whose construction creates clients in its fields creates those fields of the target ({@code Session s = new
   * Session(cs); s.connect();} opens a client created earlier on the path), and so does a call of a factory of the
   * compilation that returns such an object.
   */
  private List<ClientEvent> creationsOf(ClientRef target, ExpressionTree value, Tree tree) {
    if (model.isNewClient(value)) {
      return List.of(new ClientEvent(target, true, tree));
    }
    ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(value);
    Set<ClientRef> createdFields =
        stripped instanceof NewClassTree creation ? callEffects.createdByConstruction(creation)
            : stripped instanceof MethodInvocationTree call ? callEffects.createdInReturnedObject(call)
            : Set.of();
    List<ClientEvent> events = new ArrayList<>();
    for (ClientRef field : createdFields) {
      events.add(new ClientEvent(target.then(field), true, tree));
    }
    return events;
  }

  /** The clients running {@code statement} to its end always leaves newly created. */
  Set<ClientRef> createdOnCompletion(StatementTree statement) {
    Set<ClientRef> created = new LinkedHashSet<>();
    for (ClientEvent event : established(statement).events()) {
      if (event.created()) {
        created.add(event.client());
      }
    }
    return created;
  }

  /** Whether running {@code statement} to its end always closes {@code client} (also inside a try, or null-checked). */
  boolean closesOnCompletion(StatementTree statement, ClientRef client) {
    for (ClientEvent event : established(statement).events()) {
      if (!event.created() && event.client().equals(client)) {
        return true;
      }
    }
    return false;
  }
}
