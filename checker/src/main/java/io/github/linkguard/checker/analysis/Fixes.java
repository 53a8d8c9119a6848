package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Building the suggested fixes so that they compile on both SDK generations: a {@code close()} that throws a
 * checked exception (1.x {@code IOException}, 1.x multiplexing) is wrapped in a try/catch unless the insertion point
 * already handles it; statements inserted into an unbraced body get braces; types are imported.
 */
public final class Fixes {
  private Fixes() {}

  /**
   * A statement that closes {@code client} (source text; null or empty for an implicit {@code this}) of type
   * {@code clientType}, valid at {@code point}:
   * {@code client.close();}, wrapped in a try/catch when close() throws something {@code point} does not handle.
   */
  public static String closeStatement(
      VisitorState state, SuggestedFix.Builder fix, @Nullable String client, Type clientType, TreePath point,
      String whyIgnored) {
    String call = (client == null || client.isEmpty() ? "" : client + ".") + "close();";
    List<Type> unhandled = unhandledExceptions(state, closeThrows(state, clientType), point);
    if (unhandled.isEmpty()) {
      return call;
    }
    List<String> names = new ArrayList<>();
    for (Type exception : unhandled) {
      names.add(FixText.typeName(state, fix, exception));
    }
    String variable = unusedName(state.withPath(point), "closeFailure");
    return "try {\n" + call + "\n} catch (" + String.join(" | ", names) + " " + variable + ") {\n// " + whyIgnored
        + "\n}";
  }

  /**
   * The checked exceptions {@code close()} of the client type declares. A type variable ({@code C extends
   * DeviceClient}) has no members of its own: its erasure, the bound, is looked at.
   */
  private static List<Type> closeThrows(VisitorState state, Type clientType) {
    Types types = state.getTypes();
    for (Type type : types.closure(types.erasure(clientType))) {
      for (Symbol member : type.tsym.members().getSymbolsByName(state.getName("close"))) {
        if (member instanceof MethodSymbol method && method.getParameters().isEmpty() && !method.isStatic()) {
          return method.getThrownTypes();
        }
      }
    }
    return List.of();
  }

