package io.github.linkguard.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the analysis package, kept by a test so that it stays the way it was made: no two classes depend on
 * each other in a cycle (each is built from finished parts, see {@code Analyses}), and none grows much past 500 lines.
 * A class depends on another when its code (comments, strings and imports left out) names it.
 */
class AnalysisStructureTest {
  private static final Path SOURCES = Path.of("src/main/java/io/github/linkguard/checker/analysis");
  private static final int MAX_LINES = 520;

  @Test
  void noClassesDependOnEachOtherInACycle() throws IOException {
    Map<String, Set<String>> references = references(sources());
    assertEquals(List.of(), cycles(references), "classes of analysis/ that depend on each other in a cycle");
  }

  @Test
  void cyclesAreFound() {
    // The check above can fail: a two-class and a three-class cycle, and a chain that is none.
    Map<String, Set<String>> references = new TreeMap<>();
    references.put("A", Set.of("B"));
    references.put("B", Set.of("A", "C"));
    references.put("C", Set.of("D"));
    references.put("D", Set.of("E"));
    references.put("E", Set.of("C"));
    references.put("F", Set.of("A"));
    assertEquals(List.of(Set.of("A", "B"), Set.of("C", "D", "E")), cycles(references));
  }

  @Test
  void noClassIsMuchLongerThan500Lines() throws IOException {
    Map<String, Integer> tooLong = new TreeMap<>();
    for (Map.Entry<String, String> source : sources().entrySet()) {
      int lines = source.getValue().split("\n", -1).length;
      if (lines > MAX_LINES) {
        tooLong.put(source.getKey(), lines);
      }
    }
    assertTrue(tooLong.isEmpty(), "classes over " + MAX_LINES + " lines: " + tooLong);
  }

  private static Map<String, String> sources() throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = file.getFileName().toString();
        sources.put(name.substring(0, name.length() - ".java".length()), Files.readString(file));
      }
    }
    assertTrue(sources.size() > 40, "the analysis sources are read from " + SOURCES.toAbsolutePath());
    return sources;
  }

  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("//[^\n]*");
  // unrolled (no alternation inside the repetition), so long strings do not overflow the regex engine's stack
  private static final Pattern STRING = Pattern.compile("\"[^\"\\\\\n]*+(?:\\\\.[^\"\\\\\n]*+)*+\"");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import .*$");

  private static Map<String, Set<String>> references(Map<String, String> sources) {
    Map<String, Set<String>> references = new TreeMap<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      String code = source.getValue();
      for (Pattern stripped : List.of(BLOCK_COMMENT, LINE_COMMENT, STRING, IMPORT)) {
        code = stripped.matcher(code).replaceAll(" ");
      }
      Set<String> named = new TreeSet<>();
      for (String other : sources.keySet()) {
        if (!other.equals(source.getKey()) && Pattern.compile("\\b" + other + "\\b").matcher(code).find()) {
          named.add(other);
        }
      }
      references.put(source.getKey(), named);
    }
    return references;
  }

  /** The strongly connected components of more than one class (Tarjan's algorithm, iterative), in name order. */
  static List<Set<String>> cycles(Map<String, Set<String>> references) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> components = new ArrayList<>();
    for (String start : references.keySet()) {
      if (index.containsKey(start)) {
        continue;
      }
      Deque<Object[]> work = new ArrayDeque<>(); // {class, iterator over its references}
      index.put(start, index.size());
      low.put(start, index.get(start));
      stack.push(start);
      onStack.add(start);
      work.push(new Object[] {start, references.getOrDefault(start, Set.of()).iterator()});
      while (!work.isEmpty()) {
        String node = (String) work.peek()[0];
        @SuppressWarnings("unchecked")
        Iterator<String> next = (Iterator<String>) work.peek()[1];
        if (next.hasNext()) {
          String target = next.next();
          if (!index.containsKey(target)) {
            index.put(target, index.size());
            low.put(target, index.get(target));
            stack.push(target);
            onStack.add(target);
            work.push(new Object[] {target, references.getOrDefault(target, Set.of()).iterator()});
          } else if (onStack.contains(target)) {
            low.put(node, Math.min(low.get(node), index.get(target)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          String parent = (String) work.peek()[0];
          low.put(parent, Math.min(low.get(parent), low.get(node)));
        }
        if (low.get(node).equals(index.get(node))) {
          Set<String> component = new TreeSet<>();
          String member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
          } while (!member.equals(node));
          if (component.size() > 1) {
            components.add(component);
          }
        }
      }
    }
    components.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
    return components;
  }
}
