package dev.pao.it.probes;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Adds the probes' table ({@code classpath:db/probe}) to the migrations the service applies at
 * start-up, wherever the probes are deployed. An environment variable {@code
 * PAO_DB_EXTRA_MIGRATION_LOCATIONS} still wins (higher ordinal).
 */
public class ProbeMigrations implements ConfigSource {
  static final String KEY = "pao.db.extra-migration-locations";
  static final String LOCATION = "classpath:db/probe";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public String getValue(String propertyName) {
    return KEY.equals(propertyName) ? LOCATION : null;
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(KEY, LOCATION);
  }

  @Override
  public String getName() {
    return "pao-it-probes";
  }

  @Override
  public int getOrdinal() {
    return 150;
  }
}
