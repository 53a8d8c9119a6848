package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.CallerTranslation.Translated;
import io.github.linkguard.checker.analysis.PathFacts.Condition;
import io.github.linkguard.checker.analysis.PathFacts.Facts;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The rule of check 4 ({@code IotHubClientReplacedWithoutClose}): a second live client for one device identity, in
 * its four forms (see {@link ReplacementKind}). Found once for the whole compilation, at the first question.
 *
 * <p>Cost: one pass over the client-valued stores, map puts and client locals the model indexed; per candidate,
 * pathFacts facts at it, the opens of its client (indexed by client), and the escape and close-on-every-path
 * questions of {@code LocalClientLifetime}; a put is {@link MapPutRule}'s.
 */
public final class ReplacementRule {
  /** Check 4's four forms. */
  public enum ReplacementKind {
    /** A new client assigned over one that may still be open. */
    ASSIGNED_OVER_OPEN_CLIENT,
    /** A new client put into a map of clients over the one it replaces. */
    PUT_OVER_OPEN_CLIENT,
    /** A local client that has the name of a client field. */
    SHADOWS_CLIENT_FIELD,
    /** A client held only in a local, created and opened at a re-entry site, not closed on every path. */
    LOCAL_CLIENT_NOT_CLOSED
  }

  /** A check 4 finding; {@code target} is the variable replaced (form a) or shadowed (form c). */
  public record Replacement(ReplacementKind kind, TreePath path, @Nullable ExpressionTree target,
      @Nullable VarSymbol field) {}

  private final CompilationModel model;
  private final Analyses analyses;
  private final Retries retries;
  private final ReentryFacts reentry;
  private final LocalClientLifetime localClients;
  private final MapPutRule mapPuts;
  private @Nullable Map<Tree, Replacement> replacements;

  ReplacementRule(Analyses analyses, ReentryFacts reentry) {
    this.model = analyses.model();
    this.analyses = analyses;
    this.retries = analyses.retries();
    this.reentry = reentry;
    this.localClients = new LocalClientLifetime(analyses);
    this.mapPuts = new MapPutRule(analyses, reentry, this::isNewClientFromAReentryCaller);
  }

  /** The check 4 finding reported at this assignment, put or declaration, or null. */
  public @Nullable Replacement at(Tree tree) {
    if (replacements == null) {
      replacements = computeReplacements();
    }
    return replacements.get(tree);
  }

  /**
   * Whether the method around {@code path} registers a client on a MultiplexingClient: such a client is closed by
   * unregistering it, as its own close() throws. Asked only to word a finding's message; once per method.
   */
  public boolean registersOnAMultiplexingClientAround(TreePath path) {
    return mapPuts.registersOnAMultiplexingClientAround(path);
  }

  /** The kind of map store a put this rule reports is: what the finding's advice says to close. */
  public MapStoreKind storeKindOf(MethodInvocationTree put) {
    return Objects.requireNonNull(model.mapStoreKind(put), "a reported put is a map store the scan recorded");
  }

  private Map<Tree, Replacement> computeReplacements() {
    Map<Tree, Replacement> found = new IdentityHashMap<>();
    for (TreePath store : model.clientValuedStores()) {
      if (store.getLeaf() instanceof AssignmentTree assignment) {
        Replacement replacement = assignedOverOpenClient(store, assignment);
        if (replacement != null) {
          found.put(assignment, replacement);
        }
      }
    }
    for (TreePath put : model.mapStores()) {
      if (mapPuts.putsOverOpenClient(put)) {
        found.put(put.getLeaf(), new Replacement(ReplacementKind.PUT_OVER_OPEN_CLIENT, put, null, null));
      }
    }
    for (TreePath local : model.clientLocals()) {
      Replacement replacement = localClientFinding(local);
      if (replacement != null) {
        found.putIfAbsent(replacement.path().getLeaf(), replacement);
      }
    }
    return found;
  }

