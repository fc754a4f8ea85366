package dev.pao.request.application;

import dev.pao.request.domain.Request;
import dev.pao.shared.crypto.DataKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sensitive values of one request (its sensitive form fields) and the secrets revealed to
 * executors, and a mask for any text or tree built from them: an executor's error message quotes
 * the rendered URL or body it sent, so before such text is stored ({@code status_reason}, the
 * attempt's error, the audit trail) or logged, every occurrence of a value, raw, URL-encoded or
 * JSON-escaped, becomes {@code ***}.
 */
final class SensitiveValues {
  /** Shorter values are not masked: they would garble every message without hiding anything. */
  private static final int SHORTEST = 3;

  private static final String MASK = "***";

  private final List<String> forms;

  private SensitiveValues(Set<String> values) {
    Set<String> forms = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && value.length() >= SHORTEST) {
        forms.add(value);
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.add(jsonEscaped(value));
      }
    }
    List<String> ordered = new ArrayList<>(forms);
    // Longest first, so a value containing another is masked whole.
    ordered.sort(Comparator.comparingInt(String::length).reversed());
    this.forms = List.copyOf(ordered);
  }

  static SensitiveValues of(Request request, Collection<String> secrets) {
    Set<String> values = new LinkedHashSet<>(secrets);
    // Values sealed at rest are masked in the form an executor may quote: opened.
    Map<String, Object> data =
        SealedFormData.open(DataKeys::cipher, request.id(), request.formData());
    for (String path : request.sensitivePaths()) {
      collect(valueAt(data, path), values);
    }
    return new SensitiveValues(values);
  }

  String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String form : forms) {
      masked = masked.replace(form, MASK);
    }
    return masked;
  }

  /** The same tree with every string masked. */
  Object maskTree(Object tree) {
    if (tree instanceof String text) {
      return mask(text);
    }
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> masked = new LinkedHashMap<>();
      map.forEach((key, value) -> masked.put(mask(String.valueOf(key)), maskTree(value)));
      return masked;
    }
    if (tree instanceof Collection<?> list) {
      return list.stream().map(this::maskTree).toList();
    }
    return tree;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> maskMap(Map<String, Object> map) {
    return (Map<String, Object>) maskTree(map);
  }

  private static Object valueAt(Map<String, Object> data, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return data.get(path);
    }
    return data.get(path.substring(0, dot)) instanceof Map<?, ?> group
        ? group.get(path.substring(dot + 1))
        : null;
  }

  private static void collect(Object value, Set<String> values) {
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(inner -> collect(inner, values));
    } else if (value instanceof Collection<?> list) {
      list.forEach(inner -> collect(inner, values));
    } else if (value != null) {
      values.add(String.valueOf(value));
    }
  }

  private static String jsonEscaped(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t");
  }
}
