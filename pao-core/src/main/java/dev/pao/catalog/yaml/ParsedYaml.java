package dev.pao.catalog.yaml;

import java.util.Map;

/**
 * A parsed document: the tree (maps, lists, strings, numbers, booleans, nulls) and the position of
 * every value by its path ({@code spec.form.fields[0].id}).
 */
public record ParsedYaml(Object tree, Map<String, Position> positions) {

  /** The position of {@code path}, or of its nearest ancestor that has one. */
  public Position positionOf(String path) {
    String current = path == null ? "" : path;
    while (!current.isEmpty()) {
      Position position = positions.get(current);
      if (position != null) {
        return position;
      }
      current = parent(current);
    }
    return positions.getOrDefault("", Position.START);
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
