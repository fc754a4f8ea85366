package dev.pao.shared.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The Flyway set-up of the schema: the migrations of {@code db/} ({@code classpath:db/migration})
 * plus any extra locations (test-only tables such as {@code classpath:db/probe}).
 *
 * <p>A migration recorded as applied but found in no location fails the start, except the versions
 * of {@link #MOVED_OUT}: they were applied from {@code db/} by earlier builds and now live in a
 * test-only location, so databases that ran them stay valid without it.
 */
final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  /** 4: {@code queue_probe_deliveries}, now in {@code classpath:db/probe}. */
  static final Set<String> MOVED_OUT = Set.of("4");

  private Migrations() {}

  static Flyway flyway(
      ClassLoader classLoader, DataSource dataSource, String applicationRole, List<String> extra) {
    List<String> locations = new ArrayList<>();
    locations.add(LOCATION);
    locations.addAll(extra);
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .callbackLocations(LOCATION)
        .placeholders(Map.of("app_role", applicationRole))
        .ignoreMigrationPatterns("*:future", "versioned:missing")
        .load();
  }

  /** {@code " a, b ,"} as {@code [a, b]}. */
  static List<String> locations(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(location -> !location.isEmpty())
        .toList();
  }

  /** Refuses applied migrations that no location has, other than those {@link #MOVED_OUT}. */
  static void requireNoneMissing(Flyway flyway) {
    String missing =
        Arrays.stream(flyway.info().all())
            .filter(Migrations::missing)
            .filter(info -> !MOVED_OUT.contains(info.getVersion().getVersion()))
            .map(info -> info.getVersion() + " (" + info.getDescription() + ")")
            .collect(Collectors.joining(", "));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Applied migrations not found in any location: " + missing);
    }
  }

  private static boolean missing(MigrationInfo info) {
    return info.getVersion() != null
        && (info.getState() == MigrationState.MISSING_SUCCESS
            || info.getState() == MigrationState.MISSING_FAILED);
  }
}
