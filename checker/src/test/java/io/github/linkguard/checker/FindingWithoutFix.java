package io.github.linkguard.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import java.util.Arrays;

/**
 * A finding that one check reports without a fix, asserted both ways on the same sources: the {@code // BUG:
 * Diagnostic contains:} markers must be reported ({@code CompilationTestHelper}), and the refactoring must leave every
 * file unchanged, text for text ({@code expectUnchanged()}, {@code TEXT_MATCH}). An unchanged file alone also passes
 * when the finding disappears; the markers are what makes "no fix" mean "reported, but not fixed".
 */
final class FindingWithoutFix {
  private static final String MARKER = "// BUG: Diagnostic contains:";

  private final CompilationTestHelper identification;
  private final BugCheckerRefactoringTestHelper refactoring;
  private boolean anyMarker;

  private FindingWithoutFix(CompilationTestHelper identification, BugCheckerRefactoringTestHelper refactoring) {
    this.identification = identification;
    this.refactoring = refactoring;
  }

  static FindingWithoutFix of(Class<? extends BugChecker> check, Sdk sdk, Class<?> test) {
    return new FindingWithoutFix(Sources.compile(check, sdk, test), Sources.refactor(check, sdk, test));
  }

  FindingWithoutFix addSourceLines(String path, String... lines) {
    identification.addSourceLines(path, lines);
    refactoring.addInputLines(path, lines).expectUnchanged();
    anyMarker |= Arrays.stream(lines).anyMatch(line -> line.contains(MARKER));
    return this;
  }

  void doTest() {
    doTest(TestMode.TEXT_MATCH);
  }

  /** With {@code AST_MATCH} for sources that the formatter behind {@code TEXT_MATCH} cannot parse (newer Java). */
  void doTest(TestMode mode) {
    if (!anyMarker) {
      throw new IllegalStateException("A no-fix test needs the finding it is about: add its " + MARKER + " marker");
    }
    identification.doTest();
    refactoring.doTest(mode);
  }
}
