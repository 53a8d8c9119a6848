package io.github.linkguard.checker.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which method bodies of the visible classes a call reaches (class-hierarchy analysis, narrowed to the classes the
 * compilation instantiates): always the body of the method it names, when that has source; for an overridable method
 * of the compilation, also the implementation in every instantiated class the receiver's static type admits; and for
 * a call on {@code this} (code of a supertype calling its own abstract or overridable method), every override in a
 * subtype, instantiated or not. A method declared by a library ({@code Runnable.run()}) dispatches nowhere: the task
 * objects handed there are followed where they are handed.
 *
 * <p>Cost: the override index is built once, in one pass over the methods with bodies (each asking javac for its
 * super methods); each distinct pair of method and erased receiver type then costs one lookup, plus one subtype test
 * and implementation lookup per instantiated class, and every further call with that pair a lookup.
 */
final class Dispatch {
  private final Types types;
  private final Map<MethodSymbol, Body> bodies;
  private final Set<ClassSymbol> instantiated;
  private final Set<ClassSymbol> visibleClasses;
  private @Nullable Map<MethodSymbol, List<MethodSymbol>> overriders;

  Dispatch(
      Types types, Map<MethodSymbol, Body> bodies, Set<ClassSymbol> instantiated, Set<ClassSymbol> visibleClasses) {
    this.types = types;
    this.bodies = bodies;
    this.instantiated = instantiated;
    this.visibleClasses = visibleClasses;
  }

  /** The bodies a call of {@code named} on a receiver of {@code receiverType} can run. */
  List<Body> targets(MethodSymbol named, @Nullable Type receiverType, boolean onThis) {
    if (!canDispatch(named) || receiverType == null || !(named.owner instanceof ClassSymbol)) {
      Body own = bodies.get(named);
      return own == null ? List.of() : List.of(own);
    }
    // Many calls name the same method on the same receiver type: each pair is resolved once, not once per call
    // against every instantiated class of the compilation.
    return resolved.computeIfAbsent(
        new Call(named, types.erasure(receiverType).tsym, onThis),
        call -> resolve(named, receiverType, onThis));
  }

  /** A dispatch question: the method named, the erased receiver type, and whether the call is on {@code this}. */
  private record Call(MethodSymbol named, TypeSymbol receiver, boolean onThis) {}

  private final Map<Call, List<Body>> resolved = new HashMap<>();

  private List<Body> resolve(MethodSymbol named, Type receiverType, boolean onThis) {
    Set<Body> targets = new LinkedHashSet<>();
    Body own = bodies.get(named);
    if (own != null) {
      targets.add(own);
    }
    Type receiver = types.erasure(receiverType);
    if (onThis) {
      for (MethodSymbol override : overridersOf(named)) {
        if (types.isSubtype(types.erasure(override.owner.type), receiver)) {
          targets.add(bodies.get(override));
        }
      }
    } else {
      for (ClassSymbol created : instantiated) {
        if (!types.isSubtype(types.erasure(created.type), receiver)) {
          continue;
        }
        MethodSymbol implementation = named.implementation(created, types, true);
        Body body = implementation == null ? null : bodies.get(implementation);
        if (body != null) {
          targets.add(body);
        }
      }
    }
    return List.copyOf(targets);
  }

  /** Whether the named method is declared in a visible class and a subclass may override it. */
  private boolean canDispatch(MethodSymbol method) {
    long flags = method.flags();
    return !method.isConstructor()
        && !method.isStatic()
        && (flags & (Flags.PRIVATE | Flags.FINAL)) == 0
        && (method.owner.flags() & Flags.FINAL) == 0
        && visibleClasses.contains(VisibleClasses.topLevelClass(method));
  }

  private List<MethodSymbol> overridersOf(MethodSymbol method) {
    if (overriders == null) {
      Map<MethodSymbol, List<MethodSymbol>> index = new HashMap<>();
      for (MethodSymbol candidate : bodies.keySet()) {
        if (candidate.isConstructor() || candidate.isStatic()) {
          continue;
        }
        for (MethodSymbol overridden : ASTHelpers.findSuperMethods(candidate, types)) {
          index.computeIfAbsent(overridden, k -> new ArrayList<>()).add(candidate);
        }
      }
      overriders = index;
    }
    return overriders.getOrDefault(method, List.of());
  }
}
