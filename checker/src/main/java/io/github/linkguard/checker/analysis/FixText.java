package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Type;
import java.util.function.Function;

/**
 * How the text a fix inserts follows the file it goes into: its line breaks, its indentation, and how it names types
 * (imported, or written in full where an import would break the file's line endings). Split from {@link Fixes},
 * which places the code.
 */
public final class FixText {
  private FixText() {}

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
        state,
        fix,
        type.tsym.getQualifiedName().toString(),
        builder -> SuggestedFixes.qualifyType(state, builder, type));
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
  static String withLineBreaks(VisitorState state, String text) {
    String lineBreak = lineBreak(state);
    return lineBreak.equals("\n") ? text : text.replace("\r\n", "\n").replace("\n", lineBreak);
  }

  /** The line break of the file being analysed: that of its first line, {@code \n} for a one-line file. */
  static String lineBreak(VisitorState state) {
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

  static final String DEFAULT_UNIT = "  ";

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
  static String unit(VisitorState state, Tree container, Tree statement) {
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
  static String shift(String source, String unit) {
    return source.replace("\n", "\n" + unit);
  }
}
