package io.github.linkguard.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class SarifReportTest {
  private static final Path ROOT = Path.of("/home/runner/work/device/device");
  private static final String UPLINK = ROOT + "/src/main/java/com/acme/Uplink.java";

  /** What a real Maven build prints, warnings and an error, with Error Prone's own check in between. */
  private static final List<String> MAVEN_LOG =
      List.of(
          "[INFO] --- maven-compiler-plugin:3.14.0:compile (default-compile) @ device ---",
          "[WARNING] " + UPLINK + ":[42,20] [IotHubOpenRetryWithoutClose] open() is retried without closing the client",
          "    (see https://github.com/linkguard/linkguard/blob/main/docs/checks/IotHubOpenRetryWithoutClose.md)",
          "  Did you mean 'try {'?",
          "[WARNING] " + UPLINK + ":[50,9] [FutureReturnValueIgnored] Return value of methods returning Future must"
              + " be checked.",
          "    (see https://errorprone.info/bugpattern/FutureReturnValueIgnored)",
          "  Did you mean 'var unused = run();' or to remove this line?",
          "[ERROR] " + UPLINK + ":[61,7] [IotHubReconnectOnCallbackThread] open() runs on the callback thread",
          "    (see https://github.com/linkguard/linkguard/blob/main/docs/checks/IotHubReconnectOnCallbackThread.md)",
          "[ERROR] " + UPLINK + ":[70,5] [IotHubClientReplacedWithoutClose] A new client replaces 'client'",
          "    (see https://github.com/linkguard/linkguard/blob/main/docs/checks/IotHubClientReplacedWithoutClose.md)",
          "  Did you mean 'if (client != null) {'?",
          "[INFO] 2 errors",
          // Maven repeats errors in its failure summary, its level in front of every line, here with colour codes
          // (a build run without -B).
          "\u001B[1;31m[ERROR]\u001B[m " + UPLINK + ":[61,7] [IotHubReconnectOnCallbackThread] open() runs on the"
              + " callback thread",
          "\u001B[1;31m[ERROR]\u001B[m     (see https://github.com/linkguard/linkguard/blob/main/docs/checks/x.md)",
          "[ERROR] " + UPLINK + ":[70,5] [IotHubClientReplacedWithoutClose] A new client replaces 'client'",
          "[ERROR]     (see https://github.com/linkguard/linkguard/blob/main/docs/checks/x.md)",
          "[ERROR]   Did you mean 'if (client != null) {'?",
          "[ERROR] /elsewhere/Other.java:[3,1] [IotHubClientReplacedWithoutClose] A new client replaces 'client'");

  /** javac's (and Gradle's) format: the column is the caret's, under the source line. */
  private static final List<String> JAVAC_LOG =
      List.of(
          "src/main/java/com/acme/Link.java:17: warning: [IotHubReopenAfterClientClose] This DISCONNECTED check",
          "        if (status == IotHubConnectionStatus.DISCONNECTED) {",
          "                   ^",
          "    (see https://github.com/linkguard/linkguard/blob/main/docs/checks/IotHubReopenAfterClientClose.md)",
          "  Did you mean 'if (status == IotHubConnectionStatus.DISCONNECTED && reason != CLIENT_CLOSE) {'?",
          "src/main/java/com/acme/Link.java:30: warning: [IotHubOpenWithoutStatusGuard] open() here can run",
          "    client.open(false);",
          "               ^",
          "1 warning");

  private static final RuleCatalog CATALOG = RuleCatalog.load();

  @Test
  void mavenLogKeepsLinkGuardFindingsOnceWithTheirSuggestions() {
    List<Finding> findings = BuildLog.findings(MAVEN_LOG, check -> CATALOG.rule(check).isPresent());

    assertEquals(
        List.of(
            new Finding(UPLINK, 42, 20, "warning", "IotHubOpenRetryWithoutClose",
                "open() is retried without closing the client", "'try {'"),
            new Finding(UPLINK, 61, 7, "error", "IotHubReconnectOnCallbackThread",
                "open() runs on the callback thread", null),
            new Finding(UPLINK, 70, 5, "error", "IotHubClientReplacedWithoutClose",
                "A new client replaces 'client'", "'if (client != null) {'"),
            new Finding("/elsewhere/Other.java", 3, 1, "error", "IotHubClientReplacedWithoutClose",
                "A new client replaces 'client'", null)),
        findings);
  }

  @Test
  void javacLogTakesTheColumnFromTheCaret() {
    List<Finding> findings = BuildLog.findings(JAVAC_LOG, check -> CATALOG.rule(check).isPresent());

    assertEquals(
        List.of(
            new Finding("src/main/java/com/acme/Link.java", 17, 20, "warning", "IotHubReopenAfterClientClose",
                "This DISCONNECTED check",
                "'if (status == IotHubConnectionStatus.DISCONNECTED && reason != CLIENT_CLOSE) {'"),
            new Finding("src/main/java/com/acme/Link.java", 30, 16, "warning", "IotHubOpenWithoutStatusGuard",
                "open() here can run", null)),
        findings);
  }

  @Test
  void theRulesAreTheRegisteredChecks() {
    List<String> registered =
        ServiceLoader.load(BugChecker.class).stream()
            .map(ServiceLoader.Provider::type)
            .map(type -> type.getAnnotation(BugPattern.class).name().isEmpty()
                ? type.getSimpleName() : type.getAnnotation(BugPattern.class).name())
            .sorted()
            .toList();
    assertEquals(registered, CATALOG.rules().stream().map(Rule::name).toList());
    for (Rule rule : CATALOG.rules()) {
      assertEquals(
          "https://github.com/linkguard/linkguard/blob/main/docs/checks/" + rule.name() + ".md", rule.link());
      assertEquals("WARNING", rule.severity());
    }
  }

  @Test
  void sarifIsValidAgainstTheSchemaAndSaysWhatTheLogSays() throws IOException {
    List<String> log = new java.util.ArrayList<>(MAVEN_LOG);
    log.addAll(JAVAC_LOG);
    String sarif =
        SarifReport.sarif(CATALOG, BuildLog.findings(log, check -> CATALOG.rule(check).isPresent()), ROOT);

    assertEquals(List.of(), schemaErrors(sarif));
    JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertEquals(CATALOG.rules().size(), rules.size());
    JsonNode retryRule = rules.get(indexOf(rules, "IotHubOpenRetryWithoutClose"));
    assertEquals("open() is retried without closing the failed attempt's client",
        retryRule.get("shortDescription").get("text").asString());
    assertEquals(CATALOG.rule("IotHubOpenRetryWithoutClose").orElseThrow().summary(),
        retryRule.get("fullDescription").get("text").asString());
    assertEquals("https://github.com/linkguard/linkguard/blob/main/docs/checks/IotHubOpenRetryWithoutClose.md",
        retryRule.get("helpUri").asString());
    assertEquals("warning", retryRule.get("defaultConfiguration").get("level").asString());

    JsonNode results = run.get("results");
    assertEquals(6, results.size());
    JsonNode retry = results.get(0);
    assertEquals("IotHubOpenRetryWithoutClose", retry.get("ruleId").asString());
    assertEquals(indexOf(rules, "IotHubOpenRetryWithoutClose"), retry.get("ruleIndex").asInt());
    assertEquals("warning", retry.get("level").asString());
    assertEquals("open() is retried without closing the client Did you mean 'try {'?",
        retry.get("message").get("text").asString());
    assertEquals("'try {'", retry.get("properties").get("suggestedFix").asString());
    JsonNode location = retry.get("locations").get(0).get("physicalLocation");
    assertEquals("src/main/java/com/acme/Uplink.java", location.get("artifactLocation").get("uri").asString());
    assertEquals("%SRCROOT%", location.get("artifactLocation").get("uriBaseId").asString());
    assertEquals(42, location.get("region").get("startLine").asInt());
    assertEquals(20, location.get("region").get("startColumn").asInt());
    assertEquals("file:///home/runner/work/device/device/",
        run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString());

    assertEquals("error", results.get(1).get("level").asString());
    assertNull(results.get(1).get("properties"));
    // Outside the source root: an absolute URI, no base.
    JsonNode other = results.get(3).get("locations").get(0).get("physicalLocation").get("artifactLocation");
    assertEquals("file:///elsewhere/Other.java", other.get("uri").asString());
    assertNull(other.get("uriBaseId"));
    assertEquals("src/main/java/com/acme/Link.java",
        results.get(4).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri")
            .asString());
  }

  @Test
  void anEmptyLogIsAValidReportWithEveryRule() {
    String sarif = SarifReport.sarif(CATALOG, List.of(), ROOT);
    assertEquals(List.of(), schemaErrors(sarif));
  }

  @Test
  void schemaValidationRejectsAMalformedReport() {
    // The validation above can fail: a result without its required message is reported.
    String sarif = SarifReport.sarif(CATALOG, List.of(), ROOT).replace("\"results\": []",
        "\"results\": [{\"ruleId\": \"IotHubOpenRetryWithoutClose\"}]");
    assertEquals(1, schemaErrors(sarif).size(), sarif);
  }

  private static List<String> schemaErrors(String sarif) {
    try (InputStream schemaFile = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(schemaFile, InputFormat.JSON);
      return schema.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int indexOf(JsonNode rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).get("id").asString().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no rule " + id);
  }
}
