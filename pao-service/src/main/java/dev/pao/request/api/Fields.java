package dev.pao.request.api;

import dev.pao.shared.json.JsonCodec;
import dev.pao.shared.json.Jsons;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sparse fieldsets: {@code ?fields=id,status} keeps only those properties of each list entry. */
final class Fields {

  private Fields() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> select(List<?> items, String fields) {
    Set<String> wanted =
        fields == null || fields.isBlank() ? null : Set.of(fields.replace(" ", "").split(","));
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
}
