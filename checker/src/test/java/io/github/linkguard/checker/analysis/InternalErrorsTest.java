package io.github.linkguard.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import io.github.linkguard.checker.analysis.InternalErrors.InjectedFailure;
import io.github.linkguard.checker.analysis.InternalErrors.Step;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures that are seen (issues 15 and 16): an internal error, injected at one step of the analysis of one class,
 * costs only what it must (the fix, the check at that class, or that class), the compile succeeds, the other
 * findings stay, and the compilation gets exactly one note naming the class, the check and where to report it.
 * These tests run as a user's build does, with internal errors contained rather than rethrown.
 */
class InternalErrorsTest {
  private static final String RETHROW = "linkguard.rethrowInternalErrors";

  /** Every check the plugin registers, found the way Error Prone finds a plugin's checks in a user's build. */
  private static final ScannerSupplier ALL_CHECKS =
      ScannerSupplier.fromBugCheckerClasses(
          ServiceLoader.load(BugChecker.class).stream()
              .map(ServiceLoader.Provider::type)
              .filter(check -> check.getPackageName().equals("io.github.linkguard.checker"))
              .collect(Collectors.toList()));

  /** Three findings of three checks, two of them with a fix: the class the tests make fail. */
  private static final String UPLINK =
      """
      import com.microsoft.azure.sdk.iot.device.DeviceClient;
      import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
      import com.microsoft.azure.sdk.iot.device.Message;
      import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

      class Uplink {
        private DeviceClient client =
            new DeviceClient(
                "HostName=h.azure-devices.net;DeviceId=u7;SharedAccessKey=q8Zt3mVf0pLr2NcW9xYb4KdH6sJe1GuA5oTi7RnQ0wE=",
                IotHubClientProtocol.AMQPS);

        void connect() throws InterruptedException {
          while (true) {
            try {
              client.open(false);
              break;
            } catch (IotHubClientException e) {
              Thread.sleep(1000);
            }
          }
        }

        void resend(String connectionString) throws InterruptedException {
          try {
            client.sendEvent(new Message("x"));
          } catch (IotHubClientException e) {
            client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
          }
        }
      }
      """;

  /** One finding, in another file: it must survive whatever fails in Uplink. */
  private static final String TELEMETRY =
      """
      import com.microsoft.azure.sdk.iot.device.DeviceClient;
      import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

      class Telemetry {
        void connect(DeviceClient client) throws InterruptedException {
          while (true) {
            try {
              client.open(false);
              break;
            } catch (IotHubClientException e) {
              Thread.sleep(1000);
            }
          }
        }
      }
      """;

  private static final Finding UPLINK_RETRY = new Finding("Uplink", 15, "IotHubOpenRetryWithoutClose");
  private static final Finding UPLINK_REPLACED = new Finding("Uplink", 27, "IotHubClientReplacedWithoutClose");
  private static final Finding UPLINK_KEY = new Finding("Uplink", 9, "IotHubConnectionStringInCode");
  private static final Finding TELEMETRY_RETRY = new Finding("Telemetry", 8, "IotHubOpenRetryWithoutClose");

  @TempDir Path output;
  private String rethrowBefore;

  @BeforeEach
  void containInternalErrorsAsUsersBuildsDo() {
    rethrowBefore = System.getProperty(RETHROW);
    System.setProperty(RETHROW, "false");
  }

  @AfterEach
  void restore() {
    InternalErrors.injectedFailure = null;
    if (rethrowBefore == null) {
      System.clearProperty(RETHROW);
    } else {
      System.setProperty(RETHROW, rethrowBefore);
    }
  }

  /** Without a failure: the findings the other tests lose some of, two with a fix, and no note. */
  @ParameterizedTest
  @ValueSource(strings = {"simple", "byfile"})
  void withoutAFailureEveryFindingAndFixIsThere(String compilePolicy) throws IOException {
    Result result = compile(compilePolicy);

    assertEquals(List.of(UPLINK_KEY, UPLINK_RETRY, UPLINK_REPLACED, TELEMETRY_RETRY), result.findings());
    assertTrue(result.hasFix(UPLINK_RETRY), result.toString());
    assertTrue(result.hasFix(UPLINK_REPLACED), result.toString());
    assertEquals(List.of(), result.notes());
  }

