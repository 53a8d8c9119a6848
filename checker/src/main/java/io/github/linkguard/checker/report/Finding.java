package io.github.linkguard.checker.report;

import org.jspecify.annotations.Nullable;

/**
 * One diagnostic of a check, as a build log shows it.
 *
 * @param file the path as printed (absolute in Maven's log, often relative in javac's)
 * @param column 1-based, or 0 when the log does not say
 * @param level {@code warning} or {@code error}
 * @param suggestion what Error Prone prints after "Did you mean", when the check suggests a fix
 */
public record Finding(
    String file, int line, int column, String level, String check, String message, @Nullable String suggestion) {}
