package dev.pao.it.chaos;

import static org.awaitility.Awaitility.await;

import dev.pao.it.Api;
import dev.pao.it.CatalogRepo;
import dev.pao.it.TestStack;
import dev.pao.local.CatalogSampleRepository;
import dev.pao.local.EmbeddedBroker;
import dev.pao.local.EmbeddedDatabase;
import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The chaos suite's own PAO, apart from the shared test stack: an embedded PostgreSQL and
 * ElasticMQ, two Liberty instances on them, a catalog repository of its own whose one item calls
 * the {@link EffectStub} twice, all on loopback. Queue timings are short (a crashed server's
 * message is back after 5 s) but keep six receives, as in production, with a transient back-off of
 * 2, 4, 8, 16, 16 s; the watchdog sweeps every 5 s and calls a request stuck after 120 s without
 * progress.
 */
final class ChaosStack implements AutoCloseable {
  static final String ITEM = "chaos-call";
  static final List<String> ACTIONS = List.of("create", "configure");
  static final String WEBHOOK_SECRET = "chaos-webhook-secret";
  private static final String ITEM_PATH = "catalog/testing/" + ITEM + ".yaml";

  private final Path home;
  private final EffectStub stub;
  private final EmbeddedDatabase database;
  private final EmbeddedBroker broker;
  private final CatalogRepo catalog;
  private final List<LibertyProcess> servers = new ArrayList<>();

  private ChaosStack(Path home, Duration stubLatency) {
    this.home = home;
    TestStack.deleteRecursively(home);
    stub = new EffectStub(stubLatency);
    database = new EmbeddedDatabase(home.resolve("postgres"), TestStack.freePort());
    broker = new EmbeddedBroker(home.resolve("elasticmq"), TestStack.freePort());
    catalog = publishCatalog(home, stub.port());
  }

