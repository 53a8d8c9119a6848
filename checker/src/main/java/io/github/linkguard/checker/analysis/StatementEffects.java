package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.PathFacts.ClientEvent;
import io.github.linkguard.checker.analysis.PathFacts.Condition;
import io.github.linkguard.checker.analysis.PathFacts.SwitchExit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a statement establishes for the code after it, when it completes normally: the conditions then known (an
 * early exit, a loop that ran until its condition failed, a switch that lets only some values on) and the clients
 * closed or created on every path through it. The per-statement transfer of the path facts; each statement is
 * visited once per block that holds it (see {@link PathFacts}).
 */
final class StatementEffects {
  /** What a statement establishes for the code after it, when it completes normally. */
  record Established(List<Condition> conditions, List<ClientEvent> events) {
    static final Established NOTHING = new Established(List.of(), List.of());
  }
  private final CompilationModel model;
  private final SwitchFlow switches;

  StatementEffects(CompilationModel model, SwitchFlow switches) {
    this.model = model;
    this.switches = switches;
  }

  Established established(StatementTree statement) {
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
      SwitchExit exit = switches.exitOf(switchTree);
      boolean someLeave = !exit.defaultReaches() || !exit.reachingLabels().equals(exit.allLabels());
      return someLeave
          ? new Established(List.of(new Condition(switchTree.getExpression(), true, switchTree)), List.of())
          : Established.NOTHING;
    }
    if (statement instanceof WhileLoopTree loop && !NormalCompletion.breaksOut(loop.getStatement())) {
      // while (status != DISCONNECTED) sleep(); -- after the loop its condition is false
      return new Established(List.of(new Condition(loop.getCondition(), false, loop)), List.of());
    }
    if (statement instanceof DoWhileLoopTree loop && !NormalCompletion.breaksOut(loop.getStatement())) {
      return new Established(List.of(new Condition(loop.getCondition(), false, loop)), List.of());
    }
    if (statement instanceof ForLoopTree loop && loop.getCondition() != null && !NormalCompletion.breaksOut(loop.getStatement())) {
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
  List<ClientEvent> resourceCreations(TryTree tryTree) {
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
    if (!NormalCompletion.canCompleteNormally(then)) {
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
    if (otherwise != null && !NormalCompletion.canCompleteNormally(otherwise)) {
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
      catchesComplete |= NormalCompletion.canCompleteNormally(catchTree.getBlock());
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
  boolean closesOnCompletion(StatementTree statement, ClientRef client) {
    for (ClientEvent event : established(statement).events()) {
      if (!event.created() && event.client().equals(client)) {
        return true;
      }
    }
    return false;
  }
}
