package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact on its own: the runnable JAR the build packages, started with {@code java
 * -jar} and configured by environment variables alone (as a container or a systemd unit would run
 * it), against the test stack's PostgreSQL and ElasticMQ, with development mode off and two secrets
 * read from mounted files. It becomes ready, serves the catalog, takes a request that completes,
 * and stops on SIGTERM within a bound.
 */
class PackagedServerIT {
  /**
   * Liberty's quiesce (at most 30 s) plus the queue's long poll: a stop that takes longer would be
   * cut short by an orchestrator's grace period.
   */
  private static final Duration STOP_BOUND = Duration.ofSeconds(45);

  private static RunnableJarServer server;
  private static Api api;
  private static String token;

  @BeforeAll
  static void startTheJar() {
    LocalStack stack = TestStack.get();
    Map<String, String> env = new HashMap<>(stack.serverEnvironment());
    // The test stack's server runs the probe-overlaid user directory; the JAR carries its own.
    env.keySet().removeIf(name -> name.startsWith("WLP_"));
    env.remove("PAO_DEV_MODE");
    env.remove("PAO_DEV_SIGNING_KEY");
    Path home =
        Path.of(System.getProperty("pao.packaged.dir", "target/packaged-server")).toAbsolutePath();
    // Two secrets as mounted files instead of variables, as a Kubernetes Secret volume would
    // provide them: a server.xml variable by its name, an application setting by its
    // MicroProfile Config key.
    Path secrets = home.resolve("secrets");
    writeSecret(secrets, "PAO_DB_PASSWORD", env.remove("PAO_DB_PASSWORD"));
    writeSecret(secrets, "pao.data.key", env.remove("PAO_DATA_KEY"));
    env.put("VARIABLE_SOURCE_DIRS", secrets.toString());
    server =
        new RunnableJarServer(
            RunnableJarServer.packagedJar(), home.resolve("server"), TestStack.freePort(), env);
    server.start();
    try {
      server.awaitOk("/api/v1/health/ready", Duration.ofMinutes(3));
    } catch (RuntimeException e) {
      server.kill();
      throw e;
    }
    api = new Api(server.baseUrl());
    // Development mode is off here: tokens come from the stack's server, signed by the key the
    // JAR trusts through MP_JWT_VERIFY_PUBLICKEY_LOCATION.
    token = TestStack.api().token("packaged@example.com", List.of("team-data"), List.of());
  }

  private static void writeSecret(Path directory, String name, String value) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(name), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopWithSigterm() {
    if (server == null) {
      return;
    }
    Optional<Duration> stopped = server.terminate(STOP_BOUND);
    assertTrue(
        stopped.isPresent(),
        "the server did not exit within " + STOP_BOUND + " of SIGTERM; see " + server.consoleLog());
  }

  @Test
  void answersTheMicroProfileHealthProbes() {
    for (String probe : List.of("/health/started", "/health/live", "/health/ready")) {
      assertEquals(200, api.get(probe).status(), probe);
    }
  }

  @Test
  void servesTheCatalogFromTheConfiguredRepository() {
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("/api/v1/catalog/kafka-topic", token).status() == 200);
    Api.Answer catalog = api.get("/api/v1/catalog", token);
    assertEquals(200, catalog.status(), catalog.raw());
    assertTrue(catalog.raw().contains("kafka-topic"), catalog.raw());
  }

  @Test
  void completesARequestSubmittedThroughIt() {
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("/api/v1/catalog/kafka-topic", token).status() == 200);
    Api.Answer submitted =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \"kafka-topic\", \"form_data\": {\"name\":"
                            + " \"packaged.events\", \"partitions\": 3, \"retention\": \"7d\"}}")));
    assertEquals(202, submitted.status(), submitted.raw());
    String id = submitted.json().getJsonObject("data").getString("id");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> !List.of("submitted", "queued", "in_progress").contains(status(id)));
    assertEquals("completed", status(id), api.get("/api/v1/requests/" + id, token).raw());
  }

  private static String status(String id) {
    return api.get("/api/v1/requests/" + id, token)
        .json()
        .getJsonObject("data")
        .getString("status");
  }
}
