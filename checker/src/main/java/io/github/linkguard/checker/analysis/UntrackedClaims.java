package io.github.linkguard.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import io.github.linkguard.checker.analysis.PathFacts.Condition;
import io.github.linkguard.checker.analysis.PathFacts.SwitchCase;

/**
 * What a condition establishes from the status and reason it reads directly, leaving tracked state out: what {@link
 * TrackedStateMeaning} asks to work out what a tracked field means. {@link ConditionClaims} answers it, and asks
 * {@link TrackedStateMeaning} in turn about tracked fields; this view is how the two meet without depending on each
 * other.
 */
interface UntrackedClaims {
  /** How many methods and locals deep a claim is followed. */
  int MAX_DEPTH = 4;

  /** Whether {@code condition}, when it has {@code value}, establishes {@code claim} from the status alone. */
  boolean establishes(ExpressionTree condition, boolean value, Claim claim);

  /** Whether one fact (a condition with its value, or a switch some of whose cases leave) establishes it. */
  boolean factEstablishes(Condition condition, Claim claim);

  /** Whether the values that can reach a switch case establish it. */
  boolean caseEstablishes(SwitchCase switchCase, Claim claim);
}
