package io.github.linkguard.checker.report;

/**
 * One check as code scanning describes it: the {@code @BugPattern} of a registered check.
 *
 * @param name the check's name, as in {@code [Name]} in the log and in {@code -Xep:Name}
 * @param severity {@code ERROR}, {@code WARNING} or {@code SUGGESTION}: the check's default
 * @param link the check's documentation page
 * @param summary the one-sentence summary
 * @param explanation the longer explanation, often empty
 */
public record Rule(String name, String severity, String link, String summary, String explanation) {
  /** The summary up to its first clause break: a title for lists of alerts. */
  String title() {
    int end = summary.indexOf("; ");
    return end < 0 ? summary : summary.substring(0, end);
  }

  /** SARIF's level for the check's default severity. */
  String defaultLevel() {
    return switch (severity) {
      case "ERROR" -> "error";
      case "SUGGESTION" -> "note";
      default -> "warning";
    };
  }
}
