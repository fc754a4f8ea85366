package dev.pao.catalog.validation;

import dev.pao.catalog.document.CatalogDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic rules of a bundle: component ids unique, every component names a known item, every
 * dependency names another component, no dependency cycle, and every field of each component's item
 * that is required or read by its templates gets a value (see {@link ComponentValues}).
 */
final class BundleRules {
  private BundleRules() {}

  static void check(
      Map<String, Object> spec,
      Set<String> bundleFieldPaths,
      Map<String, CatalogDocument> knownItems,
      List<Problem> problems) {
    List<?> components = spec.get("components") instanceof List<?> list ? list : List.of();
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < components.size(); i++) {
      if (!(components.get(i) instanceof Map<?, ?> component)) {
        continue;
      }
      String at = "spec.components[" + i + "]";
      String id = String.valueOf(component.get("id"));
      if (index.putIfAbsent(id, i) != null) {
        problems.add(Problem.at(at + ".id", "duplicate component id '" + id + "'"));
        continue;
      }
      List<String> dependsOn = new ArrayList<>();
      if (component.get("dependsOn") instanceof List<?> names) {
        names.forEach(name -> dependsOn.add(String.valueOf(name)));
      }
      dependencies.put(id, dependsOn);
      String itemId = String.valueOf(component.get("item"));
      CatalogDocument item = knownItems.get(itemId);
      if (item == null) {
        problems.add(Problem.at(at + ".item", "unknown catalog item '" + itemId + "'"));
        continue;
      }
      ComponentValues.check(at, id, component, item, bundleFieldPaths, problems);
    }
    dependencies.forEach(
        (id, dependsOn) -> {
          int i = index.get(id);
          for (int d = 0; d < dependsOn.size(); d++) {
            String target = dependsOn.get(d);
            if (!dependencies.containsKey(target) || target.equals(id)) {
              problems.add(
                  Problem.at(
                      "spec.components[" + i + "].dependsOn[" + d + "]",
                      target.equals(id)
                          ? "a component cannot depend on itself"
                          : "unknown component '" + target + "'"));
            }
          }
        });
    findCycle(dependencies)
        .ifPresent(
            cycle ->
                problems.add(
                    Problem.at(
                        "spec.components[" + index.get(cycle.get(0)) + "].dependsOn",
                        "dependency cycle: " + String.join(" -> ", cycle))));
  }

  private static java.util.Optional<List<String>> findCycle(Map<String, List<String>> graph) {
    Set<String> done = new HashSet<>();
    for (String start : graph.keySet()) {
      List<String> path = new ArrayList<>();
      java.util.Optional<List<String>> cycle = visit(start, graph, done, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<List<String>> visit(
      String node, Map<String, List<String>> graph, Set<String> done, List<String> path) {
    int seen = path.indexOf(node);
    if (seen >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
      cycle.add(node);
      return java.util.Optional.of(cycle);
    }
    if (done.contains(node) || !graph.containsKey(node)) {
      return java.util.Optional.empty();
    }
    path.add(node);
    for (String next : graph.get(node)) {
      java.util.Optional<List<String>> cycle = visit(next, graph, done, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return java.util.Optional.empty();
  }
}
