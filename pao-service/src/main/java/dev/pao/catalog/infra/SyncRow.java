package dev.pao.catalog.infra;

import dev.pao.shared.json.Jsons;
import java.lang.reflect.Type;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code catalog_syncs} row read by a native query (JSON columns selected as text, parsed here).
 */
record SyncRow(
    String commit,
    String branch,
    String trigger,
    String status,
    Instant startedAt,
    long durationMs,
    int documentsLoaded,
    Map<String, Object> served,
    Map<String, Object> rejected,
    String error) {
  private static final Type MAP =
      new LinkedHashMap<String, Object>() {
        private static final long serialVersionUID = 1L;
      }.getClass().getGenericSuperclass();

  static SyncRow of(Object[] row) {
    return new SyncRow(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        instant(row[4]),
        ((Number) row[5]).longValue(),
        ((Number) row[6]).intValue(),
        json(row[7]),
        json(row[8]),
        (String) row[9]);
  }

  static Map<String, Object> json(Object text) {
    return text == null ? Map.of() : Jsons.PLAIN.fromJson(text.toString(), MAP);
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    return Instant.parse(String.valueOf(value));
  }
}
