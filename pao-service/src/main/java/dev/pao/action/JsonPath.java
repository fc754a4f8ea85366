package dev.pao.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSONPath subset an action's {@code outputs} use to read its result document: {@code $},
 * {@code .name}, {@code ['name']} and {@code [index]} (negative counts from the end), e.g. {@code
 * $.key}, {@code $.body.items[0].id}, {@code $.headers['x-request-id']}. Reading is data only: a
 * path that does not match yields no value.
 */
public final class JsonPath {
  private final String source;
  private final List<Object> steps;

  private JsonPath(String source, List<Object> steps) {
    this.source = source;
    this.steps = List.copyOf(steps);
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException naming the position of the first problem
   */
  public static JsonPath compile(String source) {
    if (source == null || !source.startsWith("$")) {
      throw new IllegalArgumentException("a JSONPath starts with '$'");
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != '.' && source.charAt(end) != '[') {
          end++;
        }
        String name = source.substring(i + 1, end);
        if (!name.matches("[A-Za-z0-9_-]+")) {
          throw new IllegalArgumentException("bad name at position " + (i + 1) + " of " + source);
        }
        steps.add(name);
        i = end;
      } else if (c == '[') {
        int end = source.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException(
              "unclosed '[' at position " + (i + 1) + " of " + source);
        }
        String inside = source.substring(i + 1, end).trim();
        if (inside.matches("-?\\d{1,9}")) {
          steps.add(Integer.parseInt(inside));
        } else if (inside.length() >= 2
            && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
            && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
          steps.add(inside.substring(1, inside.length() - 1));
        } else {
          throw new IllegalArgumentException(
              "expected an index or a quoted name at position " + (i + 2) + " of " + source);
        }
        i = end + 1;
      } else {
        throw new IllegalArgumentException(
            "unexpected '" + c + "' at position " + (i + 1) + " of " + source);
      }
    }
    return new JsonPath(source, steps);
  }

  /** The value at this path in {@code document}, if there is one. */
  public Optional<Object> read(Object document) {
    Object current = document;
    for (Object step : steps) {
      if (step instanceof String name && current instanceof Map<?, ?> map) {
        current = map.get(name);
      } else if (step instanceof Integer index && current instanceof List<?> list) {
        int position = index < 0 ? list.size() + index : index;
        current = position >= 0 && position < list.size() ? list.get(position) : null;
      } else {
        return Optional.empty();
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(current);
  }

  @Override
  public String toString() {
    return source;
  }
}
