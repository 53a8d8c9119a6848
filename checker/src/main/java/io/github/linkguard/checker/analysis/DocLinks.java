package io.github.linkguard.checker.analysis;

/** Where each check's page lives, for {@code @BugPattern(link = ...)}. */
public final class DocLinks {
  public static final String CHECKS = "https://github.com/linkguard/linkguard/blob/main/docs/checks/";

  private DocLinks() {}
}
