package dev.pao.shared.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An embedded PostgreSQL with the service's migrations applied, and EclipseLink (the server's JPA
 * provider) connected as the application's database role, for tests of the JPA adapters.
 */
public final class MigratedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final EntityManagerFactory factory;

  private MigratedDatabase(EmbeddedPostgres postgres, EntityManagerFactory factory) {
    this.postgres = postgres;
    this.factory = factory;
  }

  /** A new database, migrated. */
  public static MigratedDatabase start() {
    return start(Map.of());
  }

  /** The same, with further persistence-unit properties. */
  public static MigratedDatabase start(Map<String, String> jpaProperties) {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      try (Connection admin = postgres.getPostgresDatabase().getConnection();
          Statement sql = admin.createStatement()) {
        sql.execute("CREATE ROLE pao_app LOGIN PASSWORD 'app'");
      }
      Flyway.configure()
          .dataSource(postgres.getPostgresDatabase())
          .placeholders(Map.of("app_role", "pao_app"))
          .load()
          .migrate();
      Map<String, String> properties = new HashMap<>();
      properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
      properties.put("jakarta.persistence.jtaDataSource", "");
      properties.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
      properties.put(
          "jakarta.persistence.jdbc.url",
          postgres.getJdbcUrl("pao_app", "postgres") + "&stringtype=unspecified");
      properties.put("jakarta.persistence.jdbc.user", "pao_app");
      properties.put("jakarta.persistence.jdbc.password", "app");
      properties.putAll(jpaProperties);
      return new MigratedDatabase(
          postgres, Persistence.createEntityManagerFactory("pao", properties));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public EntityManagerFactory factory() {
    return factory;
  }

  /** The database as its owner (for raw SQL that the application role may not run). */
  public DataSource owner() {
    return postgres.getPostgresDatabase();
  }

  @Override
  public void close() throws IOException {
    factory.close();
    postgres.close();
  }
}
