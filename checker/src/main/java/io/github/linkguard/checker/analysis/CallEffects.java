package io.github.linkguard.checker.analysis;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import java.util.Set;

/**
 * What a call of a compilation method closes or creates, in the caller's terms: the view of {@link MethodEffects}
 * that the path facts need ("look along the path, into earlier calls"). The two ask each other (a method's effect is
 * read off the facts at the end of its body, and those facts count the effects of the calls in it), so the path facts
 * are given this view rather than the class that answers it.
 */
interface CallEffects {
  /** The clients a statement closes when it is a call of a compilation method (e.g. a closeQuietly helper). */
  Set<ClientRef> closedByCall(MethodInvocationTree call);

  /**
   * The clients a call of a compilation method leaves newly created on every path: the fields it assigns a new client
   * ({@code createClient(cs); client.open(false);}), read through the call's receiver.
   */
  Set<ClientRef> createdByCall(MethodInvocationTree call);

  /**
   * The fields of the new object that a constructor of the compilation creates a client in on every path, or that
   * the class initializes with a new client where it declares them ({@code new Session(cs)} creates its client).
   */
  Set<ClientRef> createdByConstruction(NewClassTree creation);

  /**
   * The fields of the new object a factory of the compilation returns that its construction creates a client in: a
   * call every target of which returns only {@code new C(...)}, each creating those fields ({@code Session s =
   * sessions.open(cs); s.connect();} opens a client created earlier on the path, as {@code new Session(cs)} would).
   */
  Set<ClientRef> createdInReturnedObject(MethodInvocationTree call);
}
