package dev.pao.catalog.preview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run order of a validated bundle's components: dependency order, ties keeping the written
 * order; anything left over is appended as written.
 */
public final class ComponentOrder {
  private ComponentOrder() {}

  /** The components of {@code components} (a bundle's {@code spec.components}) in run order. */
  public static List<Map<?, ?>> of(List<?> components) {
    List<Map<?, ?>> pending = new ArrayList<>();
    components.forEach(component -> pending.add((Map<?, ?>) component));
    List<Map<?, ?>> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (Map<?, ?> component : pending) {
        List<?> dependsOn = component.get("dependsOn") instanceof List<?> list ? list : List.of();
        if (dependsOn.stream().allMatch(dependency -> done.contains(String.valueOf(dependency)))) {
          ordered.add(component);
          done.add(String.valueOf(component.get("id")));
          pending.remove(component);
          progress = true;
          break;
        }
      }
    }
    ordered.addAll(pending);
    return ordered;
  }
}
