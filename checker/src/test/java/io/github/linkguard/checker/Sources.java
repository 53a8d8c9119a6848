package io.github.linkguard.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import java.util.ArrayList;
import java.util.List;

/** Test sources as text blocks, compiled against one SDK generation. */
final class Sources {
  private Sources() {}

  static String[] lines(String source) {
    return source.stripTrailing().split("\n", -1);
  }

  static CompilationTestHelper compile(
      Class<? extends BugChecker> check, Sdk sdk, Class<?> test, String... extraArgs) {
    List<String> args = new ArrayList<>(sdk.classPathArgs());
    args.addAll(List.of(extraArgs));
    return CompilationTestHelper.newInstance(check, test).setArgs(args);
  }

  /** As {@link #compile}, with retry libraries next to the SDK. */
  static CompilationTestHelper compile(
      Class<? extends BugChecker> check, Sdk sdk, RetryJars libraries, Class<?> test) {
    return CompilationTestHelper.newInstance(check, test).setArgs(libraries.classPathArgs(sdk));
  }

  static BugCheckerRefactoringTestHelper refactor(
      Class<? extends BugChecker> check, Sdk sdk, RetryJars libraries, Class<?> test) {
    return BugCheckerRefactoringTestHelper.newInstance(check, test)
        .setArgs(libraries.classPathArgs(sdk).toArray(new String[0]));
  }

  static BugCheckerRefactoringTestHelper refactor(Class<? extends BugChecker> check, Sdk sdk, Class<?> test) {
    return BugCheckerRefactoringTestHelper.newInstance(check, test).setArgs(sdk.classPathArgs().toArray(new String[0]));
  }
}
