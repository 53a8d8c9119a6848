package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a status callback names the new status and its reason: the 1.x parameters ({@code status},
 * {@code reason}) or the 2.x context's getters ({@code ctx.getNewStatus()}, {@code ctx.getNewStatusReason()}).
 * Source text, valid anywhere inside the callback's body.
 */
public record CallbackParameters(@Nullable String statusExpression, @Nullable String reasonExpression) {

  /** How a status callback with these parameters names the status and the reason. */
  static CallbackParameters of(List<? extends VariableTree> parameters, IotHubSdk sdk) {
    String status = null;
    String reason = null;
    for (VariableTree parameter : parameters) {
      VarSymbol symbol = ASTHelpers.getSymbol(parameter);
      if (symbol == null || isUnnamed(parameter)) {
        continue;
      }
      String name = parameter.getName().toString();
      if (sdk.isStatusType(symbol.type)) {
        status = name;
      } else if (sdk.isReasonType(symbol.type)) {
        reason = name;
      } else if (sdk.isStatusChangeContextType(symbol.type)) {
        status = name + ".getNewStatus()";
        reason = name + ".getNewStatusReason()";
      }
    }
    return new CallbackParameters(status, reason);
  }

  /**
   * An unnamed parameter ({@code _}, Java 22): javac gives it the empty name, and no code can refer to it, so a fix
   * must not either.
   */
  static boolean isUnnamed(VariableTree parameter) {
    return parameter.getName().isEmpty();
  }
}
