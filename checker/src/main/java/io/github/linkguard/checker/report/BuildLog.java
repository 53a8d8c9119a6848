package io.github.linkguard.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the diagnostics of checks out of a build log: Maven's ({@code [WARNING] /p/A.java:[12,9] [Check] message})
 * and javac's or Gradle's ({@code p/A.java:12: warning: [Check] message}, then the source line and a caret under the
 * column). Colour codes are ignored, so logs of builds run without {@code -B} work too; a diagnostic printed twice
 * (Maven repeats errors in its failure summary) is kept once, with the suggestion either print has.
 */
public final class BuildLog {
  private static final Pattern COLOUR = Pattern.compile("\u001B\\[[;\\d]*m");
  private static final Pattern MAVEN =
      Pattern.compile("^\\[(WARNING|ERROR)\\]\\s+(.+\\.java):\\[(\\d+),(\\d+)\\]\\s+\\[(\\w+)\\]\\s?(.*)$");
  private static final Pattern JAVAC =
      Pattern.compile("^(.+\\.java):(\\d+):\\s+(warning|error):\\s+\\[(\\w+)\\]\\s?(.*)$");
  private static final Pattern CARET = Pattern.compile("^(\\s*)\\^\\s*$");
  /**
   * Lines Error Prone adds under a diagnostic's first line: the link, then suggested fixes. Maven's failure summary
   * repeats them with its level in front.
   */
  private static final String CONTINUED = "^(?:\\[(?:ERROR|WARNING)\\] )?\\s+";
  private static final Pattern SUGGESTION = Pattern.compile(CONTINUED + "Did you mean (.*?)\\??\\s*$");
  private static final Pattern CONTINUATION = Pattern.compile(CONTINUED + "(\\(see |Did you mean ).*");

  private BuildLog() {}

  /** The diagnostics of the checks that {@code isCheck} accepts, in log order, each once. */
  public static List<Finding> findings(List<String> logLines, Predicate<String> isCheck) {
    List<String> lines = new ArrayList<>(logLines.size());
    for (String line : logLines) {
      lines.add(COLOUR.matcher(line).replaceAll("").stripTrailing());
    }
    Map<Finding, Finding> findings = new LinkedHashMap<>(); // without its suggestion -> as reported
    for (int i = 0; i < lines.size(); i++) {
      Finding finding = finding(lines, i);
      if (finding != null && isCheck.test(finding.check())) {
        Finding withoutSuggestion = new Finding(finding.file(), finding.line(), finding.column(), finding.level(),
            finding.check(), finding.message(), null);
        Finding earlier = findings.get(withoutSuggestion);
        if (earlier == null || earlier.suggestion() == null) {
          findings.put(withoutSuggestion, finding);
        }
      }
    }
    return List.copyOf(findings.values());
  }

  private static @Nullable Finding finding(List<String> lines, int index) {
    Matcher maven = MAVEN.matcher(lines.get(index));
    if (maven.matches()) {
      return new Finding(
          maven.group(2), Integer.parseInt(maven.group(3)), Integer.parseInt(maven.group(4)),
          maven.group(1).equals("ERROR") ? "error" : "warning", maven.group(5), maven.group(6),
          suggestion(lines, index + 1));
    }
    Matcher javac = JAVAC.matcher(lines.get(index));
    if (javac.matches()) {
      // javac prints the source line and a caret under the column right after the first line of the message.
      int column = 0;
      int next = index + 1;
      if (index + 2 < lines.size()) {
        Matcher caret = CARET.matcher(lines.get(index + 2));
        if (caret.matches()) {
          column = caret.group(1).length() + 1;
          next = index + 3;
        }
      }
      return new Finding(
          javac.group(1), Integer.parseInt(javac.group(2)), column, javac.group(3), javac.group(4),
          javac.group(5), suggestion(lines, next));
    }
    return null;
  }

  /** The "Did you mean" text among the continuation lines that start at {@code from}. */
  private static @Nullable String suggestion(List<String> lines, int from) {
    for (int i = from; i < lines.size() && CONTINUATION.matcher(lines.get(i)).matches(); i++) {
      Matcher suggestion = SUGGESTION.matcher(lines.get(i));
      if (suggestion.matches()) {
        return suggestion.group(1);
      }
    }
    return null;
  }
}
