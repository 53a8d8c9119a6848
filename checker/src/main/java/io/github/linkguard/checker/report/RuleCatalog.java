package io.github.linkguard.checker.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registered checks' metadata, as the jar carries it: one line per check in {@link #RESOURCE}, fields separated
 * by tabs (name, severity, link, summary, explanation). Written at build time by {@link RuleCatalogGenerator} from
 * the {@code @BugPattern}s, so a new check is listed without anyone editing a list.
 */
public final class RuleCatalog {
  static final String RESOURCE = "META-INF/linkguard/rules.tsv";

  private final List<Rule> rules;

  private RuleCatalog(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The catalog in this jar. */
  public static RuleCatalog load() {
    try (InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: the jar was not built by LinkGuard's Maven build");
      }
      List<Rule> rules = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rules.add(parse(line));
        }
      }
      return new RuleCatalog(rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Rule> rules() {
    return rules;
  }

  public Optional<Rule> rule(String name) {
    return rules.stream().filter(rule -> rule.name().equals(name)).findFirst();
  }

  static String format(Rule rule) {
    return String.join(
        "\t", rule.name(), rule.severity(), rule.link(), oneLine(rule.summary()), oneLine(rule.explanation()));
  }

  private static Rule parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields.length != 5) {
      throw new IllegalStateException("malformed line in " + RESOURCE + ": " + line);
    }
    return new Rule(fields[0], fields[1], fields[2], fields[3], fields[4]);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