  /**
   * The model of one class fails: under {@code -XDcompilePolicy=simple} the compilation-wide model fails with it,
   * and each file is then modelled on its own, so only Uplink's modelled findings go; its connection string, which
   * needs no model, stays.
   */
  @ParameterizedTest
  @ValueSource(strings = {"simple", "byfile"})
  void aFailedModelDropsTheFindingsOfThatClassOnly(String compilePolicy) throws IOException {
    InternalErrors.injectedFailure = new InjectedFailure(Step.MODEL, "Uplink", null);

    Result result = compile(compilePolicy);

    assertEquals(List.of(UPLINK_KEY, TELEMETRY_RETRY), result.findings());
    String note = result.onlyNote();
    assertTrue(
        note.contains(
            "stopped the analysis of Uplink; the findings there of every check but IotHubConnectionStringInCode may"
                + " be missing"),
        note);
  }

  /** One check fails at every node of one class: the other checks there, and the check elsewhere, still report. */
  @Test
  void aFailedQueryDropsThatChecksFindingsInThatClassOnly() throws IOException {
    InternalErrors.injectedFailure =
        new InjectedFailure(Step.QUERY, "Uplink", CheckName.OPEN_RETRY_WITHOUT_CLOSE);

    Result result = compile("simple");

    assertEquals(List.of(UPLINK_KEY, UPLINK_REPLACED, TELEMETRY_RETRY), result.findings());
    assertTrue(result.hasFix(UPLINK_REPLACED), result.toString());
    String note = result.onlyNote();
    assertTrue(note.contains("stopped IotHubOpenRetryWithoutClose in Uplink; its findings there may be missing"), note);
  }

  /** Every check fails at every node of one class: many internal errors, one note, for the first. */
  @Test
  void manyFailuresOfManyChecksGiveOneNote() throws IOException {
    InternalErrors.injectedFailure = new InjectedFailure(Step.QUERY, "Uplink", null);

    Result result = compile("simple");

    assertEquals(List.of(TELEMETRY_RETRY), result.findings());
    String note = result.onlyNote();
    assertTrue(note.contains("in Uplink; its findings there may be missing"), note);
  }

  /** A fix that fails to build costs the fix: the finding is reported as before, without it. */
  @Test
  void aFailedFixDropsTheFixNotTheFinding() throws IOException {
    InternalErrors.injectedFailure = new InjectedFailure(Step.FIX, "Uplink", CheckName.OPEN_RETRY_WITHOUT_CLOSE);

    Result result = compile("simple");

    assertEquals(List.of(UPLINK_KEY, UPLINK_RETRY, UPLINK_REPLACED, TELEMETRY_RETRY), result.findings());
    assertFalse(result.hasFix(UPLINK_RETRY), result.toString());
    assertTrue(result.hasFix(UPLINK_REPLACED), result.toString());
    assertTrue(result.hasFix(TELEMETRY_RETRY), result.toString());
    String note = result.onlyNote();
    assertTrue(
        note.contains(
            "stopped building the fix of IotHubOpenRetryWithoutClose in Uplink; the finding is reported without its"
                + " fix"),
        note);
  }

  /** The note says where to report, and what in LinkGuard's code failed. */
  @Test
  void theNoteSaysWhereToReportAndWhatFailed() throws IOException {
    InternalErrors.injectedFailure = new InjectedFailure(Step.FIX, "Uplink", CheckName.OPEN_RETRY_WITHOUT_CLOSE);

    String note = compile("simple").onlyNote();

    assertTrue(note.startsWith("LinkGuard: an internal error (IllegalStateException at io.github.linkguard."), note);
    assertTrue(note.contains("Please report it at " + InternalErrors.REPORT_URL), note);
    assertTrue(Files.exists(crashTemplate()), "the note links the crash issue template: " + crashTemplate());
  }

