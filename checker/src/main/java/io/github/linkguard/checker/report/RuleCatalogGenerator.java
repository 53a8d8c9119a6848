package io.github.linkguard.checker.report;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time step (exec-maven-plugin, after compile): reads the checks registered in the compiled classes'
 * {@code META-INF/services} file (AutoService writes it) and their {@code @BugPattern}s, and writes the
 * {@link RuleCatalog} resource next to them. Kept apart from {@link RuleCatalog} because it needs Error Prone on the
 * class path, which the SARIF command does not have.
 */
public final class RuleCatalogGenerator {
  private static final String REGISTRATION = "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";

  private RuleCatalogGenerator() {}

  /** {@code args[0]}: the compiled classes folder. */
  public static void main(String[] args) throws IOException, ClassNotFoundException {
    Path classes = Path.of(args[0]);
    List<String> lines = new ArrayList<>();
    for (String className : Files.readAllLines(classes.resolve(REGISTRATION), StandardCharsets.UTF_8)) {
      if (className.isBlank()) {
        continue;
      }
      Class<?> check = Class.forName(className.strip(), false, RuleCatalogGenerator.class.getClassLoader());
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      if (pattern == null) {
        throw new IllegalStateException(className + " is registered as a check but has no @BugPattern");
      }
      String name = pattern.name().isEmpty() ? check.getSimpleName() : pattern.name();
      String link = pattern.linkType() == LinkType.CUSTOM ? pattern.link() : "";
      lines.add(
          RuleCatalog.format(
              new Rule(name, pattern.severity().name(), link, pattern.summary(), pattern.explanation())));
    }
    lines.sort(null);
    Path catalog = classes.resolve(RuleCatalog.RESOURCE);
    Files.createDirectories(catalog.getParent());
    Files.write(catalog, lines, StandardCharsets.UTF_8);
  }
}
