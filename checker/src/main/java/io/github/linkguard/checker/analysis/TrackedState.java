package io.github.linkguard.checker.analysis;

import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.linkguard.checker.analysis.CompilationModel.FieldWrite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The state the status callback keeps the app's own model in: boolean, AtomicBoolean/AtomicReference and enum fields
 * written in the status callback region ({@link Regions#statusRegion}), with those writes; and which
 * IotHubConnectionStatus field a fix can test for a given client.
 *
 * <p>Cost: the tracked fields are found once, in one pass over the w field writes, O(w); the status fields by client
 * once, over the writes and the synchronous reach of each registered status callback; a lookup is then a map access
 * (for {@link #trackedStatusField}, plus the status fields of one client and of the compilation).
 */
final class TrackedState {
  private final IotHubSdk sdk;
  private final FieldWrites writes;
  private final Regions regions;
  private final Collection<Body> bodies;
  private @Nullable Map<VarSymbol, List<FieldWrite>> trackedFields;
  private @Nullable Map<ClientRef, Set<VarSymbol>> statusFieldsByClient;
  private @Nullable Set<VarSymbol> trackedStatusFields;

  TrackedState(IotHubSdk sdk, FieldWrites writes, Regions regions, Collection<Body> bodies) {
    this.sdk = sdk;
    this.writes = writes;
    this.regions = regions;
    this.bodies = bodies;
  }

  private Map<VarSymbol, List<FieldWrite>> trackedFields() {
    if (trackedFields == null) {
      Map<VarSymbol, List<FieldWrite>> tracked = new LinkedHashMap<>();
      Set<Body> region = regions.statusRegion();
      for (FieldWrite write : writes.all()) {
        if (region.contains(write.body()) && isStateType(write.field().type)) {
          tracked.computeIfAbsent(write.field(), k -> new ArrayList<>()).add(write);
        }
      }
      trackedFields = tracked;
    }
    return trackedFields;
  }

  private boolean isStateType(@Nullable Type type) {
    if (type == null) {
      return false;
    }
    return type.getKind() == TypeKind.BOOLEAN
        || sdk.isSubtypeOf(type, "java.lang.Boolean")
        || FieldWrites.isAtomicHolder(type, sdk)
        || (type.tsym != null && type.tsym.getKind() == ElementKind.ENUM);
  }

  boolean isTracked(VarSymbol field) {
    return trackedFields().containsKey(field);
  }

  /** The writes of a tracked field in the status callback region, in scan order; none for other fields. */
  List<FieldWrite> trackedWrites(VarSymbol field) {
    return trackedFields().getOrDefault(field, List.of());
  }

  /**
   * The IotHubConnectionStatus field that the status callback of {@code client} assigns, for fixes: the one written
   * by a callback registered on that client, or the only such field of the class; null when it is ambiguous. Only
   * fields of {@code topLevel} (the class the fix goes into) are candidates.
   */
  @Nullable VarSymbol trackedStatusField(@Nullable ClientRef client, ClassSymbol topLevel) {
    if (statusFieldsByClient == null) {
      indexStatusFields();
    }
    Set<VarSymbol> ofThisClient = new LinkedHashSet<>();
    if (client != null) {
      for (VarSymbol field : statusFieldsByClient.getOrDefault(client, Set.of())) {
        if (topLevel.equals(VisibleClasses.topLevelClass(field))) {
          ofThisClient.add(field);
        }
      }
    }
    if (ofThisClient.size() == 1) {
      return ofThisClient.iterator().next();
    }
    VarSymbol only = null;
    for (VarSymbol field : trackedStatusFields) {
      if (topLevel.equals(VisibleClasses.topLevelClass(field))) {
        if (only != null) {
          return null;
        }
        only = field;
      }
    }
    return ofThisClient.isEmpty() ? only : null;
  }

  private void indexStatusFields() {
    statusFieldsByClient = new HashMap<>();
    trackedStatusFields = new LinkedHashSet<>();
    Map<Body, List<VarSymbol>> statusWritesByBody = new HashMap<>();
    for (var entry : trackedFields().entrySet()) {
      VarSymbol field = entry.getKey();
      if (sdk.isStatusType(field.type)) {
        trackedStatusFields.add(field);
        for (FieldWrite write : entry.getValue()) {
          statusWritesByBody.computeIfAbsent(write.body(), k -> new ArrayList<>()).add(field);
        }
      }
    }
    for (Body callback : bodies) {
      if (callback.root() != Body.Root.STATUS_CALLBACK || callback.callbackClients().isEmpty()) {
        continue;
      }
      for (Body reached : regions.syncReachable(callback)) {
        for (VarSymbol field : statusWritesByBody.getOrDefault(reached, List.of())) {
          for (ClientRef registeredOn : callback.callbackClients()) {
            statusFieldsByClient.computeIfAbsent(registeredOn, k -> new LinkedHashSet<>()).add(field);
          }
        }
      }
    }
  }
}