  private @Nullable Replacement assignedOverOpenClient(TreePath path, AssignmentTree assignment) {
    boolean newClient = model.isNewClient(assignment.getExpression());
    if (!newClient && !(IotHubSdk.stripParenthesesAndCasts(assignment.getExpression()) instanceof IdentifierTree)) {
      return null;
    }
    ClientRef target = ClientRef.of(assignment.getVariable());
    Body body = model.bodyAt(path);
    if (target == null || body == null || target.variable() == null) {
      return null;
    }
    VarSymbol variable = target.variable();
    if (variable.getKind() == ElementKind.FIELD) {
      if (!reentry.isAtReentrySite(path, body)
          || isFirstStoreOfANewObject(target, body)
          || OncePerObjectStores.isOnlyStoreRunOncePerObject(model, target, assignment, path, body)
          || OncePerObjectStores.isFirstStoreIntoAFreshObject(model, target, assignment, path, body)) {
        return null;
      }
    } else if (!isOuterVariableInReentryConstruct(path, body, variable)
        || RoundCloses.closedAtTheEndOfEveryRound(path, target, analyses.effects().closeSites(body, target))) {
      return null;
    }
    if (retries.isInsideRetryConstruct(path, body) || isCreatedForARetriedAttempt(target, body, path)) {
      return null;
    }
    if (!mayHoldOpenClient(target, body)
        || !(newClient
            || holdsNewClientHere(path, assignment, body)
            || isNewClientFromAReentryCaller(assignment.getExpression(), body))) {
      return null;
    }
    Facts facts = analyses.pathFacts().factsAt(path);
    if (facts.closed(target)
        || isNullChecked(facts, target)
        || reentry.madeSafeByEveryCaller(body, target, ReplacementRule::closedOrNullChecked)) {
      return null;
    }
    return new Replacement(ReplacementKind.ASSIGNED_OVER_OPEN_CLIENT, path, assignment.getVariable(), null);
  }

  /**
   * A constructor storing into its own object's instance field, which nothing can have set before: no field
   * initializer and no delegation to another constructor ({@code this(...)}). Even when a re-entry site creates the
   * object, the field of the new object holds no client yet.
   */
  private boolean isFirstStoreOfANewObject(ClientRef target, Body body) {
    VarSymbol field = target.variable();
    MethodSymbol constructor = body.method();
    if (!target.isOwnField() || field == null || field.isStatic() || constructor == null
        || !constructor.isConstructor() || !field.owner.equals(constructor.owner)) {
      return false;
    }
    if (model.isInitializedAtDeclaration(field)) {
      return false;
    }
    MethodTree method = (MethodTree) body.tree();
    List<? extends StatementTree> statements = method.getBody() == null ? List.of() : method.getBody().getStatements();
    return statements.isEmpty()
        || !(statements.get(0) instanceof ExpressionStatementTree first
            && first.getExpression() instanceof MethodInvocationTree call
            && call.getMethodSelect() instanceof IdentifierTree name
            && Receivers.isThis(name.getName()));
  }

  /** A local assigned inside a re-entry loop or catch that it was declared outside of. */
  private boolean isOuterVariableInReentryConstruct(TreePath path, Body body, VarSymbol local) {
    for (TreePath current = path.getParentPath();
        current != null && current.getLeaf() != body.tree();
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      boolean reentryConstruct =
          retries.isReentryLoop(leaf) || retries.isReentryCatch(leaf);
      if (reentryConstruct) {
        return !declaredWithin(local, leaf);
      }
    }
    return false;
  }

