package dev.pao.catalog.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Form data trees, as templates read them in {@code .current}: fields at the top, group fields
 * nested under their group id. Also how a bundle component's {@code .current} is built: its item's
 * defaults, overlaid by the values the bundle fixes for the component, overlaid by the bundle's
 * form data.
 */
public final class FormData {
  private FormData() {}

  /** A bundle component's {@code .current} before the bundle's form data is laid over it. */
  public static Map<String, Object> componentBase(CatalogDocument item, Object fixedValues) {
    Map<String, Object> base = new LinkedHashMap<>();
    Map<String, Object> form = ReadOnly.mapAt(item.spec(), "form");
    for (Object field : ReadOnly.listAt(form, "fields")) {
      putDefault(base, null, field);
    }
    for (Object raw : ReadOnly.listAt(form, "groups")) {
      if (raw instanceof Map<?, ?> group) {
        for (Object field : group.get("fields") instanceof List<?> list ? list : List.of()) {
          putDefault(base, String.valueOf(group.get("id")), field);
        }
      }
    }
    return fixedValues instanceof Map<?, ?> fixed ? overlay(base, fixed) : base;
  }

  /**
   * {@code base} with every value of {@code top} laid over it; groups are merged field by field.
   */
  public static Map<String, Object> overlay(Map<?, ?> base, Map<?, ?> top) {
    Map<String, Object> merged = copy(base);
    top.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          if (value instanceof Map<?, ?> group && merged.get(name) instanceof Map<?, ?> under) {
            merged.put(name, overlay(under, group));
          } else {
            merged.put(name, value);
          }
        });
    return merged;
  }

  /** The values of a form data tree by dotted field path ({@code network.vpc}). */
  public static Map<String, Object> flatten(Object values) {
    Map<String, Object> flat = new LinkedHashMap<>();
    if (values instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if (value instanceof Map<?, ?> group) {
              group.forEach((inner, innerValue) -> flat.put(key + "." + inner, innerValue));
            } else {
              flat.put(String.valueOf(key), value);
            }
          });
    }
    return flat;
  }

  private static void putDefault(Map<String, Object> base, String group, Object raw) {
    if (!(raw instanceof Map<?, ?> field) || field.get("default") == null) {
      return;
    }
    String id = String.valueOf(field.get("id"));
    if (group == null) {
      base.put(id, field.get("default"));
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> inner =
          (Map<String, Object>) base.computeIfAbsent(group, g -> new LinkedHashMap<>());
      inner.put(id, field.get("default"));
    }
  }

  private static Map<String, Object> copy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }
}
