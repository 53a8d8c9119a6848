package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.PathFacts.Condition;
import io.github.linkguard.checker.analysis.PathFacts.Facts;
import io.github.linkguard.checker.analysis.PathFacts.SwitchCase;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What the state a class tracks in its status callback means: whether a tracked boolean being true means connected
 * or disconnected (from the statuses under which the callback writes it, or the tracked boolean it copies, else from
 * its name), and whether a tracked
 * enum constant means disconnected (from where the callback writes it, else from the constant's name). Tracked state
 * is trusted as the app's own model of the link.
 *
 * <p>Cost: each field's meaning is worked out once per class from its writes and kept; following a mapping method's
 * {@code return}s goes at most four levels deep.
 */
final class TrackedStateMeaning {
  private enum Meaning {
    TRUE_MEANS_CONNECTED,
    TRUE_MEANS_DISCONNECTED,
    UNKNOWN
  }

  private static final Set<String> CONNECTED_LIKE =
      Set.of("CONNECTED", "ONLINE", "UP", "OPEN", "OPENED", "READY", "ALIVE", "ACTIVE", "ESTABLISHED");

  private final CompilationModel model;
  private final UntrackedClaims claims;
  private final PathFacts pathFacts;
  private final Map<VarSymbol, Meaning> meanings = new HashMap<>();
  private final Map<VarSymbol, Map<String, Boolean>> enumMeanings = new HashMap<>();
  private final Map<VarSymbol, Set<String>> storedConstants = new HashMap<>();

  TrackedStateMeaning(CompilationModel model, UntrackedClaims claims, PathFacts pathFacts) {
    this.model = model;
    this.claims = claims;
    this.pathFacts = pathFacts;
  }

  /** The tracked enum field an expression reads (directly, through a getter, or through AtomicReference.get). */
  @Nullable VarSymbol trackedEnum(ExpressionTree expression) {
    ExpressionTree tree = IotHubSdk.stripParenthesesAndCasts(expression);
    VarSymbol field = fieldRead(tree);
    if (field == null && tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()) {
      Symbol symbol = ASTHelpers.getSymbol(call);
      if (symbol instanceof MethodSymbol method) {
        if (method.getSimpleName().contentEquals("get")) {
          field = fieldRead(ASTHelpers.getReceiver(call));
        } else {
          ExpressionTree returned = singleReturn(method);
          field = returned == null ? null : fieldRead(IotHubSdk.stripParenthesesAndCasts(returned));
        }
      }
    }
    return field != null && model.isTracked(field) ? field : null;
  }

  static @Nullable VarSymbol fieldRead(@Nullable ExpressionTree tree) {
    if (tree == null) {
      return null;
    }
    ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(tree);
    if (!(stripped instanceof IdentifierTree) && !(stripped instanceof MemberSelectTree)) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(stripped);
    return symbol instanceof VarSymbol variable && variable.getKind() == ElementKind.FIELD ? variable : null;
  }

  /** Whether reading tracked boolean {@code field} as {@code value} means the app believes it is disconnected. */
  boolean trackedBooleanGuards(VarSymbol field, boolean value) {
    if (!model.isTracked(field)) {
      return false;
    }
    return switch (meaning(field)) {
      case TRUE_MEANS_CONNECTED -> !value;
      case TRUE_MEANS_DISCONNECTED -> value;
      case UNKNOWN -> false; // a flag about something else (credentials, shutdown...) says nothing of the link
    };
  }

  private Meaning meaning(VarSymbol field) {
    Meaning known = meanings.get(field);
    if (known != null) {
      return known;
    }
    meanings.put(field, Meaning.UNKNOWN); // in progress: two fields copied from each other tell nothing
    Meaning inferred = null;
    boolean conflicting = false;
    for (CompilationModel.FieldWrite write : model.trackedWrites(field)) {
      Meaning vote = vote(write);
      if (vote == Meaning.UNKNOWN) {
        continue;
      }
      if (inferred == null) {
        inferred = vote;
      } else if (inferred != vote) {
        conflicting = true;
      }
    }
    Meaning meaning = inferred != null && !conflicting ? inferred : meaningFromName(field);
    meanings.put(field, meaning);
    return meaning;
  }

  private Meaning vote(CompilationModel.FieldWrite write) {
    ExpressionTree value = write.value();
    if (value == null) {
      return Meaning.UNKNOWN;
    }
    if (IotHubSdk.stripParenthesesAndCasts(value) instanceof IdentifierTree identifier
        && ASTHelpers.getSymbol(identifier) instanceof VarSymbol parameter
        && parameter.getKind() == ElementKind.PARAMETER
        && parameter.owner instanceof MethodSymbol setter
        && setter.equals(write.body().method())) {
      // setLinkUp(status == CONNECTED) with this.linkUp = up: what the callers pass
      return votesOfArguments(parameter, write.body(), write.field());
    }
    return voteOnValue(value, write.path(), write.field());
  }

  /** The callers' arguments for a setter's parameter, each read where it is passed; they must agree. */
  private Meaning votesOfArguments(VarSymbol parameter, Body setter, VarSymbol field) {
    Meaning agreed = Meaning.UNKNOWN;
    for (Body.Edge edge : setter.incoming()) {
      ExpressionTree argument = CallerTranslation.argumentFor(parameter, setter, edge);
      Meaning vote = argument == null ? Meaning.UNKNOWN : voteOnValue(argument, edge.site(), field);
      if (vote != Meaning.UNKNOWN && agreed != Meaning.UNKNOWN && vote != agreed) {
        return Meaning.UNKNOWN;
      }
      agreed = vote == Meaning.UNKNOWN ? agreed : vote;
    }
    return agreed;
  }

  /** What a value written to a tracked boolean (at {@code path}) says that true means. */
  private Meaning voteOnValue(ExpressionTree value, TreePath path, VarSymbol field) {
    ExpressionTree stripped = IotHubSdk.stripParenthesesAndCasts(value);
    if (stripped instanceof LiteralTree literal && literal.getValue() instanceof Boolean assigned) {
      Facts facts = pathFacts.factsAt(path);
      if (holdsUntracked(facts, Claim.CONNECTED)) {
        return assigned ? Meaning.TRUE_MEANS_CONNECTED : Meaning.TRUE_MEANS_DISCONNECTED;
      }
      if (holdsUntracked(facts, Claim.NOT_CONNECTED) || holdsUntracked(facts, Claim.DISCONNECTED)) {
        return assigned ? Meaning.TRUE_MEANS_DISCONNECTED : Meaning.TRUE_MEANS_CONNECTED;
      }
      return Meaning.UNKNOWN;
    }
    Meaning copied = copiedMeaning(stripped, field);
    if (copied != Meaning.UNKNOWN) {
      return copied;
    }
    if (claims.establishes(value, true, Claim.CONNECTED)) {
      return Meaning.TRUE_MEANS_CONNECTED;
    }
    if (claims.establishes(value, true, Claim.NOT_CONNECTED)
        || claims.establishes(value, true, Claim.DISCONNECTED)) {
      return Meaning.TRUE_MEANS_DISCONNECTED;
    }
    return Meaning.UNKNOWN;
  }

  /**
   * The meaning of another tracked boolean the value copies ({@code up.set(connected)}, {@code lost = !connected},
   * {@code mirror = flag.get()}), negated with it; UNKNOWN for any other value.
   */
  private Meaning copiedMeaning(ExpressionTree value, VarSymbol written) {
    boolean negated = false;
    ExpressionTree read = value;
    while (read instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      negated = !negated;
      read = IotHubSdk.stripParenthesesAndCasts(not.getExpression());
    }
    VarSymbol source = fieldRead(read);
    if (source == null
        && read instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && ASTHelpers.getSymbol(call) != null
        && ASTHelpers.getSymbol(call).getSimpleName().contentEquals("get")) {
      source = fieldRead(ASTHelpers.getReceiver(call));
    }
    if (source == null || source.equals(written) || !model.isTracked(source)) {
      return Meaning.UNKNOWN;
    }
    Meaning meaning = meaning(source);
    if (!negated || meaning == Meaning.UNKNOWN) {
      return meaning;
    }
    return meaning == Meaning.TRUE_MEANS_CONNECTED ? Meaning.TRUE_MEANS_DISCONNECTED : Meaning.TRUE_MEANS_CONNECTED;
  }

  private boolean holdsUntracked(Facts facts, Claim claim) {
    for (Condition condition : facts.conditions()) {
      if (claims.factEstablishes(condition, claim)) {
        return true;
      }
    }
    for (SwitchCase switchCase : facts.cases()) {
      if (claims.caseEstablishes(switchCase, claim)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the tracked enum {@code field} holding {@code constant} means the app believes it is disconnected: read
   * from where the status callback assigns that constant (under DISCONNECTED: yes; under CONNECTED or
   * DISCONNECTED_RETRYING: no), else from the constant's name (not CONNECTED-like, not RETRY-like, and not the app's
   * own reconnect in progress where the code stores one: the contract's "connecting" flag says nothing about the
   * link).
   */
  boolean meansDisconnected(VarSymbol field, String constant) {
    Map<String, Boolean> assigned = enumMeanings.computeIfAbsent(field, this::enumMeaningsFromWrites);
    Boolean known = assigned.get(constant);
    if (known != null) {
      return known;
    }
    if (isInProgressLike(constant)) {
      // a constant the field never holds cannot keep `!= UP` or a switch's default from being a guard
      return !storedAnywhere(field, constant);
    }
    return !isConnectedLike(constant) && !isRetryLike(constant);
  }

  /** Whether some write of the compilation stores {@code constant} in {@code field} (read once per field). */
  private boolean storedAnywhere(VarSymbol field, String constant) {
    return storedConstants.computeIfAbsent(field, this::constantsStoredIn).contains(constant);
  }

  private Set<String> constantsStoredIn(VarSymbol field) {
    Set<String> stored = new HashSet<>();
    for (ExpressionTree value : model.valuesStoredIn(field)) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
          noteConstant(tree);
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
          noteConstant(tree);
          return super.visitMemberSelect(tree, null);
        }

        private void noteConstant(ExpressionTree tree) {
          Symbol symbol = ASTHelpers.getSymbol(tree);
          if (symbol != null && symbol.getKind() == ElementKind.ENUM_CONSTANT) {
            stored.add(symbol.getSimpleName().toString());
          }
        }
      }.scan(value, null);
    }
    return stored;
  }

  private Map<String, Boolean> enumMeaningsFromWrites(VarSymbol field) {
    Map<String, Boolean> meanings = new HashMap<>();
    for (CompilationModel.FieldWrite write : model.trackedWrites(field)) {
      TreePath valuePath = write.value() == null ? null : TreePath.getPath(write.path(), write.value());
      if (valuePath == null) {
        continue;
      }
      Map<TreePath, String> constants = new LinkedHashMap<>();
      resultConstants(valuePath, constants, 0);
      for (var entry : constants.entrySet()) {
        Boolean meaning = meaningWhereReached(entry.getKey());
        if (meaning != null) {
          // A constant written both when disconnected and when the SDK still owns the link does not mean
          // disconnected.
          meanings.merge(entry.getValue(), meaning, Boolean::logicalAnd);
        }
      }
    }
    return meanings;
  }

  /**
   * The enum constants a value can be, each with where it is produced: the constant itself, either side of a
   * {@code ?:}, each case of a switch expression, or each return of a same-class mapping method ({@code link =
   * toLink(status)}).
   */
  private void resultConstants(TreePath valuePath, Map<TreePath, String> constants, int depth) {
    ExpressionTree value = IotHubSdk.stripParenthesesAndCasts((ExpressionTree) valuePath.getLeaf());
    TreePath path = value == valuePath.getLeaf() ? valuePath : TreePath.getPath(valuePath, value);
    if (path == null || depth > UntrackedClaims.MAX_DEPTH) {
      return;
    }
    Symbol symbol = ASTHelpers.getSymbol(value);
    if (symbol != null && symbol.getKind() == ElementKind.ENUM_CONSTANT) {
      constants.put(path, symbol.getSimpleName().toString());
    } else if (value instanceof ConditionalExpressionTree conditional) {
      resultConstants(new TreePath(path, conditional.getTrueExpression()), constants, depth + 1);
      resultConstants(new TreePath(path, conditional.getFalseExpression()), constants, depth + 1);
    } else if (value instanceof SwitchExpressionTree switchExpression) {
      for (CaseTree caseTree : switchExpression.getCases()) {
        TreePath casePath = new TreePath(path, caseTree);
        List<ExpressionTree> yielded = SwitchFlow.yieldedValues(caseTree);
        for (ExpressionTree result : yielded == null ? List.<ExpressionTree>of() : yielded) {
          // case DISCONNECTED_RETRYING -> { log(); yield DEGRADED; }: produced where the yield is
          TreePath resultPath = TreePath.getPath(casePath, result);
          if (resultPath != null) {
            resultConstants(resultPath, constants, depth + 1);
          }
        }
      }
    } else if (value instanceof MethodInvocationTree && symbol instanceof MethodSymbol method) {
      Body body = model.bodyOf(method);
      for (ExpressionTree returned : body == null ? List.<ExpressionTree>of() : model.returnedExpressions(method)) {
        TreePath returnedPath = TreePath.getPath(body.path(), returned);
        if (returnedPath != null) {
          resultConstants(returnedPath, constants, depth + 1);
        }
      }
    }
  }

  /** What producing a value at {@code path} says: under DISCONNECTED true, under CONNECTED or RETRYING false. */
  private @Nullable Boolean meaningWhereReached(TreePath path) {
    Facts facts = pathFacts.factsAt(path);
    if (holdsUntracked(facts, Claim.CONNECTED) || holdsUntracked(facts, Claim.RETRYING)) {
      return false;
    }
    return holdsUntracked(facts, Claim.DISCONNECTED) ? true : null;
  }

  private static Meaning meaningFromName(VarSymbol field) {
    String name = field.getSimpleName().toString().toLowerCase(Locale.ROOT);
    if (name.contains("disconnect") || name.contains("offline") || name.contains("lost")
        || name.contains("reconnect") || name.contains("broken") || name.contains("down")) {
      return Meaning.TRUE_MEANS_DISCONNECTED;
    }
    if (name.contains("connect") || name.contains("online") || name.contains("open")
        || name.contains("alive") || name.contains("ready")) {
      return Meaning.TRUE_MEANS_CONNECTED;
    }
    return Meaning.UNKNOWN;
  }

  private static boolean isConnectedLike(String constant) {
    return CONNECTED_LIKE.contains(constant);
  }

  private static boolean isRetryLike(String constant) {
    return constant.contains("RETRY") || constant.contains("RECONNECTING");
  }

  private static boolean isInProgressLike(String constant) {
    return constant.endsWith("CONNECTING") || constant.equals("OPENING");
  }

  /** The expression of a same-class method whose body is a single {@code return} (a getter). */
  private @Nullable ExpressionTree singleReturn(MethodSymbol method) {
    List<ExpressionTree> returned = model.returnedExpressions(method);
    Body body = model.bodyOf(method);
    return returned.size() == 1
            && body != null
            && body.tree() instanceof MethodTree methodTree
            && methodTree.getBody().getStatements().size() == 1
        ? returned.get(0)
        : null;
  }
}
