package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
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
import java.util.function.Function;
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
      names.add(typeName(state, fix, exception));
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
    String base = lineIndent(state, statement);
    String unit = unit(state, parent, statement);
    if (isInStatementList(statementPath)) {
      prefix(state, fix, statement, reindent(code, base, unit), base);
    } else {
      String inner = base + unit;
      fix.replace(
          statement,
          withLineBreaks(
              state,
              "{\n" + inner + reindent(code, inner, unit) + "\n" + inner
                  + shift(state.getSourceForNode(statement), unit) + "\n" + base + "}"));
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
      String base = lineIndent(state, first);
      prefix(state, fix, first, reindent(code, base, unit(state, block, first)), base);
    } else {
      String base = lineIndent(state, block);
      String inner = base + DEFAULT_UNIT;
      int brace = ASTHelpers.getStartPosition(block);
      fix.replace(
          brace, brace + 1,
          withLineBreaks(state, "{\n" + inner + reindent(code, inner, DEFAULT_UNIT) + "\n" + base));
    }
  }

  /** Inserts {@code code} before {@code statement}, which sits in a statement list. */
  public static void insertBefore(
      VisitorState state, SuggestedFix.Builder fix, StatementTree statement, Tree container, String code) {
    String base = lineIndent(state, statement);
    prefix(state, fix, statement, reindent(code, base, unit(state, container, statement)), base);
  }

  private static void prefix(
      VisitorState state, SuggestedFix.Builder fix, StatementTree statement, String code, String base) {
    // Inserted at the statement's first token: the statement keeps its line's indentation, the code follows it.
    fix.prefixWith(statement, withLineBreaks(state, code + "\n" + base));
  }

  /**
   * How a fix writes the type {@code qualifiedName}: as {@link SuggestedFixes#qualifyType} does (the simple name,
   * imported when it is not yet), except where that would import it into a file whose line breaks are not {@code \n}:
   * Error Prone writes the import block of a file a fix adds an import to with {@code \n} breaks, so there a type not
   * yet imported is written in full and the file keeps its breaks.
   */
  public static String typeName(VisitorState state, SuggestedFix.Builder fix, String qualifiedName) {
    return typeName(state, fix, qualifiedName, builder -> SuggestedFixes.qualifyType(state, builder, qualifiedName));
  }

  /** {@link #typeName(VisitorState, SuggestedFix.Builder, String)} for a type the code already has. */
  static String typeName(VisitorState state, SuggestedFix.Builder fix, Type type) {
    return typeName(
        state, fix, type.tsym.getQualifiedName().toString(), builder -> SuggestedFixes.qualifyType(state, builder, type));
  }

  private static String typeName(
      VisitorState state, SuggestedFix.Builder fix, String qualifiedName,
      Function<SuggestedFix.Builder, String> qualify) {
    if (lineBreak(state).equals("\n")) {
      return qualify.apply(fix);
    }
    SuggestedFix.Builder probe = SuggestedFix.builder();
    String name = qualify.apply(probe);
    return probe.build().getImportsToAdd().isEmpty() ? name : qualifiedName;
  }

  /**
   * {@code text}, written with {@code \n}, with the line breaks of the file it goes into: a CRLF file stays CRLF.
   * Source text copied from the file keeps its own breaks.
   */
  private static String withLineBreaks(VisitorState state, String text) {
    String lineBreak = lineBreak(state);
    return lineBreak.equals("\n") ? text : text.replace("\r\n", "\n").replace("\n", lineBreak);
  }

  /** The line break of the file being analysed: that of its first line, {@code \n} for a one-line file. */
  private static String lineBreak(VisitorState state) {
    CharSequence source = state.getSourceCode();
    if (source == null) {
      return "\n";
    }
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n') {
        return "\n";
      }
      if (c == '\r') {
        return i + 1 < source.length() && source.charAt(i + 1) == '\n' ? "\r\n" : "\r";
      }
    }
    return "\n";
  }

  /**
   * Wraps the statement at {@code statementPath} in {@code if (condition) { ... }}; an expression lambda body
   * becomes a block. Returns false, changing nothing, when the call is not a statement of its own or stands where
   * no block can (a {@code for} statement's init or update clause).
   */
  public static boolean wrapInIf(
      VisitorState state, SuggestedFix.Builder fix, TreePath callPath, String condition) {
    TreePath parent = callPath.getParentPath();
    Tree parentLeaf = parent.getLeaf();
    if (parentLeaf instanceof LambdaExpressionTree lambda && lambda.getBody() == callPath.getLeaf()) {
      String base = lineIndent(state, lambda);
      String unit = DEFAULT_UNIT;
      fix.replace(
          callPath.getLeaf(),
          withLineBreaks(
              state,
              "{\n" + base + unit + "if (" + condition + ") {\n" + base + unit + unit
                  + shift(state.getSourceForNode(callPath.getLeaf()), unit + unit) + ";\n" + base + unit + "}\n"
                  + base + "}"));
      return true;
    }
    if (!(parentLeaf instanceof ExpressionStatementTree statement) || !canBeReplacedByBlock(parent)) {
      return false;
    }
    String base = lineIndent(state, statement);
    String unit = unit(state, parent.getParentPath().getLeaf(), statement);
    if (isInStatementList(parent)) {
      fix.replace(
          statement,
          withLineBreaks(
              state,
              "if (" + condition + ") {\n" + base + unit + shift(state.getSourceForNode(statement), unit) + "\n"
                  + base + "}"));
    } else {
      String inner = base + unit;
      fix.replace(
          statement,
          withLineBreaks(
              state,
              "{\n" + inner + "if (" + condition + ") {\n" + inner + unit
                  + shift(state.getSourceForNode(statement), unit + unit) + "\n" + inner + "}\n" + base + "}"));
    }
    return true;
  }

  // ---------------------------------------------------------------- indentation

  private static final String DEFAULT_UNIT = "  ";

  /** The whitespace that starts the line on which {@code tree} starts. */
  static String lineIndent(VisitorState state, Tree tree) {
    CharSequence source = state.getSourceCode();
    int start = ASTHelpers.getStartPosition(tree);
    if (source == null || start < 0) {
      return "";
    }
    int lineStart = start;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    int end = lineStart;
    while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
      end++;
    }
    return source.subSequence(lineStart, end).toString();
  }

  /** The file's indentation step, as between a statement and the block (or case) that holds it. */
  private static String unit(VisitorState state, Tree container, Tree statement) {
    String outer = lineIndent(state, container);
    String inner = lineIndent(state, statement);
    return inner.length() > outer.length() && inner.startsWith(outer)
        ? inner.substring(outer.length())
        : DEFAULT_UNIT;
  }

  /**
   * Indents the lines after the first of {@code code} (written one statement or brace per line, unindented) by
   * {@code base} plus one {@code unit} per open brace; the first line goes where the insertion point already is.
   */
  static String reindent(String code, String base, String unit) {
    String[] lines = code.split("\n", -1);
    StringBuilder text = new StringBuilder(lines[0].strip());
    int depth = braceBalance(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      int lineDepth = line.startsWith("}") ? depth - 1 : depth;
      text.append('\n').append(base).append(unit.repeat(Math.max(0, lineDepth))).append(line);
      depth += braceBalance(line);
    }
    return text.toString();
  }

  private static int braceBalance(String line) {
    int balance = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        break; // a comment
      }
      balance += c == '{' ? 1 : c == '}' ? -1 : 0;
    }
    return balance;
  }

  /** Moves the continuation lines of existing source text right by {@code unit}. */
  private static String shift(String source, String unit) {
    return source.replace("\n", "\n" + unit);
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
    if (field.equals(FindIdentifiers.findIdent(name, state))) {
      return name;
    }
    return owner.getSimpleName() + (field.isStatic() ? "." : ".this.") + name;
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
