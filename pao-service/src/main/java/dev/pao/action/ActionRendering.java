package dev.pao.action;

import dev.pao.catalog.preview.ActionEscaping;
import dev.pao.template.Namespaces;
import dev.pao.template.ResolvedReference;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TreeRendering;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders an action's templates for the place each value lands ({@link ActionEscaping}, the same
 * choice as the catalog preview: URL, JSON or YAML by target, plain text elsewhere). Keys that are
 * not templates ({@code id}, {@code type}, {@code outputs}, {@code timeoutSeconds}, and {@code
 * auth}, so a form value can never choose the secret) stay as written. Gives the real spec (for the
 * executor) and a masked one (for logs and previews).
 */
public final class ActionRendering {
  private static final Set<String> LITERAL_KEYS =
      Set.of("id", "type", "outputs", "timeoutSeconds", "auth");

  private final TemplateEngine engine;

  public ActionRendering(TemplateEngine engine) {
    this.engine = engine;
  }

  /** A rendered action: real values, masked values, and what each reference resolved to. */
  public record Rendered(
      Map<String, Object> spec, Map<String, Object> masked, List<ResolvedReference> references) {
    public Rendered {
      spec = Collections.unmodifiableMap(spec);
      masked = Collections.unmodifiableMap(masked);
      references = List.copyOf(references);
    }

    /**
     * The dotted paths of the leaves ({@code variables.dbPassword}, {@code url}) whose value holds
     * a sensitive insertion: where the masked copy differs from the real one.
     */
    public Set<String> sensitivePaths() {
      Set<String> paths = new LinkedHashSet<>();
      spec.forEach((key, value) -> collect(key, value, masked.get(key), paths));
      return paths;
    }

    private static void collect(String path, Object real, Object shown, Set<String> paths) {
      if (real instanceof Map<?, ?> map && shown instanceof Map<?, ?> maskedMap) {
        map.forEach((key, value) -> collect(path + "." + key, value, maskedMap.get(key), paths));
      } else if (real instanceof List<?> list && shown instanceof List<?> maskedList) {
        for (int i = 0; i < list.size() && i < maskedList.size(); i++) {
          collect(path + "[" + i + "]", list.get(i), maskedList.get(i), paths);
        }
      } else if (!Objects.equals(real, shown)) {
        paths.add(path);
      }
    }
  }

  public Rendered render(String type, Map<String, Object> action, Namespaces namespaces) {
    Map<String, Object> spec = new LinkedHashMap<>();
    Map<String, Object> masked = new LinkedHashMap<>();
    List<ResolvedReference> references = new ArrayList<>();
    for (Map.Entry<String, Object> entry : action.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (LITERAL_KEYS.contains(key) || value == null) {
        spec.put(key, value);
        masked.put(key, value);
        continue;
      }
      TreeRendering rendering =
          engine.renderTree(value, namespaces, ActionEscaping.of(type, key, value, action));
      spec.put(key, rendering.value());
      masked.put(key, rendering.maskedValue());
      references.addAll(rendering.references());
    }
    return new Rendered(spec, masked, references);
  }
}
