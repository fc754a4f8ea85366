package dev.pao.shared.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL migrations of {@code db/} (and of the locations in {@code
 * pao.db.extra-migration-locations}, see {@link Migrations}) at start-up, as the schema owner
 * ({@code jdbc/paoMigration}). If the database cannot be reached, start-up goes on, readiness
 * reports the schema as not migrated, and the migration is tried again every few seconds.
 */
@ApplicationScoped
public class SchemaMigrator {
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = "jdbc/paoMigration")
  DataSource migrationDataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "pao.db.user", defaultValue = "pao")
  String applicationRole;

  @Inject
  @ConfigProperty(name = "pao.db.migration-retry-seconds", defaultValue = "5")
  long retrySeconds;

  /** Comma-separated Flyway locations applied after {@code db/}, for test-only tables. */
  @Inject
  @ConfigProperty(name = "pao.db.extra-migration-locations")
  Optional<String> extraLocations;

  private volatile String problem = "not yet migrated";

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!migrate()) {
      scheduler.schedule(this::retry, retrySeconds, TimeUnit.SECONDS);
    }
  }

  private void retry() {
    if (!migrate()) {
      scheduler.schedule(this::retry, retrySeconds, TimeUnit.SECONDS);
    }
  }

  /** Runs the pending migrations; true when the schema is current. */
  synchronized boolean migrate() {
    if (migrated()) {
      return true;
    }
    try {
      Flyway flyway =
          Migrations.flyway(
              SchemaMigrator.class.getClassLoader(),
              migrationDataSource,
              applicationRole,
              Migrations.locations(extraLocations.orElse("")));
      Migrations.requireNoneMissing(flyway);
      MigrateResult result = flyway.migrate();
      LOG.info(
          () ->
              "Database schema is at version "
                  + result.targetSchemaVersion
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied now)");
      problem = null;
      return true;
    } catch (RuntimeException e) {
      problem = "schema migration failed: " + rootMessage(e);
      LOG.log(
          Level.SEVERE,
          "Database schema migration failed; retrying in "
              + retrySeconds
              + " s: "
              + rootMessage(e));
      return false;
    }
  }

  /** Whether the schema has been brought to the current version. */
  public boolean migrated() {
    return problem == null;
  }

  /** Why the schema is not current, or {@code null}. */
  public String problem() {
    return problem;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
