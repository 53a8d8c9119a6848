package io.github.linkguard.checker;

import static com.google.testing.compile.Compiler.compiler;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The six checks compiled together, asserting the exact findings of every line: which checks report there, how
 * often, and a fragment of each message. {@code CompilationTestHelper} cannot do this: its {@code // BUG:} marker
 * passes as long as one diagnostic on the line matches, so a second check reporting the same open() (one call, one
 * diagnostic broken) or the loser reporting beside the winner goes unnoticed.
 *
 * <p>Markers: {@code // FINDING: [CheckName] message fragment}, one per expected finding, on the lines before the
 * code line it is about (stacked markers are several findings on that line; other comment lines in between are
 * skipped, as for the fixtures' {@code // expect:} markers). A line without a marker must have no finding. A marker
 * may name several fragments of one message, separated by {@code " … "}.
 */
final class ExactFindings {
  private static final Pattern MARKER = Pattern.compile("^\\s*// FINDING: \\[(\\w+)\\] (.+)$");
  private static final Pattern CHECK_PREFIX = Pattern.compile("^\\[(\\w+)\\] ");
  /** Between two fragments of one marker that the message must both contain. */
  private static final String FRAGMENT_SEPARATOR = " … ";

  private final List<String> args;
  private final List<JavaFileObject> sources = new ArrayList<>();
  /** Per file, per line: the findings its markers expect. */
  private final Map<String, Map<Integer, List<Expected>>> expected = new LinkedHashMap<>();
  private final Map<URI, String> paths = new HashMap<>();

  private ExactFindings(List<String> args) {
    this.args = args;
  }

  /** The six checks, with one SDK generation on the class path, and {@code extraArgs} (e.g. -Xep:...:OFF). */
  static ExactFindings compile(Sdk sdk, String... extraArgs) {
    return compile(sdk.classPathArgs(), extraArgs);
  }

  /** As {@link #compile(Sdk, String...)}, with retry libraries next to the SDK. */
  static ExactFindings compile(Sdk sdk, RetryJars libraries, String... extraArgs) {
    return compile(libraries.classPathArgs(sdk), extraArgs);
  }

  private static ExactFindings compile(List<String> classPathArgs, String... extraArgs) {
    // what CompilationTestHelper passes, and the compile policy the README asks users for
    List<String> args =
        new ArrayList<>(
            List.of(
                "-encoding", "UTF-8", "-parameters", "-proc:none", "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW", "-Xmaxwarns", "100000"));
    args.addAll(classPathArgs);
    args.addAll(List.of(extraArgs));
    return new ExactFindings(args);
  }

  /** A source file, {@code path} relative to the source root ({@code com/acme/Gateway.java}). */
  ExactFindings addSourceLines(String path, String... lines) {
    if (!path.endsWith(".java")) {
      throw new IllegalArgumentException("not a Java source path: " + path);
    }
    String className = path.substring(0, path.length() - ".java".length()).replace('/', '.');
    JavaFileObject source = JavaFileObjects.forSourceLines(className, lines);
    sources.add(source);
    paths.put(source.toUri(), path);
    expected.put(path, markers(path, lines));
    return this;
  }

  /** Compiles, and fails unless every line has exactly the findings its markers name. */
  void doTest() {
    if (sources.isEmpty()) {
      throw new IllegalStateException("no sources");
    }
    Compilation compilation =
        compiler(new BaseErrorProneJavaCompiler(AllChecksTest.ALL)).withOptions(args).compile(sources);
    Map<String, Map<Integer, List<Actual>>> actual = findings(compilation);
    StringBuilder problems = new StringBuilder();
    for (Map.Entry<String, Map<Integer, List<Expected>>> file : expected.entrySet()) {
      Map<Integer, List<Actual>> actualInFile = actual.getOrDefault(file.getKey(), Map.of());
      SortedSet<Integer> lines = new TreeSet<>(file.getValue().keySet());
      lines.addAll(actualInFile.keySet());
      for (int line : lines) {
        List<Expected> wanted = file.getValue().getOrDefault(line, List.of());
        List<Actual> seen = actualInFile.getOrDefault(line, List.of());
        if (!matchesOneToOne(wanted, seen, 0, new boolean[seen.size()])) {
          problems.append(file.getKey()).append(':').append(line).append('\n')
              .append("  expected ").append(wanted).append('\n')
              .append("  found    ").append(seen).append('\n');
        }
      }
    }
    if (problems.length() > 0) {
      fail("Findings differ from the // FINDING: markers:\n" + problems);
    }
  }

  /** A finding a marker expects: the check, and a fragment its message must contain. */
  private record Expected(String check, String fragment) {
    @Override
    public String toString() {
      return "[" + check + "] …" + fragment + "…";
    }
  }

  /** A finding the compilation reported. */
  private record Actual(String check, String message) {
    boolean satisfies(Expected expected) {
      return check.equals(expected.check())
          && Arrays.stream(expected.fragment().split(FRAGMENT_SEPARATOR)).allMatch(message::contains);
    }

    @Override
    public String toString() {
      String firstLine = message.lines().findFirst().orElse("");
      return firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine;
    }
  }

  /** Whether each expected finding pairs with its own actual one and none is left over (lines hold a few). */
  private static boolean matchesOneToOne(List<Expected> wanted, List<Actual> seen, int next, boolean[] taken) {
    if (wanted.size() != seen.size()) {
      return false;
    }
    if (next == wanted.size()) {
      return true;
    }
    for (int i = 0; i < seen.size(); i++) {
      if (!taken[i] && seen.get(i).satisfies(wanted.get(next))) {
        taken[i] = true;
        if (matchesOneToOne(wanted, seen, next + 1, taken)) {
          return true;
        }
        taken[i] = false;
      }
    }
    return false;
  }

  private static Map<Integer, List<Expected>> markers(String path, String[] lines) {
    Map<Integer, List<Expected>> byLine = new TreeMap<>();
    List<Expected> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      if (marker.matches()) {
        pending.add(new Expected(marker.group(1), marker.group(2).strip()));
      } else if (lines[i].contains("// FINDING:")) {
        throw new IllegalArgumentException(path + ":" + (i + 1) + ": malformed marker: " + lines[i].strip());
      } else if (!pending.isEmpty() && !lines[i].strip().startsWith("//") && !lines[i].isBlank()) {
        byLine.put(i + 1, pending);
        pending = new ArrayList<>();
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException(path + ": markers at the end, with no code line after them");
    }
    return byLine;
  }

  /** The LinkGuard findings, per file and line; any compile error fails the test. */
  private Map<String, Map<Integer, List<Actual>>> findings(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      fail("The test sources do not compile:\n" + compilation.errors());
    }
    Map<String, Map<Integer, List<Actual>>> byFile = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      String message = diagnostic.getMessage(Locale.ROOT);
      Matcher prefix = CHECK_PREFIX.matcher(message);
      if (!prefix.find() || diagnostic.getSource() == null) {
        continue; // javac's own notes and warnings
      }
      byFile
          .computeIfAbsent(
              paths.getOrDefault(diagnostic.getSource().toUri(), diagnostic.getSource().getName()),
              file -> new TreeMap<>())
          .computeIfAbsent((int) diagnostic.getLineNumber(), line -> new ArrayList<>())
          .add(new Actual(prefix.group(1), message));
    }
    byFile.values().forEach(lines -> lines.values().forEach(list -> list.sort(Comparator.comparing(Actual::check))));
    return byFile;
  }
}
