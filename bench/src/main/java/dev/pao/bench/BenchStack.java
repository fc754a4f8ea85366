package dev.pao.bench;

import com.sun.net.httpserver.HttpServer;
import dev.pao.local.CatalogSampleRepository;
import dev.pao.local.EmbeddedBroker;
import dev.pao.local.LocalStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real server for a request benchmark: embedded PostgreSQL, ElasticMQ in a process of its own
 * (so its CPU is counted with the server's), Liberty with a one-item catalog whose {@code rest}
 * action calls a local stub answering after 10 ms, and a development token.
 */
final class BenchStack implements AutoCloseable {
  static final String ITEM = "bench-call";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Path home;
  private final ExecutorService stubThreads =
      Executors.newFixedThreadPool(
          16,
          runnable -> {
            Thread thread = new Thread(runnable, "stub");
            thread.setDaemon(true);
            return thread;
          });
  private HttpServer stub;
  private Process broker;
  private LocalStack stack;
  private String token;

  BenchStack(Path home) {
    this.home = home.toAbsolutePath();
  }

  /** Starts everything; {@code serverEnv} is added to the server's environment. */
  BenchStack start(Map<String, String> serverEnv) throws Exception {
    QueueBridgeBench.deleteRecursively(home);
    Files.createDirectories(home);
    stub = stub();
    int brokerPort = freePort();
    broker = startBroker(brokerPort);
    String endpoint = "http://localhost:" + brokerPort;
    String queues = endpoint + "/" + EmbeddedBroker.ACCOUNT + "/";
    Map<String, String> env = new HashMap<>();
    env.put("PAO_SQS_ENDPOINT", endpoint);
    env.put("PAO_SQS_REGION", "us-east-1");
    env.put("PAO_SQS_ACCESS_KEY_ID", "local");
    env.put("PAO_SQS_SECRET_ACCESS_KEY", "local");
    env.put("PAO_QUEUE_URL", queues + LocalStack.QUEUE_NAME);
    env.put("PAO_DLQ_URL", queues + LocalStack.DLQ_NAME);
    env.put("PAO_QUEUE_CREATE_MISSING", "true");
    env.put("PAO_CATALOG_REPO", catalog(stub.getAddress().getPort()).toString());
    env.put("PAO_CATALOG_BRANCH", CatalogSampleRepository.BRANCH);
    env.put("PAO_HTTP_ALLOWED_HOSTS", "localhost");
    env.put("PAO_HTTP_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128");
    // One benchmark user submits thousands of requests a minute: far over the default.
    env.put("PAO_LIMITS_SUBMISSIONS_PER_MINUTE", "100000000");
    env.putAll(serverEnv);
    stack =
        new LocalStack(
            new LocalStack.Settings(
                home,
                Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath(),
                freePort(),
                freePort(),
                brokerPort,
                true,
                0,
                env));
    stack.start();
    token =
        post(
                "/api/v1/dev/token",
                null,
                "{\"email\": \"bench@example.com\", \"teams\": [\"team-bench\"], \"roles\": []}")
            .getJsonObject("data")
            .getString("token");
    awaitCatalog();
    return this;
  }

  String baseUrl() {
    return stack.server().baseUrl();
  }

  /** The JDBC URL of the embedded database (owner role). */
  String jdbcUrl() {
    return stack.database().jdbcUrl();
  }

  String brokerEndpoint() {
    return stack.serverEnvironment().get("PAO_SQS_ENDPOINT");
  }

  /** CPU of Liberty, PostgreSQL and the broker together. */
  ServerUsage usage() {
    List<ProcessHandle> roots = new ArrayList<>();
    roots.add(liberty());
    roots.add(broker.toHandle());
    postmaster().ifPresent(roots::add);
    return new ServerUsage(roots);
  }

  ProcessHandle liberty() {
    return stack.server().handle().orElseThrow();
  }

  /** Starts a JDK Flight Recorder recording of the server JVM ({@code jcmd JFR.start}). */
  void record(Path file, int seconds) throws IOException, InterruptedException {
    ProcessHandle jvm =
        java.util.stream.Stream.concat(Stream.of(liberty()), liberty().descendants())
            .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
            .findFirst()
            .orElseThrow();
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(jvm.pid()),
                "JFR.start",
                "settings=profile",
                "duration=" + seconds + "s",
                "filename=" + file.toAbsolutePath())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    jcmd.waitFor();
  }

  /** Submits one request of the benchmark item; answers its id. */
  String submit(String name) throws IOException, InterruptedException {
    return post(
            "/api/v1/requests",
            token,
            "{\"catalog_item_id\": \"" + ITEM + "\", \"form_data\": {\"name\": \"" + name + "\"}}")
        .getJsonObject("data")
        .getString("id");
  }

  /** The request's status, read the cheap way a poller reads it. */
  String status(String id) throws IOException, InterruptedException {
    return get("/api/v1/requests/" + id + "?fields=id,status")
        .getJsonObject("data")
        .getString("status");
  }

  JsonObject get(String path) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json(path, answer);
  }

  private JsonObject post(String path, String bearer, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return json(path, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static JsonObject json(String path, HttpResponse<String> answer) {
    if (answer.statusCode() >= 300) {
      throw new IllegalStateException(
          path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readObject();
    }
  }

  static boolean finished(String status) {
    return switch (status) {
      case "completed", "failed", "aborted", "escalated", "stuck" -> true;
      default -> false;
    };
  }

  /** The first catalog sync runs after start-up; wait until it serves the benchmark item. */
  private void awaitCatalog() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      try {
        get("/api/v1/catalog/" + ITEM);
        return;
      } catch (IllegalStateException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("the catalog never served " + ITEM, notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  private Process startBroker(int port) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                BrokerMain.class.getName(),
                String.valueOf(port),
                home.resolve("elasticmq").toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("broker.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return process;
      } catch (IOException notYet) {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("the broker did not start; see broker.log");
        }
        Thread.sleep(100);
      }
    }
  }

  private java.util.Optional<ProcessHandle> postmaster() {
    try {
      String pid = Files.readAllLines(home.resolve("postgres/postmaster.pid")).get(0).trim();
      return ProcessHandle.of(Long.parseLong(pid));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpServer stub() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.createContext(
        "/",
        exchange -> {
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = "{\"id\": \"stub\"}".getBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(stubThreads);
    server.start();
    return server;
  }

  private Path catalog(int stubPort) throws IOException {
    Path samples = home.resolve("bench-catalog");
    Path item = samples.resolve("catalog/testing/" + ITEM + ".yaml");
    Files.createDirectories(item.getParent());
    Files.writeString(item, callItem(stubPort));
    return CatalogSampleRepository.publish(samples, home.resolve("bench-catalog-repo"));
  }

  /** The benchmark item: one {@code rest} action posting to the stub on {@code stubPort}. */
  static String callItem(int stubPort) {
    return """
        apiVersion: pao/v1
        kind: CatalogItem
        metadata:
          id: %s
          name: Benchmark call
          version: 1.0.0
          category: testing
          owner: team-bench
        spec:
          form:
            fields:
              - id: name
                type: string
                required: true
          fulfillment:
            actions:
              - id: call
                type: rest
                method: POST
                url: "http://localhost:%d/provision"
                body:
                  name: "{{.current.name}}"
        """
        .formatted(ITEM, stubPort);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static long pct(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  @Override
  public void close() {
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      if (broker != null) {
        broker.destroy();
        try {
          broker.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        broker.destroyForcibly();
      }
      if (stub != null) {
        stub.stop(0);
      }
      stubThreads.shutdownNow();
    }
  }
}
