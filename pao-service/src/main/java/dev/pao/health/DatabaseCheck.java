package dev.pao.health;

import dev.pao.shared.persistence.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers a query and the schema migrations have been applied. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {
  static final String NAME = "database";

  @Resource(lookup = "jdbc/pao")
  DataSource dataSource;

  @Inject SchemaMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    // A real query (not Connection.isValid) so a dead pooled connection raises a stale-connection
    // error and the server purges the pool; the next check then connects afresh.
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      statement.execute("SELECT 1");
    } catch (SQLException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("problem", "database unreachable: " + e.getMessage())
          .build();
    }
    if (!migrator.migrated()) {
      return HealthCheckResponse.named(NAME).down().withData("problem", migrator.problem()).build();
    }
    return HealthCheckResponse.named(NAME).up().build();
  }
}
