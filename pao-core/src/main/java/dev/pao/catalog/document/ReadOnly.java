package dev.pao.catalog.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep read-only copies of document trees (maps and lists of scalars). */
public final class ReadOnly {
  private ReadOnly() {}

  /** A deep, read-only copy of {@code map} that keeps key order. */
  public static Map<String, Object> map(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value(value)));
    return Collections.unmodifiableMap(copy);
  }

  /** A deep, read-only copy of a tree value. */
  @SuppressWarnings("unchecked")
  public static Object value(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map((Map<String, ?>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(value(element)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** The map under {@code key}, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mapAt(Map<String, ?> map, String key) {
    return map.get(key) instanceof Map<?, ?> inner ? (Map<String, Object>) inner : Map.of();
  }

  /** The list under {@code key}, or an empty list. */
  public static List<?> listAt(Map<String, ?> map, String key) {
    return map.get(key) instanceof List<?> inner ? inner : List.of();
  }

  static Map<String, Object> withMetadata(
      Map<String, Object> definition, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(definition);
    Map<String, Object> metadata = new LinkedHashMap<>(mapAt(definition, "metadata"));
    metadata.put(key, value);
    copy.put("metadata", metadata);
    return map(copy);
  }
}