  /** Tests see internal errors: with the build's property on, the injected failure is not contained. */
  @Test
  void testsStillRethrow() {
    System.setProperty(RETHROW, "true");
    InternalErrors.injectedFailure = new InjectedFailure(Step.FIX, "Uplink", CheckName.OPEN_RETRY_WITHOUT_CLOSE);

    Throwable thrown = assertThrows(Throwable.class, () -> compile("simple"));

    assertTrue(stackMentions(thrown, "LinkGuard internal error"), () -> String.valueOf(thrown));
  }

  // ------------------------------------------------------------------ helpers

  private record Finding(String className, long line, String check) {}

  private record Result(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<Finding> findings() {
      List<Finding> findings = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
        String message = diagnostic.getMessage(Locale.ROOT);
        if (diagnostic.getKind() == Diagnostic.Kind.WARNING && message.startsWith("[IotHub")) {
          findings.add(
              new Finding(
                  className(diagnostic), diagnostic.getLineNumber(), message.substring(1, message.indexOf(']'))));
        }
      }
      return findings;
    }

    /** Whether the finding's message offers a fix (Error Prone appends the fixed line to it). */
    boolean hasFix(Finding finding) {
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
        if (diagnostic.getKind() == Diagnostic.Kind.WARNING
            && diagnostic.getSource() != null
            && className(diagnostic).equals(finding.className())
            && diagnostic.getLineNumber() == finding.line()
            && diagnostic.getMessage(Locale.ROOT).startsWith("[" + finding.check() + "]")) {
          return diagnostic.getMessage(Locale.ROOT).contains("Did you mean");
        }
      }
      throw new AssertionError("no finding " + finding + " in " + this);
    }

    List<String> notes() {
      return diagnostics.stream()
          .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.NOTE)
          .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
          .filter(message -> message.startsWith("LinkGuard:"))
          .collect(Collectors.toList());
    }

    String onlyNote() {
      List<String> notes = notes();
      assertEquals(1, notes.size(), () -> "one note per compilation: " + notes);
      return notes.get(0);
    }

    private static String className(Diagnostic<? extends JavaFileObject> diagnostic) {
      String path = diagnostic.getSource().toUri().getPath();
      return path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
    }

    @Override
    public String toString() {
      return diagnostics.stream().map(diagnostic -> diagnostic.toString()).collect(Collectors.joining("\n"));
    }
  }

  /** Compiles Uplink and Telemetry together, as a user's build does: every check on, against SDK 2.x. */
  private Result compile(String compilePolicy) throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-XDcompilePolicy=" + compilePolicy, "--should-stop=ifError=FLOW", "-Xmaxwarns", "1000", "-cp",
            sdkV2ClassPath(), "-d", output.toString());
    List<JavaFileObject> sources = List.of(source("Uplink", UPLINK), source("Telemetry", TELEMETRY));
    boolean success =
        new BaseErrorProneJavaCompiler(ALL_CHECKS).getTask(null, null, diagnostics, options, null, sources).call();
    Result result = new Result(diagnostics.getDiagnostics());
    assertTrue(success, () -> "the compile must succeed:\n" + result);
    return result;
  }

  private static JavaFileObject source(String className, String code) {
    return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }

  private static String sdkV2ClassPath() throws IOException {
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("linkguard.sdk.v2")))) {
      return jars.map(Path::toString)
          .filter(jar -> jar.endsWith(".jar"))
          .sorted()
          .collect(Collectors.joining(File.pathSeparator));
    }
  }

  /** The template the note's link opens, in this repository (the tests run in checker/). */
  private static Path crashTemplate() {
    String template = InternalErrors.REPORT_URL.substring(InternalErrors.REPORT_URL.indexOf("template=") + 9);
    return Path.of("..", ".github", "ISSUE_TEMPLATE", template);
  }

  private static boolean stackMentions(Throwable thrown, String text) {
    for (Throwable current = thrown; current != null; current = current.getCause()) {
      if (String.valueOf(current.getMessage()).contains(text)) {
        return true;
      }
    }
    return false;
  }
}
