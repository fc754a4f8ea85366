package dev.pao.shared.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service's Flyway set-up: extra locations, and migrations moved out of db/. */
class MigrationsTest {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    run(postgres.getPostgresDatabase(), "CREATE ROLE pao_app LOGIN PASSWORD 'app'");
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static DataSource freshDatabase(String name) throws SQLException {
    run(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
    return postgres.getDatabase("postgres", name);
  }

  private static void run(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        var rows = connection.getMetaData().getTables(null, "public", table, null)) {
      return rows.next();
    }
  }

  private static Flyway flyway(DataSource dataSource, List<String> extra) {
    return Migrations.flyway(MigrationsTest.class.getClassLoader(), dataSource, "pao_app", extra);
  }

  /** A history row as if {@code version} had been applied from a script no location has now. */
  private static void recordApplied(DataSource dataSource, String version) throws SQLException {
    run(
        dataSource,
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES ((SELECT max(installed_rank)"
            + " + 1 FROM flyway_schema_history), '"
            + version
            + "', 'gone', 'SQL', 'V"
            + version
            + "__gone.sql', 1, 'test', 1, true)");
  }

  @Test
  void theServiceSchemaHasNoProbeTable() throws SQLException {
    DataSource database = freshDatabase("plain");
    Flyway flyway = flyway(database, List.of());
    Migrations.requireNoneMissing(flyway);
    flyway.migrate();
    assertTrue(tableExists(database, "requests"));
    assertFalse(tableExists(database, "queue_probe_deliveries"));
  }

  @Test
  void extraLocationsAreAppliedWithTheServiceMigrations() throws SQLException {
    DataSource database = freshDatabase("extra");
    flyway(database, Migrations.locations(" classpath:db/extra-test ,")).migrate();
    assertTrue(tableExists(database, "requests"));
    assertTrue(tableExists(database, "extra_test_table"));
  }

  @Test
  void aDatabaseThatRanTheMovedOutMigrationStaysValid() throws SQLException {
    DataSource database = freshDatabase("moved");
    flyway(database, List.of()).migrate();
    recordApplied(database, "4");
    Flyway again = flyway(database, List.of());
    Migrations.requireNoneMissing(again);
    assertEquals(0, again.migrate().migrationsExecuted);
  }

  @Test
  void anyOtherAppliedMigrationMissingFromTheLocationsIsRefused() throws SQLException {
    DataSource database = freshDatabase("deleted");
    flyway(database, List.of()).migrate();
    recordApplied(database, "3.5");
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> Migrations.requireNoneMissing(flyway(database, List.of())));
    assertTrue(refused.getMessage().contains("3.5 (gone)"), refused.getMessage());
  }
}