  /** The checked exceptions among {@code thrown} that nothing around {@code point} catches or declares. */
  static List<Type> unhandledExceptions(VisitorState state, List<Type> thrown, TreePath point) {
    Types types = state.getTypes();
    Type runtime = state.getSymtab().runtimeExceptionType;
    Type error = state.getSymtab().errorType;
    List<Type> unhandled = new ArrayList<>();
    for (Type type : thrown) {
      if (!types.isSubtype(type, runtime) && !types.isSubtype(type, error)) {
        unhandled.add(type);
      }
    }
    Tree previous = point.getLeaf();
    for (TreePath current = point.getParentPath(); current != null && !unhandled.isEmpty();
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof TryTree tryTree && previous == tryTree.getBlock()) {
        for (CatchTree catchTree : tryTree.getCatches()) {
          for (Type caught : caughtTypes(catchTree)) {
            unhandled.removeIf(type -> types.isSubtype(type, caught));
          }
        }
      } else if (leaf instanceof MethodTree method) {
        for (ExpressionTree declared : method.getThrows()) {
          Type declaredType = ASTHelpers.getType(declared);
          if (declaredType != null) {
            unhandled.removeIf(type -> types.isSubtype(type, declaredType));
          }
        }
        break;
      } else if (leaf instanceof LambdaExpressionTree lambda) {
        Type functional = ASTHelpers.getType(lambda);
        if (functional != null) {
          Type descriptor = types.findDescriptorType(functional);
          for (Type declared : descriptor.getThrownTypes()) {
            unhandled.removeIf(type -> types.isSubtype(type, declared));
          }
        }
        break;
      } else if (leaf instanceof ClassTree) {
        break;
      }
      previous = leaf;
    }
    return unhandled;
  }

  private static List<Type> caughtTypes(CatchTree catchTree) {
    Tree typeTree = catchTree.getParameter().getType();
    List<Type> caught = new ArrayList<>();
    if (typeTree instanceof UnionTypeTree union) {
      for (Tree alternative : union.getTypeAlternatives()) {
        Type type = ASTHelpers.getType(alternative);
        if (type != null) {
          caught.add(type);
        }
      }
    } else {
      Type type = ASTHelpers.getType(typeTree);
      if (type != null) {
        caught.add(type);
      }
    }
    return caught;
  }

  private static String unusedName(VisitorState state, String base) {
    List<String> taken = new ArrayList<>();
    for (Symbol symbol : FindIdentifiers.findAllIdents(state)) {
      taken.add(symbol.getSimpleName().toString());
    }
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + i;
    }
    return name;
  }

  // ---------------------------------------------------------------- placing code

  /**
   * Inserts {@code code} before the statement at {@code statementPath}, adding braces when it is a lone body.
   * Returns false, changing nothing, where no statement can go (a {@code for} statement's init or update clause).
   */
  public static boolean insertBefore(
      VisitorState state, SuggestedFix.Builder fix, TreePath statementPath, String code) {
    if (!canBeReplacedByBlock(statementPath)) {
      return false;
    }
    StatementTree statement = (StatementTree) statementPath.getLeaf();
    Tree parent = statementPath.getParentPath().getLeaf();
    String base = FixText.lineIndent(state, statement);
    String unit = FixText.unit(state, parent, statement);
    if (isInStatementList(statementPath)) {
      prefix(state, fix, statement, FixText.reindent(code, base, unit), base);
    } else {
      String inner = base + unit;
      fix.replace(
          statement,
          FixText.withLineBreaks(
              state,
              "{\n" + inner + FixText.reindent(code, inner, unit) + "\n" + inner
                  + FixText.shift(state.getSourceForNode(statement), unit) + "\n" + base + "}"));
    }
    return true;
  }

  /**
   * Whether the statement at {@code statementPath} stands where a block could: not in a {@code for} statement's
   * init or update clause, whose expression statements cannot become blocks or get neighbours.
   */
  static boolean canBeReplacedByBlock(TreePath statementPath) {
    return !(statementPath.getParentPath().getLeaf() instanceof ForLoopTree loop)
        || loop.getStatement() == statementPath.getLeaf();
  }

  /** Inserts {@code code} as the first statement of {@code block}. */
  public static void insertFirst(VisitorState state, SuggestedFix.Builder fix, BlockTree block, String code) {
    if (!block.getStatements().isEmpty()) {
      StatementTree first = block.getStatements().get(0);
      String base = FixText.lineIndent(state, first);
      prefix(state, fix, first, FixText.reindent(code, base, FixText.unit(state, block, first)), base);
    } else {
      String base = FixText.lineIndent(state, block);
      String inner = base + FixText.DEFAULT_UNIT;
      int brace = ASTHelpers.getStartPosition(block);
      fix.replace(
          brace,
          brace + 1,
          FixText.withLineBreaks(
              state, "{\n" + inner + FixText.reindent(code, inner, FixText.DEFAULT_UNIT) + "\n" + base));
    }
  }

  /** Inserts {@code code} before {@code statement}, which sits in a statement list. */
  public static void insertBefore(
      VisitorState state, SuggestedFix.Builder fix, StatementTree statement, Tree container, String code) {
    String base = FixText.lineIndent(state, statement);
    prefix(state, fix, statement, FixText.reindent(code, base, FixText.unit(state, container, statement)), base);
  }

  private static void prefix(
      VisitorState state, SuggestedFix.Builder fix, StatementTree statement, String code, String base) {
    // Inserted at the statement's first token: the statement keeps its line's indentation, the code follows it.
    fix.prefixWith(statement, FixText.withLineBreaks(state, code + "\n" + base));
  }

  /**
   * Wraps the statement at {@code statementPath} in {@code if (condition) { ... }}; an expression lambda body
   * becomes a block. Statements right before it that {@code closesItsClient} accepts go inside too, also before a
   * {@code try} whose block holds the statement. Returns false, changing nothing, when the call is not a statement of
   * its own or stands where no block can (a {@code for} statement's init or update clause).
   */
  public static boolean wrapInIf(
      VisitorState state, SuggestedFix.Builder fix, TreePath callPath, String condition,
      Predicate<StatementTree> closesItsClient) {
    TreePath parent = callPath.getParentPath();
    Tree parentLeaf = parent.getLeaf();
    if (parentLeaf instanceof LambdaExpressionTree lambda && lambda.getBody() == callPath.getLeaf()) {
      String base = FixText.lineIndent(state, lambda);
      String unit = FixText.DEFAULT_UNIT;
      fix.replace(
          callPath.getLeaf(),
          FixText.withLineBreaks(
              state,
              "{\n" + base + unit + "if (" + condition + ") {\n" + base + unit + unit
                  + FixText.shift(state.getSourceForNode(callPath.getLeaf()), unit + unit) + ";\n" + base + unit + "}\n"
                  + base + "}"));
      return true;
    }
    return parentLeaf instanceof ExpressionStatementTree
        && wrapStatementInIf(state, fix, parent, condition, closesItsClient);
  }

  /**
   * Wraps the statement at {@code statementPath} in {@code if (condition) { ... }}, with the statements right before
   * it that {@code closesItsClient} accepts; a statement that is not in a statement list (an arrow case's, an unbraced
   * body) becomes a block. Returns false, changing nothing, where no block can stand.
   */
  public static boolean wrapStatementInIf(
      VisitorState state, SuggestedFix.Builder fix, TreePath statementPath, String condition,
      Predicate<StatementTree> closesItsClient) {
    StatementTree statement = (StatementTree) statementPath.getLeaf();
    if (!canBeReplacedByBlock(statementPath)) {
      return false;
    }
    String base = FixText.lineIndent(state, statement);
    String unit = FixText.unit(state, statementPath.getParentPath().getLeaf(), statement);
    if (isInStatementList(statementPath)) {
      // client.close(); client.open(); -- or client.close(); try { client.open(false); } ...: the close goes inside
      // the guard too, or the code would close the client while the SDK retries and never reopen it
      TreePath last = statementPath;
      List<StatementTree> closes = closesRightBefore(statementPath, closesItsClient);
      if (closes.isEmpty()
          && statementPath.getParentPath().getLeaf() instanceof BlockTree tryBlock
          && statementPath.getParentPath().getParentPath().getLeaf() instanceof TryTree tryTree
          && tryTree.getBlock() == tryBlock
          && tryTree.getResources().isEmpty()
          && isInStatementList(statementPath.getParentPath().getParentPath())) {
        TreePath tryStatement = statementPath.getParentPath().getParentPath();
        closes = closesRightBefore(tryStatement, closesItsClient);
        // only with a close before it does the whole try go in; else the open alone, indented from its own block
        last = closes.isEmpty() ? statementPath : tryStatement;
      }
      Tree first = closes.isEmpty() ? statement : closes.get(0);
      Tree end = closes.isEmpty() ? statement : last.getLeaf();
      base = FixText.lineIndent(state, first);
      unit = FixText.unit(state, last.getParentPath().getLeaf(), first);
      int from = ASTHelpers.getStartPosition(first);
      int to = state.getEndPosition(end);
      String source = state.getSourceCode().subSequence(from, to).toString();
      fix.replace(
          from,
          to,
          FixText.withLineBreaks(
              state, "if (" + condition + ") {\n" + base + unit + FixText.shift(source, unit) + "\n" + base + "}"));
    } else {
      String inner = base + unit;
      fix.replace(
          statement,
          FixText.withLineBreaks(
              state,
              "{\n" + inner + "if (" + condition + ") {\n" + inner + unit
                  + FixText.shift(state.getSourceForNode(statement), unit + unit) + "\n" + inner + "}\n" + base + "}"));
    }
    return true;
  }

  /**
   * The statements right before {@code statementPath} in its statement list that {@code closesItsClient} accepts, in
   * source order (none when the statement right before it is something else).
   */
  private static List<StatementTree> closesRightBefore(
      TreePath statementPath, Predicate<StatementTree> closesItsClient) {
    Tree list = statementPath.getParentPath().getLeaf();
    List<? extends StatementTree> statements =
        list instanceof BlockTree block ? block.getStatements() : ((CaseTree) list).getStatements();
    int index = statements.indexOf((StatementTree) statementPath.getLeaf());
    int first = index;
    while (first > 0 && closesItsClient.test(statements.get(first - 1))) {
      first--;
    }
    return index <= 0 ? List.of() : new ArrayList<>(statements.subList(first, index));
  }

  /** Whether a statement sits directly in a block or an old-style case (where statements can be added). */
  static boolean isInStatementList(TreePath statementPath) {
    Tree parent = statementPath.getParentPath().getLeaf();
    return parent instanceof BlockTree
        || (parent instanceof CaseTree caseTree && caseTree.getCaseKind() == CaseTree.CaseKind.STATEMENT);
  }

  /** The path of the statement that holds {@code path} directly, or null. */
  public static @Nullable TreePath statementOf(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof StatementTree) {
        return current;
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree || leaf instanceof MethodTree) {
        return null;
      }
    }
    return null;
  }

  /**
   * How to read {@code field} at the current path: its simple name, qualified when a local hides it, or null when
   * the code runs in a static context that cannot see an instance field.
   */
  public static @Nullable String fieldAccess(VisitorState state, VarSymbol field) {
    if (!(field.owner instanceof ClassSymbol owner)) {
      return null;
    }
    if (!field.isStatic()) {
      boolean enclosed = false; // an instance field is in reach only inside its class (or an inner class of it)
      for (TreePath current = state.getPath(); current != null; current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (leaf instanceof MethodTree method) {
          MethodSymbol symbol = ASTHelpers.getSymbol(method);
          if (symbol == null || symbol.isStatic()) {
            return null;
          }
        } else if (leaf instanceof BlockTree block && block.isStatic()) {
          return null;
        } else if (leaf instanceof ClassTree classTree) {
          ClassSymbol symbol = ASTHelpers.getSymbol(classTree);
          if (symbol == null) {
            return null;
          }
          if (symbol.equals(owner)) {
            enclosed = true;
            break;
          }
          if (symbol.isStatic() || symbol.isInterface()) {
            return null;
          }
        } else if (leaf instanceof VariableTree variable
            && current.getParentPath().getLeaf() instanceof ClassTree) {
          VarSymbol symbol = ASTHelpers.getSymbol(variable);
          if (symbol == null || symbol.isStatic()) {
            return null;
          }
        }
      }
      if (!enclosed) {
        return null; // a field of a nested class that does not enclose this code (another object's state)
      }
    }
    String name = field.getSimpleName().toString();
    if (field.equals(FindIdentifiers.findIdent(name, state)) && !hiddenByALocal(field, state)) {
      return name;
    }
    return owner.getSimpleName() + (field.isStatic() ? "." : ".this.") + name;
  }

  /**
   * Whether a local or parameter of the field's name is in scope here ({@code String status = "sending";}): {@code
   * findIdent} resolves the name against the class, not the method's locals.
   */
  private static boolean hiddenByALocal(VarSymbol field, VisitorState state) {
    for (VarSymbol variable : FindIdentifiers.findAllIdents(state)) {
      if (!variable.equals(field) && variable.getSimpleName().equals(field.getSimpleName())) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- conditions

  /**
   * Adds {@code extra} to a condition: {@code cond && extra} where the guard holds when the condition is true,
   * {@code cond || extra} where it holds when false (an early exit). Parenthesizes what binds looser.
   */
  public static void extendCondition(
      VisitorState state, SuggestedFix.Builder fix, ExpressionTree condition, boolean conjunction, String extra) {
    ExpressionTree inner =
        condition instanceof ParenthesizedTree parenthesized ? parenthesized.getExpression() : condition;
    String source = state.getSourceForNode(inner);
    boolean needsParentheses =
        inner instanceof ConditionalExpressionTree
            || inner instanceof AssignmentTree
            || (conjunction
                && inner instanceof BinaryTree binary
                && binary.getKind() == Tree.Kind.CONDITIONAL_OR);
    String operand = needsParentheses ? "(" + source + ")" : source;
    fix.replace(inner, operand + (conjunction ? " && " : " || ") + extra);
  }
}
