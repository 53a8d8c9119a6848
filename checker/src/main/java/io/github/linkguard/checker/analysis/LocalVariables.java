package io.github.linkguard.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The locals and parameters of the visible classes the scan meets: their initializers, and which are ever written
 * again (so that an initializer says what an effectively final local holds). Constant time per record and lookup.
 */
final class LocalVariables {
  private final Map<VarSymbol, ExpressionTree> initializers = new HashMap<>();
  private final Set<VarSymbol> reassigned = new HashSet<>();

  void initialized(VarSymbol local, ExpressionTree initializer) {
    initializers.put(local, initializer);
  }

  void reassigned(VarSymbol local) {
    reassigned.add(local);
  }

  /**
   * The initializer of an effectively final local variable, or null.
   *
   * <p>Not {@code ASTHelpers.isConsideredFinal}: javac marks a local effectively final in its flow analysis, and the
   * model reads classes of the compilation that javac has not analysed yet when the first unit is checked.
   */
  @Nullable ExpressionTree finalInitializer(VarSymbol local) {
    return reassigned.contains(local) ? null : initializers.get(local);
  }

  /** Whether the local or parameter is written after its declaration (or, for a parameter, at all). */
  boolean isReassigned(VarSymbol local) {
    return reassigned.contains(local);
  }

  /** The client an effectively final local was initialized from ({@code DeviceClient old = client;}), or null. */
  @Nullable ClientRef aliasedClient(ClientRef local) {
    if (!local.isLocal()) {
      return null;
    }
    ExpressionTree initializer = finalInitializer(local.variable());
    return initializer == null ? null : ClientRef.of(initializer);
  }
}
