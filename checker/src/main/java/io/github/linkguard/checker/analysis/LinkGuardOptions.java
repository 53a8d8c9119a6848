package io.github.linkguard.checker.analysis;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code -XepOpt:IotHub:*} options, parsed and validated once per check instance.
 *
 * <p>A malformed value or an unknown {@code IotHub:} key does not throw: it is kept as {@link #problems()} so that the
 * checks can report one clear compile error naming the option instead of letting an exception escape into javac.
 */
public final class LinkGuardOptions {
  public static final String CLIENT_TYPES = "IotHub:ClientTypes";
  public static final String GUARD_METHODS = "IotHub:GuardMethods";
  private static final List<String> KNOWN = List.of(CLIENT_TYPES, GUARD_METHODS);
  private static final String NAMESPACE = "IotHub:";
  /** Where javac keeps the arguments of {@code -Xplugin:}, one plugin's per NUL-separated part. */
  private static final String PLUGIN_OPTION = "-Xplugin:";

  private static final String JAVA_IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
  private static final Pattern QUALIFIED_TYPE =
      Pattern.compile(JAVA_IDENTIFIER + "(\\." + JAVA_IDENTIFIER + ")*(\\$" + JAVA_IDENTIFIER + ")*");
  private static final Pattern GUARD_METHOD =
      Pattern.compile("(" + QUALIFIED_TYPE.pattern() + ")#(" + JAVA_IDENTIFIER + ")");

  private final Set<String> clientTypes;
  private final Map<String, Set<String>> guardMethods;
  private final List<String> problems;

  private LinkGuardOptions(
      Set<String> clientTypes, Map<String, Set<String>> guardMethods, List<String> problems) {
    this.clientTypes = clientTypes;
    this.guardMethods = guardMethods;
    this.problems = problems;
  }

  public static LinkGuardOptions from(ErrorProneFlags flags) {
    return from(flags, null);
  }

  /**
   * The options of the compilation being analysed. Read from the compilation rather than from the check's
   * constructor: some Error Prone versions build the checks of {@code -XepPatchChecks} without the flags (2.36.0).
   */
  public static LinkGuardOptions of(VisitorState state) {
    return from(state.errorProneOptions().getFlags(), errorProneArguments(state));
  }

  /**
   * {@code errorProneArguments}, the raw text of {@code -Xplugin:ErrorProne ...} where javac kept it, supplies the
   * lists as the user wrote them: Error Prone splits its flags at spaces, so of {@code ClientTypes=A, B} the flags
   * keep only {@code A,}.
   */
  static LinkGuardOptions from(ErrorProneFlags flags, @Nullable String errorProneArguments) {
    List<String> problems = new ArrayList<>();
    for (String key : flags.getFlagsMap().keySet()) {
      if (key.startsWith(NAMESPACE) && !KNOWN.contains(key)) {
        problems.add(unknownKey(key));
      }
    }
    return parse(
        value(CLIENT_TYPES, flags, errorProneArguments), value(GUARD_METHODS, flags, errorProneArguments),
        problems);
  }

  private static String unknownKey(String key) {
    String known = "-XepOpt:" + String.join(" and -XepOpt:", KNOWN);
    for (String candidate : KNOWN) {
      String lowerKey = key.toLowerCase(java.util.Locale.ROOT);
      String lowerCandidate = candidate.toLowerCase(java.util.Locale.ROOT);
      if (lowerCandidate.startsWith(lowerKey) || lowerKey.startsWith(lowerCandidate)) {
        return String.format(
            "-XepOpt:%s is not a LinkGuard option; did you mean -XepOpt:%s? (LinkGuard reads %s)",
            key, candidate, known);
      }
    }
    return String.format("-XepOpt:%s is not a LinkGuard option (LinkGuard reads %s)", key, known);
  }

  private static Optional<String> value(
      String option, ErrorProneFlags flags, @Nullable String errorProneArguments) {
    Optional<String> written = errorProneArguments == null
        ? Optional.empty() : valueAsWritten(option, errorProneArguments);
    return written.isPresent() ? written : flags.get(option);
  }

  /**
   * The value of {@code -XepOpt:option=} in the raw arguments, with the words that a space after a comma (or before
   * one) split off joined back; the last occurrence wins, as in Error Prone.
   */
  static Optional<String> valueAsWritten(String option, String errorProneArguments) {
    String prefix = "-XepOpt:" + option + "=";
    String[] words = errorProneArguments.strip().split("\\s+");
    String value = null;
    for (int i = 0; i < words.length; i++) {
      if (words[i].startsWith(prefix)) {
        StringBuilder joined = new StringBuilder(words[i].substring(prefix.length()));
        while (i + 1 < words.length
            && !words[i + 1].startsWith("-")
            && (joined.toString().endsWith(",") || words[i + 1].startsWith(","))) {
          joined.append(words[++i]);
        }
        value = joined.toString();
      }
    }
    return Optional.ofNullable(value);
  }

  private static @Nullable String errorProneArguments(VisitorState state) {
    String plugins = Options.instance(state.context).get(PLUGIN_OPTION);
    if (plugins == null) {
      return null; // Error Prone runs other than as a javac plugin (its test helpers)
    }
    for (String plugin : plugins.split("\\x00")) {
      if (plugin.strip().startsWith("ErrorProne")) {
        return plugin;
      }
    }
    return null;
  }

  static LinkGuardOptions parse(Optional<String> clientTypesValue, Optional<String> guardMethodsValue) {
    return parse(clientTypesValue, guardMethodsValue, new ArrayList<>());
  }

  private static LinkGuardOptions parse(
      Optional<String> clientTypesValue, Optional<String> guardMethodsValue, List<String> problems) {
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
    String[] parts = value.get().split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String entry = parts[i].strip();
      if (entry.isEmpty() && i == parts.length - 1 && i > 0) {
        problems.add(
            String.format(
                "-XepOpt:%s: '%s' ends with a comma; if a space followed it, Error Prone split the value there"
                    + " and dropped the rest: write the entries without spaces (com.acme.A,com.acme.B)",
                option, value.get()));
      } else if (entry.isEmpty()) {
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

  /**
   * The binary names {@code qualifiedName} can stand for: {@code com.acme.Outer.Inner} is {@code com.acme.Outer.Inner}
   * or {@code com.acme.Outer$Inner} (or {@code com.acme$Outer$Inner}), since the options accept either spelling.
   */
  public static List<String> binaryNames(String qualifiedName) {
    List<String> names = new ArrayList<>(List.of(qualifiedName));
    String candidate = qualifiedName;
    for (int dot = candidate.lastIndexOf('.'); dot > 0; dot = candidate.lastIndexOf('.', dot - 1)) {
      candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
      names.add(candidate);
    }
    return names;
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
