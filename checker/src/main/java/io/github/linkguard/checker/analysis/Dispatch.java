package io.github.linkguard.checker.analysis;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which method bodies of the visible classes a call reaches (class-hierarchy analysis, narrowed to the classes the
 * compilation instantiates): always the body of the method it names, when that has source; for an overridable method
 * of the compilation, also every override in a class the receiver's static type admits that the compilation creates
 * (or creates a subclass of, which inherits it); and for
 * a call on {@code this} (code of a supertype calling its own abstract or overridable method), every override in a
 * subtype, instantiated or not. A method declared by a library ({@code Runnable.run()}) dispatches nowhere: the task
 * objects handed there are followed where they are handed.
 *
 * <p>Cost: methods with bodies are indexed by name once; the overrides of a called method are looked up among those
 * of its name, once per method; each distinct pair of method and erased receiver type then costs one subtype test per
 * override, once; the classes with an instantiated subclass are marked once, walking up from each created class.
 */
final class Dispatch {
  private final Types types;
  private final Map<MethodSymbol, Body> bodies;
  private final Set<ClassSymbol> instantiated;
  private final Set<ClassSymbol> visibleClasses;
  private @Nullable Map<Name, List<MethodSymbol>> byName;
  private final Map<MethodSymbol, List<MethodSymbol>> overriders = new HashMap<>();
  /** The created classes and their supertypes: built on the first dispatch question. */
  private @Nullable Set<TypeSymbol> instantiatedOrBelow;

  Dispatch(
      Types types, Map<MethodSymbol, Body> bodies, Set<ClassSymbol> instantiated, Set<ClassSymbol> visibleClasses) {
    this.types = types;
    this.bodies = bodies;
    this.instantiated = instantiated;
    this.visibleClasses = visibleClasses;
  }

  /** The bodies a call of {@code named} on a receiver of {@code receiverType} can run. */
  List<Body> targets(MethodSymbol named, @Nullable Type receiverType, boolean onThis) {
    Body own = bodies.get(named);
    if (!canDispatch(named) || receiverType == null || !(named.owner instanceof ClassSymbol)) {
      return own == null ? List.of() : List.of(own);
    }
    List<MethodSymbol> overrides = overridersOf(named);
    if (overrides.isEmpty()) {
      return own == null ? List.of() : List.of(own);
    }
    // Many calls name the same method on the same receiver type: each pair is resolved once.
    return resolved.computeIfAbsent(
        new Call(named, types.erasure(receiverType).tsym, onThis),
        call -> {
          Set<Body> targets = new LinkedHashSet<>();
          if (own != null) {
            targets.add(own);
          }
          Type receiver = types.erasure(receiverType);
          for (MethodSymbol override : overrides) {
            ClassSymbol owner = (ClassSymbol) override.owner;
            if (types.isSubtype(types.erasure(owner.type), receiver) && (onThis || isInstantiated(owner))) {
              targets.add(bodies.get(override));
            }
          }
          return List.copyOf(targets);
        });
  }

  /**
   * A dispatch question: the method named, the erased receiver type, and whether the call is on {@code this}. Its
   * equality is written out, the same as the generated one: a record's generated equals and hashCode are linked
   * through {@code java.lang.runtime.ObjectMethods} on their first call, which costs a cold compiler process more than
   * all the dispatch questions of a compilation (docs/performance.md, "Cold builds").
   */
  private record Call(MethodSymbol named, TypeSymbol receiver, boolean onThis) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Call call && named == call.named && receiver == call.receiver && onThis == call.onThis;
    }

    @Override
    public int hashCode() {
      return (31 * System.identityHashCode(named) + System.identityHashCode(receiver)) * 2 + (onThis ? 1 : 0);
    }
  }

  private final Map<Call, List<Body>> resolved = new HashMap<>();

  /**
   * Whether the compilation creates the class or a subclass of it (one that may inherit the override): the classes
   * {@link ClassSymbol#isSubClass} would find below it, marked once by walking up from every created class.
   */
  private boolean isInstantiated(ClassSymbol owner) {
    if (instantiatedOrBelow == null) {
      instantiatedOrBelow = supertypesOfInstantiated();
    }
    return instantiatedOrBelow.contains(owner);
  }

  /**
   * Every created class with its superclasses and the interfaces they implement, directly or through other
   * interfaces: O(created classes x their supertypes), each supertype's interfaces walked once.
   */
  private Set<TypeSymbol> supertypesOfInstantiated() {
    Set<TypeSymbol> found = new HashSet<>();
    Deque<Type> interfaces = new ArrayDeque<>();
    for (ClassSymbol created : instantiated) {
      for (Type type = created.type; type.hasTag(TypeTag.CLASS); type = types.supertype(type)) {
        if (!found.add(type.tsym)) {
          break; // this class and everything above it were walked from another created class
        }
        interfaces.addAll(types.interfaces(type));
      }
      while (!interfaces.isEmpty()) {
        Type implemented = interfaces.poll();
        if (found.add(implemented.tsym)) {
          interfaces.addAll(types.interfaces(implemented));
        }
      }
    }
    return found;
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

  /** The methods with bodies that override {@code method}, found among those of the same name; memoized. */
  private List<MethodSymbol> overridersOf(MethodSymbol method) {
    if (byName == null) {
      Map<Name, List<MethodSymbol>> index = new HashMap<>();
      for (MethodSymbol candidate : bodies.keySet()) {
        if (!candidate.isConstructor() && !candidate.isStatic()) {
          index.computeIfAbsent(candidate.getSimpleName(), k -> new ArrayList<>()).add(candidate);
        }
      }
      byName = index;
    }
    return overriders.computeIfAbsent(
        method,
        m -> {
          List<MethodSymbol> found = new ArrayList<>();
          for (MethodSymbol candidate : byName.getOrDefault(m.getSimpleName(), List.of())) {
            if (candidate != m
                && candidate.owner instanceof ClassSymbol owner
                && owner.isSubClass(m.owner, types)
                && candidate.overrides(m, owner, types, true)) {
              found.add(candidate);
            }
          }
          return found;
        });
  }
}
