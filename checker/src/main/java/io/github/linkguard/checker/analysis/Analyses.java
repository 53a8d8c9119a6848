package io.github.linkguard.checker.analysis;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The analyses derived from one finished {@link CompilationModel}, each made on first use from the model and the
 * analyses it needs, in dependency order: {@link PathFacts} (what holds on every path to a point), {@link
 * MethodEffects} (what a call of a compilation method closes, opens or creates), {@link Conditions} (what the
 * conditions at a point establish) and {@link Retries} (retry constructs, and whether they close between attempts).
 * None of them knows this holder or another one made after it, so the model and its analyses form no cycle; the rules
 * get their analyses from here.
 */
final class Analyses {
  private final CompilationModel model;
  private @Nullable PathFacts pathFacts;
  private @Nullable MethodEffects effects;
  private @Nullable Conditions conditions;
  private @Nullable Retries retries;

  Analyses(CompilationModel model) {
    this.model = model;
  }

  CompilationModel model() {
    return model;
  }

  PathFacts pathFacts() {
    if (pathFacts == null) {
      // The facts count what calls of compilation methods close and create, and those effects are read off the facts:
      // the path facts get the view, made here, and the effects are made on the first call that asks.
      pathFacts =
          new PathFacts(
              model,
              new CallEffects() {
                @Override
                public Set<ClientRef> closedByCall(MethodInvocationTree call) {
                  return effects().closedByCall(call);
                }

                @Override
                public Set<ClientRef> createdByCall(MethodInvocationTree call) {
                  return effects().createdByCall(call);
                }

                @Override
                public Set<ClientRef> createdByConstruction(NewClassTree creation) {
                  return effects().createdByConstruction(creation);
                }

                @Override
                public Set<ClientRef> createdInReturnedObject(MethodInvocationTree call) {
                  return effects().createdInReturnedObject(call);
                }
              });
    }
    return pathFacts;
  }

  MethodEffects effects() {
    if (effects == null) {
      effects = new MethodEffects(model, pathFacts());
    }
    return effects;
  }

  Conditions conditions() {
    if (conditions == null) {
      conditions = new Conditions(model, pathFacts());
    }
    return conditions;
  }

  Retries retries() {
    if (retries == null) {
      retries = new Retries(model, pathFacts(), conditions(), effects());
    }
    return retries;
  }
}
