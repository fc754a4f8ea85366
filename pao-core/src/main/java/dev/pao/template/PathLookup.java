package dev.pao.template;

import java.util.List;
import java.util.Map;

/**
 * Finds the value at a path in a namespace tree by walking nested maps. Nothing but map lookups
 * happens: no list indexing, no method calls, no reflection; a path that leaves the maps, or
 * reaches a value of a type the engine does not read, is missing.
 */
final class PathLookup {

  private PathLookup() {}

  /** The value at {@code path}, or null when it is missing. */
  static Object find(Map<String, ?> root, List<String> path) {
    Object node = root;
    for (String name : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = get(map, name);
      if (node == null) {
        return null;
      }
    }
    return ValueText.isSupported(node) ? node : null;
  }

  private static Object get(Map<?, ?> map, String key) {
    try {
      return map.get(key);
    } catch (ClassCastException | NullPointerException unsupportedKey) {
      return null;
    }
  }
}
