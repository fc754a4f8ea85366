package dev.pao.shared.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations of db/ against a real, empty PostgreSQL, as the service applies them. */
class SchemaMigrationTest {
  static EmbeddedPostgres postgres;
  private static MigrateResult firstRun;

  @BeforeAll
  static void migrateEmptyDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE ROLE pao_app LOGIN PASSWORD 'app'");
    }
    firstRun = flyway().migrate();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  static Flyway flyway() {
    return Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations("classpath:db/migration")
        .placeholders(Map.of("app_role", "pao_app"))
        .load();
  }

  static Connection asApplication() throws SQLException {
    return DriverManager.getConnection(
        postgres.getJdbcUrl("pao_app", "postgres") + "&stringtype=unspecified", "pao_app", "app");
  }

  @Test
  void createsEveryTableOnAnEmptyDatabase() throws SQLException {
    assertTrue(
        firstRun.migrationsExecuted >= 2, "migrations executed: " + firstRun.migrationsExecuted);
    Set<String> tables = new HashSet<>();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema='public'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    assertTrue(
        tables.containsAll(
            Set.of(
                "requests",
                "request_actions",
                "outbox",
                "catalog_documents",
                "audit_events",
                "idempotency_keys")),
        "tables: " + tables);
  }

  @Test
  void runningAgainAppliesNothing() {
    assertEquals(0, flyway().migrate().migrationsExecuted);
  }

  @Test
  void applicationRoleCanAppendButNeverChangeAuditEvents() throws SQLException {
    try (Connection app = asApplication();
        Statement sql = app.createStatement()) {
      sql.execute(
          "INSERT INTO audit_events (event_type, actor, actor_type, payload)"
              + " VALUES ('test', 'someone@example.com', 'user', '{\"k\": 1}')");
      SQLException update =
          assertThrows(SQLException.class, () -> sql.execute("UPDATE audit_events SET reason='x'"));
      assertEquals("42501", update.getSQLState(), update.getMessage());
      SQLException delete =
          assertThrows(SQLException.class, () -> sql.execute("DELETE FROM audit_events"));
      assertEquals("42501", delete.getSQLState(), delete.getMessage());
    }
  }

  @Test
  void evenTheSchemaOwnerCannotRewriteAuditEvents() throws SQLException {
    try (Connection owner = postgres.getPostgresDatabase().getConnection();
        Statement sql = owner.createStatement()) {
      sql.execute(
          "INSERT INTO audit_events (event_type, actor, actor_type) VALUES ('t', 'system', 'system')");
      SQLException update =
          assertThrows(SQLException.class, () -> sql.execute("UPDATE audit_events SET reason='x'"));
      assertTrue(update.getMessage().contains("append-only"), update.getMessage());
      assertThrows(SQLException.class, () -> sql.execute("TRUNCATE audit_events"));
    }
  }

  @Test
  void keepsTheLastTenVersionsOfACatalogDocument() throws SQLException {
    try (Connection app = asApplication();
        Statement sql = app.createStatement()) {
      for (int i = 1; i <= 12; i++) {
        sql.execute(
            "INSERT INTO catalog_documents (document_id, kind, version, git_sha, path, definition,"
                + " synced_at) VALUES ('retention-item', 'CatalogItem', '1.0."
                + i
                + "', 'sha"
                + i
                + "', 'catalog/x/retention-item.yaml', '{}', now() + interval '"
                + i
                + " seconds')");
      }
      try (ResultSet kept =
          sql.executeQuery(
              "SELECT count(*), string_agg(git_sha, ',' ORDER BY synced_at)"
                  + " FROM catalog_documents WHERE document_id = 'retention-item'")) {
        kept.next();
        assertEquals(10, kept.getInt(1));
        assertEquals("sha3,sha4,sha5,sha6,sha7,sha8,sha9,sha10,sha11,sha12", kept.getString(2));
      }
    }
  }
}
