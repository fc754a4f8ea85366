package dev.pao.request.api;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorDetail;
import dev.pao.shared.json.JsonCodec;
import dev.pao.shared.json.Jsons;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Sparse fieldsets: {@code ?fields=id,status} keeps only those properties of each list entry. */
final class Fields {

  private static final Map<Class<?>, List<String>> KNOWN = new ConcurrentHashMap<>();

  private Fields() {}

  private static List<String> wireNames(Class<?> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(component -> component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2"))
        .map(String::toLowerCase)
        .toList();
  }

  /**
   * The entries as JSON objects with only the wanted properties of {@code type} (a record).
   *
   * @throws ApiException {@code VALIDATION_ERROR} naming an unknown field and the known ones
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> select(List<?> items, String fields, Class<?> type) {
    Set<String> wanted = wanted(fields, type);
    return items.stream()
        .map(item -> (Map<String, Object>) JsonCodec.parse(Jsons.API.toJson(item)))
        .map(
            map -> {
              if (wanted == null) {
                return map;
              }
              Map<String, Object> kept = new LinkedHashMap<>();
              map.forEach(
                  (key, value) -> {
                    if (wanted.contains(key)) {
                      kept.put(key, value);
                    }
                  });
              return kept;
            })
        .toList();
  }

  /**
   * The wire names {@code fields} asks for, or null for all.
   *
   * @throws ApiException {@code VALIDATION_ERROR} naming an unknown field and the known ones
   */
  static Set<String> wanted(String fields, Class<?> type) {
    Set<String> wanted =
        fields == null || fields.isBlank()
            ? null
            : Set.copyOf(Arrays.asList(fields.replace(" ", "").split(",")));
    if (wanted != null && type.isRecord()) {
      List<String> known = KNOWN.computeIfAbsent(type, Fields::wireNames);
      for (String field : new TreeSet<>(wanted)) {
        if (!known.contains(field)) {
          throw ApiException.validation(
              "Unknown field in fields",
              List.of(
                  new ErrorDetail(
                      "fields",
                      "unknown field '" + field + "'; known: " + String.join(", ", known))));
        }
      }
    }
    return wanted;
  }
}
