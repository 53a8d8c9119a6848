package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.linkguard.checker.analysis.PendingLinks.PendingRegistration;
import io.github.linkguard.checker.analysis.PendingLinks.StoredCallback;
import io.github.linkguard.checker.analysis.PendingLinks.VariableRegistration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Which client each status callback is registered on ({@link Body#callbackClients}), from the registrations the scan
 * recorded: an object of a class of the compilation ({@code set...(this, null)}, {@code set...(new Watcher(), null)}),
 * a callback kept in a variable or returned by a method and registered by name, and one passed to a method that
 * registers its parameter. Lambdas, method references and anonymous classes written at the registration are
 * registered by the scan itself.
 *
 * <p>Cost: per registration, one pass over the status callback methods of the compilation (most compilations have a
 * handful); a parameter's registration reads the arguments of each call of its method.
 */
final class CallbackRegistrations {
  private final VisitorState state;
  private final PendingLinks links;
  private final Collection<Body> bodies;
  private final BiFunction<MethodSymbol, Integer, List<ExpressionTree>> argumentsPassedTo;
  private final List<Body> callbackMethods = new ArrayList<>();

  /** {@code argumentsPassedTo}: the arguments every call of a method of the compilation passes at an index. */
  CallbackRegistrations(
      VisitorState state, PendingLinks links, Collection<Body> bodies,
      BiFunction<MethodSymbol, Integer, List<ExpressionTree>> argumentsPassedTo) {
    this.state = state;
    this.links = links;
    this.bodies = bodies;
    this.argumentsPassedTo = argumentsPassedTo;
  }

  void register() {
    if (!links.registrations.isEmpty()
        || !links.variableRegistrations.isEmpty()
        || !links.returnedRegistrations.isEmpty()) {
      for (Body body : bodies) {
        if (body.root() == Body.Root.STATUS_CALLBACK && body.method() != null) {
          callbackMethods.add(body);
        }
      }
    }
    for (PendingRegistration registration : links.registrations) {
      registerClass(registration.callbackClass(), registration.client());
    }
    registerStoredCallbacks();
    registerPassedCallbacks();
  }

  /**
   * Status callbacks kept in a variable and registered by the variable's name ({@code
   * client.setConnectionStatusChangeCallback(callback, null)}) are registered on that client, as if written there.
   */
  private void registerStoredCallbacks() {
    for (VariableRegistration registration : links.variableRegistrations) {
      for (StoredCallback stored : links.storedCallbacks.getOrDefault(registration.variable(), List.of())) {
        register(stored, registration.client());
      }
    }
    for (PendingLinks.ReturnedRegistration registration : links.returnedRegistrations) {
      for (StoredCallback returned : links.returnedCallbacks.getOrDefault(registration.factory(), List.of())) {
        register(returned, registration.client());
      }
    }
  }

  /** The status callbacks {@code callbackClass} declares or inherits are registered on {@code client}. */
  private void registerClass(ClassSymbol callbackClass, @Nullable ClientRef client) {
    for (Body body : callbackMethods) {
      if (body.method().owner instanceof ClassSymbol owner && callbackClass.isSubClass(owner, state.getTypes())) {
        body.registeredOn(client);
      }
    }
  }

  /**
   * {@code void attach(IotHubConnectionStatusChangeCallback w) { client.set...(w, null); }} called with {@code new
   * Watcher(...)} or {@code this}: the object a caller passes is registered on that client, as the argument's class
   * would be when written at the registration (each call of the method, one level up).
   */
  private void registerPassedCallbacks() {
    for (VariableRegistration registration : links.variableRegistrations) {
      VarSymbol variable = registration.variable();
      if (variable.getKind() != ElementKind.PARAMETER || !(variable.owner instanceof MethodSymbol method)) {
        continue;
      }
      for (ExpressionTree argument : argumentsPassedTo.apply(method, method.getParameters().indexOf(variable))) {
        ExpressionTree passed = IotHubSdk.stripParenthesesAndCasts(argument);
        ClassSymbol passedClass =
            passed instanceof NewClassTree creation ? PendingLinks.classCreatedBy(creation)
                : passed instanceof IdentifierTree self && Receivers.isThis(self.getName())
                        && ASTHelpers.getType(self) != null
                        && ASTHelpers.getType(self).tsym instanceof ClassSymbol enclosing
                    ? enclosing
                    : null;
        if (passedClass != null && links.isDeclaredHere(passedClass)) {
          registerClass(passedClass, registration.client());
        }
      }
    }
  }

  private void register(StoredCallback callback, @Nullable ClientRef client) {
    if (callback.body() != null) {
      callback.body().registeredOn(client);
    }
    if (callback.anonymousClass() != null) {
      for (Body body : callbackMethods) {
        if (body.method().owner == callback.anonymousClass()) {
          body.registeredOn(client);
        }
      }
    }
  }
}
