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
    long id,
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
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        instant(row[5]),
        ((Number) row[6]).longValue(),
        ((Number) row[7]).intValue(),
        json(row[8]),
        json(row[9]),
        (String) row[10]);
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
