package io.github.linkguard.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.linkguard.checker.analysis.CheckName;
import io.github.linkguard.checker.analysis.ConnectionStrings;
import io.github.linkguard.checker.analysis.DeviceConnectionString;
import io.github.linkguard.checker.analysis.DocLinks;
import io.github.linkguard.checker.analysis.IotHubSdk;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * Check 6: a device or module connection string with a real-looking key, written into the program as a constant,
 * that reaches a client constructor or factory. Every copy of the program then connects as the same device, and the
 * key ships with the binary. Reported once per client creation, at the argument the constant arrives through; no
 * automatic fix (the secret has to move out of the code).
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A device connection string with its key is written into the program: every copy connects as the same"
            + " device (409002 LinkCreationConflict) and the key ships in the binary",
    severity = WARNING,
    linkType = CUSTOM,
    link = DocLinks.CHECKS + "IotHubConnectionStringInCode.md")
public final class IotHubConnectionStringInCode extends LinkGuardCheck
    implements NewClassTreeMatcher, MethodInvocationTreeMatcher {

  public IotHubConnectionStringInCode() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  IotHubConnectionStringInCode(ErrorProneFlags flags) {
    super(flags, CheckName.CONNECTION_STRING_IN_CODE);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return matchCreation(tree, tree.getArguments(), state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    // Only a static factory creates a client: an instance call (most calls) is no creation, whatever it returns.
    // The symbol of the method's name: unlike the call's, asking for it never throws on a tree javac left unresolved.
    return tree.getArguments().isEmpty()
            || !(ASTHelpers.getSymbol(tree.getMethodSelect()) instanceof MethodSymbol method && method.isStatic())
        ? Description.NO_MATCH
        : matchCreation(tree, tree.getArguments(), state);
  }

  private Description matchCreation(
      ExpressionTree creation, List<? extends ExpressionTree> arguments, VisitorState state) {
    IotHubSdk sdk = sdkIfUnitMayUseClients(state);
    if (sdk == null) {
      return Description.NO_MATCH;
    }
    Description description =
        safely(
            state,
            () -> {
              if (!sdk.isClientCreation(creation)) {
                return Description.NO_MATCH;
              }
              for (ExpressionTree argument : arguments) {
                if (!ASTHelpers.isSameType(ASTHelpers.getType(argument), state.getSymtab().stringType, state)) {
                  continue;
                }
                List<DeviceConnectionString> identities = ConnectionStrings.reaching(argument, state);
                if (!identities.isEmpty()) {
                  return buildDescriptionAtStart(argument, state).setMessage(message(identities)).build();
                }
              }
              return Description.NO_MATCH;
            });
    return description == null ? Description.NO_MATCH : description;
  }

  /** Names the identity and both risks; never the key, which {@link DeviceConnectionString} does not even hold. */
  private static String message(List<DeviceConnectionString> identities) {
    String named = identities.stream().map(DeviceConnectionString::describe).collect(Collectors.joining(", "));
    return "The connection string of "
        + named
        + " is written into the program, key included. Every copy of the program connects as "
        + (identities.size() == 1 ? "that one identity" : "one of these identities")
        + ", and IoT Hub allows one connection per identity: two running copies (two installs, a restarted container"
        + " next to the old one, a laptop next to the device) knock each other off, and the hub logs 409002"
        + " LinkCreationConflict / 400027 at every swap. Anyone holding the binary also holds the device's key. Read"
        + " the connection string at run time (an environment variable, a file outside the build, a secret store),"
        + " or give each device its own identity through the Device Provisioning Service (DPS).";
  }
}
