package dev.pao.request.application;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.FormData;
import dev.pao.catalog.validation.FormFields;
import dev.pao.request.domain.RequestAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a catalog item or bundle into the actions a request runs. Bundle components run one at a
 * time in dependency order (ties keep the written order); each action remembers the actions of the
 * components its own component depends on, so their tickets can be linked.
 */
public final class RequestPlanner {
  private RequestPlanner() {}

  public static RequestPlan plan(CatalogDocument requested, CatalogSnapshot catalog) {
    List<Component> components = components(requested, catalog);
    List<RequestPlan.PlannedAction> actions = new ArrayList<>();
    Map<String, List<Integer>> actionsOfComponent = new LinkedHashMap<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    Map<String, Object> componentValues = new LinkedHashMap<>();
    metadata.put(requested.id(), metadataOf(requested));
    for (Component component : components) {
      metadata.put(component.item().id(), metadataOf(component.item()));
      if (component.id() != null) {
        componentValues.put(
            component.id(), FormData.componentBase(component.item(), component.values()));
      }
      List<Integer> dependsOn = new ArrayList<>();
      for (String dependency : component.dependsOn()) {
        dependsOn.addAll(actionsOfComponent.getOrDefault(dependency, List.of()));
      }
      List<Integer> own = new ArrayList<>();
      for (Object action : list(fulfillment(component.item()).get("actions"))) {
        if (action instanceof Map<?, ?> spec) {
          own.add(actions.size());
          actions.add(
              new RequestPlan.PlannedAction(
                  new RequestAction.Step(
                      component.id(),
                      component.item().id(),
                      String.valueOf(spec.get("id")),
                      String.valueOf(spec.get("type"))),
                  copy(spec),
                  dependsOn));
        }
      }
      actionsOfComponent.put(component.id(), own);
    }
    List<String> sensitive =
        FormDataValidator.sensitivePaths(FormFields.formOf(requested.definition()));
    return new RequestPlan(actions, metadata, sensitive, componentValues);
  }

  private record Component(
      String id, CatalogDocument item, List<String> dependsOn, Map<String, Object> values) {}

  private static List<Component> components(CatalogDocument requested, CatalogSnapshot catalog) {
    if (requested.kind() == DocumentKind.ITEM) {
      return List.of(new Component(null, requested, List.of(), Map.of()));
    }
    List<Component> written = new ArrayList<>();
    for (Object entry : list(requested.spec().get("components"))) {
      if (entry instanceof Map<?, ?> component) {
        String itemId = String.valueOf(component.get("item"));
        CatalogDocument item =
            catalog
                .item(itemId)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Bundle " + requested.id() + " names unknown item " + itemId));
        List<String> dependsOn = new ArrayList<>();
        list(component.get("dependsOn")).forEach(d -> dependsOn.add(String.valueOf(d)));
        Map<String, Object> values =
            component.get("values") instanceof Map<?, ?> fixed ? copy(fixed) : Map.of();
        written.add(new Component(String.valueOf(component.get("id")), item, dependsOn, values));
      }
    }
    return dependencyOrder(written);
  }

  /** Kahn's algorithm, always taking the first ready component in written order. */
  static List<Component> dependencyOrder(List<Component> written) {
    List<Component> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    List<Component> remaining = new ArrayList<>(written);
    while (!remaining.isEmpty()) {
      Component next =
          remaining.stream()
              .filter(c -> done.containsAll(c.dependsOn()))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("Bundle components form a cycle"));
      ordered.add(next);
      done.add(next.id());
      remaining.remove(next);
    }
    return ordered;
  }

  private static Map<String, Object> metadataOf(CatalogDocument document) {
    Map<String, Object> metadata = new LinkedHashMap<>(document.custom());
    metadata.put("id", document.id());
    putIfPresent(metadata, "name", document.name());
    putIfPresent(metadata, "version", document.version());
    putIfPresent(metadata, "description", document.description());
    putIfPresent(metadata, "category", document.category());
    putIfPresent(metadata, "owner", document.owner());
    metadata.put("tags", document.tags());
    return metadata;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static Map<String, Object> fulfillment(CatalogDocument item) {
    return item.spec().get("fulfillment") instanceof Map<?, ?> f ? copy(f) : Map.of();
  }

  private static Map<String, Object> copy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }
}
