package dev.pao.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server for the local stack and the tests, kept durable (fsync and synchronous
 * commit on, data kept in {@code dataDirectory} between runs). It holds database {@code pao}, owned
 * by role {@code pao} (runs the migrations), and role {@code pao_app} (the application).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  public static final String DATABASE = "pao";
  public static final String OWNER = "pao";
  public static final String OWNER_PASSWORD = "pao";
  public static final String APP_ROLE = "pao_app";
  public static final String APP_PASSWORD = "pao_app";

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;

  public EmbeddedDatabase(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** Starts the server (initialising the data directory on first use) and prepares the roles. */
  public synchronized void start() {
    try {
      Files.createDirectories(dataDirectory);
      stopLeftover();
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "localhost")
              .setPGStartupWait(Duration.ofSeconds(30))
              // Stopped by close(), after the server that uses it: a JVM shutdown hook of its own
              // would stop it concurrently with Liberty on Ctrl-C.
              .setRegisterShutdownHook(false)
              .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
              .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
              .start();
      prepareRoles();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
    }
  }

  /** Stops the server; its data stays for the next start. */
  public synchronized void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        postgres = null;
      }
    }
  }

  public boolean running() {
    return postgres != null;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * A previous run that was killed (not stopped) leaves its server running on the data directory;
   * it is asked to shut down (fast mode, as on SIGINT) so this run can start.
   */
  private void stopLeftover() throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    if (!first.matches("\\d+")) {
      return;
    }
    ProcessHandle.of(Long.parseLong(first))
        .filter(handle -> handle.info().command().orElse("").contains("postgres"))
        .ifPresent(
            leftover -> {
              try {
                new ProcessBuilder("kill", "-INT", String.valueOf(leftover.pid()))
                    .start()
                    .waitFor();
                leftover.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException(
                    "PostgreSQL of an earlier run (pid " + leftover.pid() + ") did not stop", e);
              }
            });
  }

  private void prepareRoles() {
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      createRole(sql, OWNER, OWNER_PASSWORD);
      createRole(sql, APP_ROLE, APP_PASSWORD);
      try (ResultSet exists =
          sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!exists.next()) {
          sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the PAO database roles", e);
    }
    try (Connection admin = postgres.getDatabase("postgres", DATABASE).getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("ALTER SCHEMA public OWNER TO " + OWNER);
      sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the PAO schema", e);
    }
  }

  private static void createRole(Statement sql, String role, String password) throws SQLException {
    try (ResultSet exists =
        sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
      if (exists.next()) {
        return;
      }
    }
    sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
  }
}
