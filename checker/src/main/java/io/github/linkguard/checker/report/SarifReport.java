package io.github.linkguard.checker.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns LinkGuard's diagnostics in a build log into a SARIF 2.1.0 file for GitHub code scanning:
 *
 * <pre>java -cp linkguard-checker.jar io.github.linkguard.checker.report.SarifReport build.log linkguard.sarif</pre>
 *
 * <p>Run it from the repository root: paths under the working directory become relative to {@code %SRCROOT%}, which
 * is how code scanning finds the files. Only LinkGuard's checks are kept, each diagnostic once.
 */
public final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String SOURCE_ROOT = "%SRCROOT%";
  private static final String PROJECT = "https://github.com/linkguard/linkguard";

  private SarifReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println(
          "usage: java -cp linkguard-checker.jar " + SarifReport.class.getName() + " <build log> <out.sarif>");
      System.exit(2);
      return;
    }
    RuleCatalog catalog = RuleCatalog.load();
    // Lenient decoding: a log may hold bytes of another encoding, which must not stop the report.
    String log = new String(Files.readAllBytes(Path.of(args[0])), StandardCharsets.UTF_8);
    List<Finding> findings = BuildLog.findings(log.lines().toList(), check -> catalog.rule(check).isPresent());
    Path out = Path.of(args[1]);
    Files.writeString(out, sarif(catalog, findings, Path.of("").toAbsolutePath()), StandardCharsets.UTF_8);
    System.out.println("LinkGuard: " + findings.size() + " finding(s) written to " + out);
  }

  /** The SARIF log of {@code findings}; absolute paths under {@code sourceRoot} become relative to it. */
  static String sarif(RuleCatalog catalog, List<Finding> findings, Path sourceRoot) {
    List<Rule> rules = catalog.rules();
    List<Object> results = new ArrayList<>();
    for (Finding finding : findings) {
      results.add(result(finding, rules, sourceRoot));
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "LinkGuard");
    driver.put("informationUri", PROJECT);
    String version = SarifReport.class.getPackage().getImplementationVersion();
    if (version != null) {
      driver.put("version", version);
    }
    driver.put("rules", rules.stream().map(SarifReport::rule).toList());

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("originalUriBaseIds", Map.of(SOURCE_ROOT, Map.of("uri", directoryUri(sourceRoot))));
    run.put("columnKind", "utf16CodeUnits");
    run.put("results", results);

    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("$schema", SCHEMA);
    sarif.put("version", "2.1.0");
    sarif.put("runs", List.of(run));
    return Json.write(sarif);
  }

  private static Map<String, Object> rule(Rule rule) {
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("id", rule.name());
    descriptor.put("name", rule.name());
    descriptor.put("shortDescription", text(rule.title()));
    descriptor.put(
        "fullDescription",
        text(rule.explanation().isEmpty() ? rule.summary() : rule.summary() + " " + rule.explanation()));
    if (!rule.link().isEmpty()) {
      descriptor.put("helpUri", rule.link());
      descriptor.put("help", text(rule.summary() + ". See " + rule.link()));
    }
    descriptor.put("defaultConfiguration", Map.of("level", rule.defaultLevel()));
    return descriptor;
  }

  private static Map<String, Object> result(Finding finding, List<Rule> rules, Path sourceRoot) {
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", finding.line());
    if (finding.column() > 0) {
      region.put("startColumn", finding.column());
    }
    Map<String, Object> physicalLocation = new LinkedHashMap<>();
    physicalLocation.put("artifactLocation", artifactLocation(finding.file(), sourceRoot));
    physicalLocation.put("region", region);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ruleId", finding.check());
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).name().equals(finding.check())) {
        result.put("ruleIndex", i);
      }
    }
    result.put("level", finding.level());
    String suggestion = finding.suggestion();
    // The log shows a fix as the first line it changes, not as an edit with a region: SARIF's "fixes" would claim
    // more than is known, so the suggestion travels as text (apply the fixes themselves with -XepPatchChecks).
    result.put("message", text(suggestion == null ? finding.message() : finding.message() + " Did you mean "
        + suggestion + "?"));
    result.put("locations", List.of(Map.of("physicalLocation", physicalLocation)));
    if (suggestion != null) {
      result.put("properties", Map.of("suggestedFix", suggestion));
    }
    return result;
  }

  private static Map<String, Object> artifactLocation(String file, Path sourceRoot) {
    Map<String, Object> location = new LinkedHashMap<>();
    Path path;
    try {
      path = Path.of(file).normalize();
    } catch (InvalidPathException e) {
      location.put("uri", encode(file.replace('\\', '/')));
      return location;
    }
    if (path.isAbsolute() && !path.startsWith(sourceRoot)) {
      location.put("uri", path.toUri().toString());
      return location;
    }
    Path relative = path.isAbsolute() ? sourceRoot.relativize(path) : path;
    location.put("uri", encode(relative.toString().replace('\\', '/')));
    location.put("uriBaseId", SOURCE_ROOT);
    return location;
  }

  private static String directoryUri(Path directory) {
    String uri = directory.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static String encode(String relativePath) {
    try {
      return new URI(null, null, relativePath, null).getRawPath();
    } catch (URISyntaxException e) {
      return relativePath;
    }
  }

  private static Map<String, Object> text(String text) {
    return Map.of("text", text);
  }
}
