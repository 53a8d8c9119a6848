package io.github.linkguard.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.ErrorProneFlags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkGuardOptionsTest {
  @Test
  void spacesAfterCommasAreAcceptedWhereJavacKeptTheArgumentsAsWritten() {
    // What Error Prone's flags hold for "-XepOpt:IotHub:ClientTypes=com.acme.A, com.acme.B": it split at the space.
    ErrorProneFlags flags = ErrorProneFlags.fromMap(Map.of("IotHub:ClientTypes", "com.acme.A,"));
    String written = "ErrorProne -Xep:IotHubOpenWithoutStatusGuard:ERROR -XepOpt:IotHub:ClientTypes=com.acme.A,"
        + " com.acme.B -XepOpt:IotHub:GuardMethods=com.acme.Link#isDown ,com.acme.Link#isGone";

    LinkGuardOptions options = LinkGuardOptions.from(flags, written);

    assertEquals(List.of(), options.problems());
    assertEquals(Set.of("com.acme.A", "com.acme.B"), options.clientTypes());
    assertEquals(Map.of("com.acme.Link", Set.of("isDown", "isGone")), options.guardMethods());
  }

  @Test
  void aTrailingCommaSaysWhatASpaceDid() {
    LinkGuardOptions options =
        LinkGuardOptions.from(ErrorProneFlags.fromMap(Map.of("IotHub:ClientTypes", "com.acme.A,")), null);

    assertEquals(
        List.of(
            "-XepOpt:IotHub:ClientTypes: 'com.acme.A,' ends with a comma; if a space followed it, Error Prone split"
                + " the value there and dropped the rest: write the entries without spaces (com.acme.A,com.acme.B)"),
        options.problems());
  }

  @Test
  void unknownKeysInTheNamespaceAreErrorsWithTheNearestName() {
    LinkGuardOptions options =
        LinkGuardOptions.from(
            ErrorProneFlags.fromMap(
                Map.of("IotHub:GuardMethod", "com.acme.Link#isDown", "IotHub:Timeout", "5", "Other:Flag", "x")),
            null);

    assertEquals(
        Set.of(
            "-XepOpt:IotHub:GuardMethod is not a LinkGuard option; did you mean -XepOpt:IotHub:GuardMethods?"
                + " (LinkGuard reads -XepOpt:IotHub:ClientTypes and -XepOpt:IotHub:GuardMethods)",
            "-XepOpt:IotHub:Timeout is not a LinkGuard option (LinkGuard reads -XepOpt:IotHub:ClientTypes and"
                + " -XepOpt:IotHub:GuardMethods)"),
        Set.copyOf(options.problems()));
  }

  @Test
  void theLastOccurrenceWinsAndOtherOptionsAreLeftAlone() {
    assertEquals(
        Optional.of("com.acme.C"),
        LinkGuardOptions.valueAsWritten(
            "IotHub:ClientTypes",
            "ErrorProne -XepOpt:IotHub:ClientTypes=com.acme.A -XepOpt:IotHub:ClientTypes=com.acme.C"));
    assertEquals(
        Optional.empty(), LinkGuardOptions.valueAsWritten("IotHub:ClientTypes", "ErrorProne -XepDisableAllChecks"));
  }

  @Test
  void nestedNamesStandForEveryNesting() {
    assertEquals(
        List.of("com.acme.Outer.Inner", "com.acme.Outer$Inner", "com.acme$Outer$Inner", "com$acme$Outer$Inner"),
        LinkGuardOptions.binaryNames("com.acme.Outer.Inner"));
  }
}
