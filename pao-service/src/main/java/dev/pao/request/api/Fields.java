package dev.pao.request.api;

import dev.pao.shared.json.JsonCodec;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sparse fieldsets: {@code ?fields=id,status} keeps only those properties of each list entry. */
final class Fields {
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false));

  private Fields() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> select(List<?> items, String fields) {
    Set<String> wanted =
        fields == null || fields.isBlank() ? null : Set.of(fields.replace(" ", "").split(","));
    return items.stream()
        .map(item -> (Map<String, Object>) JsonCodec.parse(JSONB.toJson(item)))
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
