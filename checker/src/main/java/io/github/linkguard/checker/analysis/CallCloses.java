package io.github.linkguard.checker.analysis;

import com.sun.source.tree.MethodInvocationTree;
import java.util.Set;

/**
 * What a call of a compilation method closes: the view of {@link MethodEffects} that the path facts need. The two
 * ask each other (a method's effect is read off the facts at the end of its body, and those facts count the closes
 * of the calls in it), so the path facts are given this view rather than the class that answers it.
 */
interface CallCloses {
  /** The clients a statement closes when it is a call of a compilation method (e.g. a closeQuietly helper). */
  Set<ClientRef> closedByCall(MethodInvocationTree call);
}