  /** Starts everything with {@code instances} servers; stops what started if a part fails. */
  static ChaosStack start(int instances) {
    Path home =
        Path.of(System.getProperty("pao.it.home", "target/it-stack"))
            .toAbsolutePath()
            .resolveSibling("chaos-stack");
    ChaosStack stack = new ChaosStack(home, Duration.ofMillis(50));
    try {
      stack.database.start();
      stack.broker.start();
      Map<String, String> env = stack.environment();
      for (int i = 0; i < instances; i++) {
        Map<String, String> own = new HashMap<>(env);
        own.put("PAO_CATALOG_CACHE_DIR", home.resolve("catalog-cache-" + i).toString());
        stack.servers.add(
            new LibertyProcess(
                Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath(),
                home.resolve("liberty-" + i),
                TestStack.freePort(),
                own));
      }
      stack.servers.stream()
          .map(server -> CompletableFuture.runAsync(() -> server.start(Duration.ofMinutes(8))))
          .toList()
          .forEach(CompletableFuture::join);
      stack.servers.forEach(ChaosStack::awaitItem);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private Map<String, String> environment() {
    Map<String, String> external = new HashMap<>();
    external.put("PAO_DB_URL", database.jdbcUrl());
    external.put("PAO_DB_USER", EmbeddedDatabase.APP_ROLE);
    external.put("PAO_DB_PASSWORD", EmbeddedDatabase.APP_PASSWORD);
    external.put("PAO_DB_MIGRATION_USER", EmbeddedDatabase.OWNER);
    external.put("PAO_DB_MIGRATION_PASSWORD", EmbeddedDatabase.OWNER_PASSWORD);
    external.put("PAO_SQS_ENDPOINT", broker.endpoint());
    external.put("PAO_SQS_REGION", "us-east-1");
    external.put("PAO_SQS_ACCESS_KEY_ID", "local");
    external.put("PAO_SQS_SECRET_ACCESS_KEY", "local");
    external.put("PAO_QUEUE_URL", broker.queueUrl(LocalStack.QUEUE_NAME));
    external.put("PAO_DLQ_URL", broker.queueUrl(LocalStack.DLQ_NAME));
    external.put("PAO_QUEUE_CREATE_MISSING", "true");
    external.put("PAO_CATALOG_REPO", catalog.directory().toString());
    external.put("PAO_CATALOG_BRANCH", CatalogSampleRepository.BRANCH);
    external.put("PAO_GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET);
    external.put(
        "WLP_USER_DIR",
        System.getProperty("pao.wlp.user.dir", "../pao-it-probes/target/liberty-usr"));
    external.put("PAO_QUEUE_VISIBILITY_TIMEOUT_SECONDS", "5");
    external.put("PAO_QUEUE_WAIT_TIME_SECONDS", "2");
    external.put("PAO_QUEUE_REDELIVERY_DELAY_SECONDS", "1");
    external.put("PAO_QUEUE_MAX_RECEIVE_COUNT", "6");
    external.put("PAO_QUEUE_BACKOFF_FIRST_SECONDS", "2");
    external.put("PAO_QUEUE_BACKOFF_FACTOR", "2");
    external.put("PAO_QUEUE_BACKOFF_MAX_SECONDS", "16");
    external.put("PAO_REQUESTS_STUCK_AFTER_SECONDS", "120");
    external.put("PAO_REQUESTS_WATCHDOG_SECONDS", "5");
    external.put("PAO_HTTP_ALLOWED_HOSTS", "localhost,127.0.0.1");
    external.put("PAO_HTTP_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128");
    external.put("PAO_LIMITS_SUBMISSIONS_PER_MINUTE", "100000000");
    external.put("PAO_LIMITS_WEBHOOK_PER_MINUTE", "100000");
    // Only for the development keys and the data key: its database, queue and server are ours.
    LocalStack.Settings settings =
        new LocalStack.Settings(
            home,
            Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath(),
            0,
            0,
            0,
            true,
            0,
            external);
    return new LocalStack(settings).serverEnvironment();
  }

  private static CatalogRepo publishCatalog(Path home, int stubPort) {
    Path source = home.resolve("catalog-source");
    try {
      Files.createDirectories(source.resolve(ITEM_PATH).getParent());
      Files.writeString(source.resolve(ITEM_PATH), item("1.0.0", stubPort));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CatalogRepo.existing(
        CatalogSampleRepository.publish(source, home.resolve("catalog-repo")).toAbsolutePath());
  }

  /** The suite's item at {@code version}: two {@code rest} calls, each an effect at the stub. */
  static String item(String version, int stubPort) {
    StringBuilder actions = new StringBuilder();
    for (String action : ACTIONS) {
      actions.append(
          """
                - id: %s
                  type: rest
                  method: POST
                  url: "http://localhost:%d/provision/%s"
                  body:
                    request: "{{.system.requestId}}"
                    name: "{{.current.name}}"
                  outputs:
                    %sId: "$.body.id"
          """
              .formatted(action, stubPort, action, action));
    }
    return """
        apiVersion: pao/v1
        kind: CatalogItem
        metadata:
          id: %s
          name: Chaos call
          version: %s
          category: testing
          owner: team-chaos
        spec:
          form:
            fields:
              - id: name
                type: string
                required: true
          fulfillment:
            actions:
        %s"""
        .formatted(ITEM, version, actions);
  }

  /** Publishes a new version of the item (same actions) in the catalog repository. */
  String publish(String version) {
    return catalog.commit(ITEM_PATH, item(version, stub.port()));
  }

  static String itemPath() {
    return ITEM_PATH;
  }

  private static void awaitItem(LibertyProcess server) {
    Api api = new Api(server.baseUrl());
    String token = api.token("chaos-check@example.com", List.of(), List.of());
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> api.get("/api/v1/catalog/" + ITEM, token).status() == 200);
  }

  /** Starts a stopped or killed instance again and waits until it serves the item. */
  void restart(LibertyProcess server) {
    server.start(Duration.ofMinutes(8));
    awaitItem(server);
  }

  /** Every instance runs (those a scenario stopped are started again). */
  void ensureRunning() {
    if (!database.running()) {
      database.start();
    }
    if (!broker.running()) {
      broker.start();
    }
    servers.stream()
        .filter(server -> !server.alive())
        .map(server -> CompletableFuture.runAsync(() -> restart(server)))
        .toList()
        .forEach(CompletableFuture::join);
  }

  List<LibertyProcess> servers() {
    return servers;
  }

  EffectStub stub() {
    return stub;
  }

  EmbeddedDatabase database() {
    return database;
  }

  EmbeddedBroker broker() {
    return broker;
  }

  @Override
  public void close() {
    for (AutoCloseable part : closingOrder()) {
      try {
        part.close();
      } catch (Exception e) {
        System.err.println("[chaos] stopping " + part + " failed: " + e);
      }
    }
  }

  private List<AutoCloseable> closingOrder() {
    List<AutoCloseable> parts = new ArrayList<>(servers);
    parts.add(broker);
    parts.add(database);
    parts.add(stub);
    return parts;
  }
}
