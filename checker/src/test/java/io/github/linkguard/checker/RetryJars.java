package io.github.linkguard.checker;

import java.io.File;
import java.util.List;

/**
 * The retry libraries the checks recognise, as real jars Maven copied into target/retry/: Failsafe 3.x and 2.x
 * (different packages), Resilience4j 2.x and Spring Retry together; Resilience4j 1.x alone, since it shares 2.x's
 * packages.
 */
enum RetryJars {
  CURRENT("linkguard.retry.current"),
  RESILIENCE4J_1("linkguard.retry.resilience4j1");

  private final String property;

  RetryJars(String property) {
    this.property = property;
  }

  /** javac arguments that put one SDK generation and these libraries on the class path. */
  List<String> classPathArgs(Sdk sdk) {
    return List.of("-cp", sdk.classPath() + File.pathSeparator + Sdk.jarsIn(property));
  }
}