  private boolean declaredWithin(VarSymbol local, Tree region) {
    boolean[] within = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        within[0] |= ASTHelpers.getSymbol(tree) == local;
        return super.visitVariable(tree, null);
      }
    }.scan(region, null);
    return within[0];
  }

  /**
   * The new client of an attempt that a retry construct repeats by calling this method again (e.g. {@code
   * createAndOpen()} in a retry loop, or a catch here that schedules this method): its re-creation is check 2's.
   */
  private boolean isCreatedForARetriedAttempt(ClientRef target, Body body, TreePath assignment) {
    int assigned = ASTHelpers.getStartPosition(assignment.getLeaf());
    for (ConnectionCall open : model.opensOf(target)) {
      if (open.body() != body || ASTHelpers.getStartPosition(open.tree()) < assigned) {
        continue;
      }
      for (RetryConstruct construct : retries.constructsFor(open)) {
        boolean repeatsTheMethod =
            construct instanceof RetryConstruct.CatchRetry catchRetry && catchRetry.reattempt().getLeaf() != open.tree();
        if (model.bodyAt(construct.anchor()) != body || repeatsTheMethod) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean mayHoldOpenClient(ClientRef target, Body body) {
    for (ConnectionCall call : model.opensOf(target)) {
      if (!target.isLocal() || call.body() == body) {
        return true;
      }
    }
    return !target.isLocal() && clientsOpenedThroughHelpers().contains(target);
  }

  private @Nullable Set<ClientRef> clientsOpenedThroughHelpers;

  /**
   * Clients opened without an open() call on them: passed to a same-class helper that opens its parameter
   * ({@code openQuietly(client)}), assigned the result of one that returns an opened client ({@code client =
   * connect()}), or assigned a local that is opened ({@code fresh.open(); client = fresh;}).
   */
  private Set<ClientRef> clientsOpenedThroughHelpers() {
    if (clientsOpenedThroughHelpers == null) {
      Set<ClientRef> opened = new HashSet<>();
      for (Body body : model.bodies()) {
        if (!model.syncReachesAnOpen(body)) {
          continue; // none of its calls runs an open(): most bodies of a large compilation, skipped by a set lookup
        }
        for (Body.Edge edge : body.outgoing()) {
          if (edge.kind() == Body.EdgeKind.SYNC && edge.site().getLeaf() instanceof MethodInvocationTree call) {
            opened.addAll(analyses.effects().openedByCall(call));
          }
        }
      }
      for (TreePath store : model.clientValuedStores()) {
        ExpressionTree value = null;
        ClientRef target = null;
        if (store.getLeaf() instanceof AssignmentTree assignment) {
          value = assignment.getExpression();
          target = ClientRef.of(assignment.getVariable());
        } else if (store.getLeaf() instanceof VariableTree variable && ASTHelpers.getSymbol(variable) != null) {
          value = variable.getInitializer();
          target = ClientRef.ofVariable(ASTHelpers.getSymbol(variable));
        }
        ExpressionTree stored = IotHubSdk.stripParenthesesAndCasts(value);
        if (target != null
            && ((stored instanceof MethodInvocationTree call && model.returnsOpenedClient(ASTHelpers.getSymbol(call)))
                || isOpenedLocal(stored, model.bodyAt(store)))) {
          opened.add(target);
        }
      }
      clientsOpenedThroughHelpers = opened;
    }
    return clientsOpenedThroughHelpers;
  }

  /**
   * {@code field = opened;} where the local holds a client created in this body on every path to the assignment
   * ({@code DeviceClient opened = null; try { opened = new ...; opened.open(); } catch (...) { throw ...; }}).
   */
  private boolean holdsNewClientHere(TreePath path, AssignmentTree assignment, Body body) {
    Tree block = body.code();
    ExpressionTree stored = IotHubSdk.stripParenthesesAndCasts(assignment.getExpression());
    return block instanceof BlockTree statements
        && path.getParentPath().getLeaf() instanceof ExpressionStatementTree statement
        && ASTHelpers.getSymbol(stored) instanceof VarSymbol local
        && local.getKind() != ElementKind.FIELD
        && FreshLocalAtReturns.atStatement(statements, local, statement, model::isNewClient);
  }

  /**
   * {@code this.client = client;} (or {@code clients.put(id, client)}, for {@link MapPutRule}) where a caller in
   * re-entry code passes a client it created there, as check 1's exemption (b') reads a parameter: the argument is a
   * new client, or a local the caller created on every path to the call (a setter called from a rotation task, a swap
   * from a message callback; blind suites Y and W).
   */
  private boolean isNewClientFromAReentryCaller(ExpressionTree stored, Body body) {
    ClientRef parameter = unchangedParameter(stored, body);
    if (parameter == null) {
      return false;
    }
    for (Body.Edge edge : body.incoming()) {
      if (edge.kind() != Body.EdgeKind.SYNC || !reentry.isAtReentrySite(edge.site(), edge.from())) {
        continue;
      }
      Translated argument = CallerTranslation.translated(model, parameter, body, edge);
      if (argument.fresh()
          || (argument.client() != null && analyses.pathFacts().factsAt(edge.site()).created(argument.client()))) {
        return true;
      }
    }
    return false;
  }

  /** {@code expression} as a parameter of {@code body}'s method that the method never writes, or null. */
  private @Nullable ClientRef unchangedParameter(@Nullable ExpressionTree expression, Body body) {
    MethodSymbol method = body.method();
    return ASTHelpers.getSymbol(IotHubSdk.stripParenthesesAndCasts(expression)) instanceof VarSymbol parameter
            && parameter.getKind() == ElementKind.PARAMETER
            && method != null
            && method.getParameters().contains(parameter)
            && !model.isReassigned(parameter)
        ? ClientRef.ofVariable(parameter)
        : null;
  }

  /**
   * A local client that is opened somewhere, or a parameter that a caller passes an opened client: a field it is
   * stored in then holds an opened client.
   */
  private boolean isOpenedLocal(@Nullable ExpressionTree expression, @Nullable Body body) {
    if (!(expression instanceof IdentifierTree identifier
        && ASTHelpers.getSymbol(identifier) instanceof VarSymbol local
        && local.getKind() != ElementKind.FIELD)) {
      return false;
    }
    if (!model.opensOf(ClientRef.ofVariable(local)).isEmpty()) {
      return true;
    }
    ClientRef parameter = body == null ? null : unchangedParameter(expression, body);
    if (parameter != null) {
      for (Body.Edge edge : body.incoming()) {
        ClientRef argument =
            edge.kind() == Body.EdgeKind.SYNC
                ? ClientRef.of(CallerTranslation.argumentFor(parameter.variable(), body, edge))
                : null;
        if (argument != null && !model.opensOf(argument).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** What makes a client safe to replace at a point: closed there, or known to be null. */
  private static boolean closedOrNullChecked(Facts facts, ClientRef client) {
    return facts.closed(client) || isNullChecked(facts, client);
  }

  /** {@code if (c == null) c = new ...}: creation is skipped while a client exists. */
  private static boolean isNullChecked(Facts facts, ClientRef target) {
    for (Condition condition : facts.conditions()) {
      NullTest test = NullTest.of(condition.expression());
      if (test != null
          && target.equals(ClientRef.of(test.operand()))
          && test.trueWhenNull() == condition.value()) {
        return true;
      }
    }
    return false;
  }

  private @Nullable Replacement localClientFinding(TreePath declarationPath) {
    VariableTree declaration = (VariableTree) declarationPath.getLeaf();
    VarSymbol local = ASTHelpers.getSymbol(declaration);
    Body body = model.bodyAt(declarationPath);
    if (local == null || body == null || local.getKind() == ElementKind.PARAMETER
        || local.getKind() == ElementKind.EXCEPTION_PARAMETER) {
      return null;
    }
    ClientRef client = ClientRef.ofVariable(local);
    // opened by its own open(), or by a compilation method it is passed to (connect(client))
    boolean opened = clientsOpenedThroughHelpers().contains(client);
    for (ConnectionCall call : model.callsIn(body)) {
      opened |= call.isOpen() && client.equals(call.client());
    }
    // or only inside a lambda or class of its method, which captures it (the lambda belongs to the method)
    Set<Body> openingInside = opened ? Set.of() : localClients.bodiesInsideOpening(client, body);
    if (!opened && openingInside.isEmpty()) {
      return null;
    }
    VarSymbol field = model.shadowedClientField(local, declarationPath);
    ClientRef alias = model.aliasedClient(client); // DeviceClient device = this.device: the field's own client
    if (field != null
        && (alias == null || !field.equals(alias.variable()))
        && meansTheField(local, field, declarationPath, body)) {
      return new Replacement(ReplacementKind.SHADOWS_CLIENT_FIELD, declarationPath, null, field);
    }
    TreePath creation = creationOf(declarationPath, local, body);
    if (creation == null
        || !reentry.isAtReentrySite(creation, body)
        || replacedAfterAClose(creation, local, body)
        || localClients.escapes(local, body)
        || localClients.closedOnEveryPath(declarationPath, client, body)
        || localClients.closedInEach(openingInside, declarationPath, client)) {
      return null;
    }
    return new Replacement(ReplacementKind.LOCAL_CLIENT_NOT_CLOSED, creation, null, null);
  }

  /**
   * Whether a local named like a client field stands where the code meant the field: not when the field cannot be
   * reached from there (an instance field, in static code), nor when the local is handed to the field on purpose
   * ({@code this.client = client;}, or returned for the caller to store).
   */
  private boolean meansTheField(VarSymbol local, VarSymbol field, TreePath declarationPath, Body body) {
    if (!field.isStatic() && isInStaticCode(declarationPath)) {
      return false;
    }
    boolean[] handedOver = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (ASTHelpers.getSymbol(identifier) == local) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          handedOver[0] |=
              parent instanceof ReturnTree
                  || (parent instanceof AssignmentTree assignment
                      && assignment.getExpression() == identifier
                      && ASTHelpers.getSymbol(assignment.getVariable()) == field);
        }
        return null;
      }
    }.scan(body.path(), null);
    return !handedOver[0];
  }

  private static boolean isInStaticCode(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree method) {
        return method.getModifiers().getFlags().contains(Modifier.STATIC);
      }
      if (leaf instanceof BlockTree block && current.getParentPath().getLeaf() instanceof ClassTree) {
        return block.isStatic(); // an initializer block
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /**
   * {@code current = new DeviceClient(...)} in a re-entry loop or catch, on a local declared outside it, after {@code
   * if (current != null) current.close();}: each round closes what the last one made. That is (a)'s question, answered
   * (its fix is that close), so (d) does not ask it again. A null check that only skips the creation ({@code if
   * (current == null) current = ...}) closes nothing, and (d) still asks whether the last client is closed.
   */
  private boolean replacedAfterAClose(TreePath creation, VarSymbol local, Body body) {
    return creation.getLeaf() instanceof AssignmentTree
        && isOuterVariableInReentryConstruct(creation, body, local)
        && analyses.pathFacts().factsAt(creation).closed(ClientRef.ofVariable(local));
  }

  /** The declaration itself when it creates the client, else the first assignment of a new client to it. */
  private @Nullable TreePath creationOf(TreePath declarationPath, VarSymbol local, Body body) {
    VariableTree declaration = (VariableTree) declarationPath.getLeaf();
    if (model.isNewClient(declaration.getInitializer())) {
      return declarationPath;
    }
    for (TreePath store : model.clientValuedStores()) {
      if (store.getLeaf() instanceof AssignmentTree assignment
          && ASTHelpers.getSymbol(assignment.getVariable()) == local
          && model.isNewClient(assignment.getExpression())
          && model.bodyAt(store) == body) {
        return store;
      }
    }
    return null;
  }
}
