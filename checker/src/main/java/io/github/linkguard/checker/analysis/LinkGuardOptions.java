package io.github.linkguard.checker.analysis;

import com.google.errorprone.ErrorProneFlags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code -XepOpt:IotHub:*} options, parsed and validated once per check instance.
 *
 * <p>A malformed value does not throw: it is kept as {@link #problems()} so that the checks can report one clear
 * compile error naming the option instead of letting an exception escape into javac.
 */
public final class LinkGuardOptions {
  public static final String CLIENT_TYPES = "IotHub:ClientTypes";
  public static final String GUARD_METHODS = "IotHub:GuardMethods";

  private static final String JAVA_IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
  private static final Pattern QUALIFIED_TYPE =
      Pattern.compile(JAVA_IDENTIFIER + "(\\." + JAVA_IDENTIFIER + ")*(\\$" + JAVA_IDENTIFIER + ")*");
  private static final Pattern GUARD_METHOD =
      Pattern.compile("(" + QUALIFIED_TYPE.pattern() + ")#(" + JAVA_IDENTIFIER + ")");

  private static final LinkGuardOptions NONE = new LinkGuardOptions(Set.of(), Map.of(), List.of());

  private final Set<String> clientTypes;
  private final Map<String, Set<String>> guardMethods;
  private final List<String> problems;

  private LinkGuardOptions(
      Set<String> clientTypes, Map<String, Set<String>> guardMethods, List<String> problems) {
    this.clientTypes = clientTypes;
    this.guardMethods = guardMethods;
    this.problems = problems;
  }

  public static LinkGuardOptions none() {
    return NONE;
  }

  public static LinkGuardOptions from(ErrorProneFlags flags) {
    return parse(flags.get(CLIENT_TYPES), flags.get(GUARD_METHODS));
  }

  /** Whether no {@code -XepOpt:IotHub:*} option was given (the checker may have been built without its flags). */
  public boolean isUnset() {
    return clientTypes.isEmpty() && guardMethods.isEmpty() && problems.isEmpty();
  }

  static LinkGuardOptions parse(Optional<String> clientTypesValue, Optional<String> guardMethodsValue) {
    List<String> problems = new ArrayList<>();
    Set<String> clientTypes = new LinkedHashSet<>();
    for (String entry : entries(CLIENT_TYPES, clientTypesValue, problems)) {
      if (QUALIFIED_TYPE.matcher(entry).matches()) {
        clientTypes.add(entry.replace('$', '.'));
      } else {
        problems.add(
            String.format(
                "-XepOpt:%s: '%s' is not a fully qualified class name (expected e.g. com.acme.Connection)",
                CLIENT_TYPES, entry));
      }
    }
    Map<String, Set<String>> guardMethods = new LinkedHashMap<>();
    for (String entry : entries(GUARD_METHODS, guardMethodsValue, problems)) {
      var matcher = GUARD_METHOD.matcher(entry);
      if (matcher.matches()) {
        guardMethods
            .computeIfAbsent(matcher.group(1).replace('$', '.'), k -> new LinkedHashSet<>())
            .add(matcher.group(matcher.groupCount()));
      } else {
        problems.add(
            String.format(
                "-XepOpt:%s: '%s' is not a method reference of the form com.acme.Link#isDisconnected",
                GUARD_METHODS, entry));
      }
    }
    return new LinkGuardOptions(Set.copyOf(clientTypes), Map.copyOf(guardMethods), List.copyOf(problems));
  }

  private static List<String> entries(String option, Optional<String> value, List<String> problems) {
    if (value.isEmpty()) {
      return List.of();
    }
    List<String> entries = new ArrayList<>();
    for (String raw : value.get().split(",", -1)) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        problems.add(
            String.format(
                "-XepOpt:%s: empty entry in '%s' (entries are separated by single commas)",
                option, value.get()));
      } else {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** Fully qualified names of the configured wrapper types whose open/close mean the SDK's. */
  public Set<String> clientTypes() {
    return clientTypes;
  }

  /** Owner type name to the names of its methods whose {@code true} result means DISCONNECTED. */
  public Map<String, Set<String>> guardMethods() {
    return guardMethods;
  }

  /** One message per malformed entry; empty when every option is well formed. */
  public List<String> problems() {
    return problems;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkGuardOptions other
        && clientTypes.equals(other.clientTypes)
        && guardMethods.equals(other.guardMethods)
        && problems.equals(other.problems);
  }

  @Override
  public int hashCode() {
    return clientTypes.hashCode() * 31 + guardMethods.hashCode();
  }
}
