package dev.pao.local;

import dev.pao.local.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PAO with everything it needs on this machine: a real PostgreSQL, an SQS-compatible broker and the
 * Liberty server with the application. What the caller already configured (an external database
 * with {@code PAO_DB_URL}, an external queue with {@code PAO_QUEUE_URL}) is used instead of the
 * embedded part. Closing it stops everything it started, server first.
 */
public final class LocalStack implements AutoCloseable {
  public static final String QUEUE_NAME = "pao-actions.fifo";
  public static final String DLQ_NAME = "pao-actions-dlq.fifo";

  private final Settings settings;
  private EmbeddedDatabase database;
  private EmbeddedBroker broker;
  private LibertyProcess server;
  private Sandbox sandbox;

  public LocalStack(Settings settings) {
    this.settings = settings;
  }

  /** Where to run and what is already provided from outside. */
  public record Settings(
      Path home,
      Path wlpDirectory,
      int httpPort,
      int databasePort,
      int brokerPort,
      boolean devMode,
      int sandboxPort,
      Map<String, String> external) {

    public Settings {
      external = Map.copyOf(external);
    }

    Optional<String> external(String name) {
      return Optional.ofNullable(external.get(name)).filter(value -> !value.isBlank());
    }
  }

  public void start() {
    try {
      if (settings.external("PAO_DB_URL").isEmpty()) {
        database =
            new EmbeddedDatabase(settings.home().resolve("postgres"), settings.databasePort());
        database.start();
      }
      if (settings.external("PAO_QUEUE_URL").isEmpty()) {
        broker = new EmbeddedBroker(settings.home().resolve("elasticmq"), settings.brokerPort());
        broker.start();
      }
      if (settings.sandboxPort() > 0) {
        sandbox = new Sandbox(settings.sandboxPort());
        sandbox.start();
      }
      server =
          new LibertyProcess(
              settings.wlpDirectory(),
              settings.home().resolve("liberty"),
              settings.httpPort(),
              serverEnvironment());
      server.start(Duration.ofMinutes(3));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The environment the server runs with: embedded defaults, then what was given from outside. */
  public Map<String, String> serverEnvironment() {
    Map<String, String> env = new HashMap<>();
    if (database != null) {
      env.put("PAO_DB_URL", database.jdbcUrl());
      env.put("PAO_DB_USER", EmbeddedDatabase.APP_ROLE);
      env.put("PAO_DB_PASSWORD", EmbeddedDatabase.APP_PASSWORD);
      env.put("PAO_DB_MIGRATION_USER", EmbeddedDatabase.OWNER);
      env.put("PAO_DB_MIGRATION_PASSWORD", EmbeddedDatabase.OWNER_PASSWORD);
    }
    if (broker != null) {
      env.put("PAO_SQS_ENDPOINT", broker.endpoint());
      env.put("PAO_SQS_REGION", "us-east-1");
      env.put("PAO_SQS_ACCESS_KEY_ID", "local");
      env.put("PAO_SQS_SECRET_ACCESS_KEY", "local");
      env.put("PAO_QUEUE_URL", broker.queueUrl(QUEUE_NAME));
      env.put("PAO_DLQ_URL", broker.queueUrl(DLQ_NAME));
      env.put("PAO_QUEUE_CREATE_MISSING", "true");
    }
    DevSigningKeys keys = DevSigningKeys.in(settings.home().resolve("dev-jwt"));
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString());
    env.put("MP_JWT_VERIFY_ISSUER", "pao-dev");
    // Sensitive form values are encrypted at rest with a key generated once per home.
    env.put("PAO_DATA_KEY", LocalDataKey.in(settings.home().resolve("data-key")));
    env.put("PAO_DATA_KEY_ID", LocalDataKey.ID);
    if (settings.devMode()) {
      env.put("PAO_DEV_MODE", "true");
      env.put("PAO_DEV_SIGNING_KEY", keys.privateKey().toAbsolutePath().toString());
    }
    if (sandbox != null) {
      env.putAll(sandbox.serviceEnvironment());
    }
    if (settings.external("PAO_CATALOG_REPO").isEmpty()) {
      sampleCatalog()
          .ifPresent(
              samples -> {
                Path repository =
                    CatalogSampleRepository.publish(
                        samples, settings.home().resolve("catalog-repo"));
                env.put("PAO_CATALOG_REPO", repository.toAbsolutePath().toString());
                env.put("PAO_CATALOG_BRANCH", CatalogSampleRepository.BRANCH);
              });
    }
    env.putAll(settings.external());
    return env;
  }

  /** The project's {@code catalog-samples/} (system property {@code pao.project.dir}), if known. */
  private static Optional<Path> sampleCatalog() {
    return Optional.ofNullable(System.getProperty("pao.project.dir"))
        .map(dir -> Path.of(dir).toAbsolutePath().normalize().resolve("catalog-samples"))
        .filter(java.nio.file.Files::isDirectory);
  }

  public EmbeddedDatabase database() {
    return database;
  }

  public EmbeddedBroker broker() {
    return broker;
  }

  /** The stand-in JIRA/GitHub/Terraform/REST targets, or {@code null} when not started. */
  public Sandbox sandbox() {
    return sandbox;
  }

  public LibertyProcess server() {
    return server;
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable part : new AutoCloseable[] {server, sandbox, broker, database}) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          if (failure == null) {
            failure = new IllegalStateException("Stopping the local stack failed", e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
