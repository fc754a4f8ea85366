package dev.pao.health;

import dev.pao.shared.persistence.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers a query and the schema migrations have been applied. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements DetailedCheck {
  static final String NAME = "database";

  @Resource(lookup = "jdbc/pao")
  DataSource dataSource;

  @Inject SchemaMigrator migrator;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> problem() {
    // A real query (not Connection.isValid) so a dead pooled connection raises a stale-connection
    // error and the server purges the pool; the next check then connects afresh.
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      statement.execute("SELECT 1");
    } catch (SQLException e) {
      return Optional.of("database unreachable: " + e.getMessage());
    }
    if (!migrator.migrated()) {
      return Optional.of(String.valueOf(migrator.problem()));
    }
    return Optional.empty();
  }
}
