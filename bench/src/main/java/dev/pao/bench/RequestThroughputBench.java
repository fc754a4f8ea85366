package dev.pao.bench;

import com.sun.net.httpserver.HttpServer;
import dev.pao.local.CatalogSampleRepository;
import dev.pao.local.LocalStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 2,000 single-action requests from 20 concurrent clients against the running server; the action is
 * an HTTP call to a local stub answering after 10 ms. Prints submission latency percentiles,
 * end-to-end latency (server-side created_at to finished_at) and completed requests per second.
 */
public final class RequestThroughputBench {
  private static final int REQUESTS = Integer.getInteger("pao.bench.requests", 2_000);
  private static final int CLIENTS = 20;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RequestThroughputBench() {}

  public static void main(String[] args) throws Exception {
    Path home =
        Path.of(System.getProperty("pao.bench.home", "target/bench-requests")).toAbsolutePath();
    QueueBridgeBench.deleteRecursively(home);
    HttpServer stub = stub();
    Path catalog = catalog(home, stub.getAddress().getPort());
    LocalStack stack =
        new LocalStack(
            new LocalStack.Settings(
                home,
                Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath(),
                freePort(),
                freePort(),
                freePort(),
                true,
                0,
                Map.of(
                    "PAO_CATALOG_REPO",
                    catalog.toString(),
                    "PAO_CATALOG_BRANCH",
                    CatalogSampleRepository.BRANCH,
                    "PAO_HTTP_ALLOWED_HOSTS",
                    "localhost",
                    "PAO_HTTP_ALLOWED_NETWORKS",
                    "127.0.0.0/8,::1/128",
                    // One benchmark user submits 2,000 requests in seconds: far over the default.
                    "PAO_LIMITS_SUBMISSIONS_PER_MINUTE",
                    "1000000")));
    try {
      stack.start();
      String base = stack.server().baseUrl();
      String token = token(base);
      awaitCatalog(base, token);
      List<Long> submitMillis = Collections.synchronizedList(new ArrayList<>());
      List<String> ids = Collections.synchronizedList(new ArrayList<>());
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        work.add(
            clients.submit(
                () -> {
                  for (int i = client; i < REQUESTS; i += CLIENTS) {
                    long start = System.nanoTime();
                    JsonObject answer =
                        send(
                            base,
                            "/api/v1/requests",
                            token,
                            "{\"catalog_item_id\": \"bench-call\", \"form_data\": {\"name\": \"r"
                                + i
                                + "\"}}");
                    submitMillis.add((System.nanoTime() - start) / 1_000_000);
                    ids.add(answer.getJsonObject("data").getString("id"));
                  }
                  return null;
                }));
      }
      for (Future<?> future : work) {
        future.get();
      }
      clients.shutdown();
      List<Long> endToEnd = awaitCompletion(base, token, ids);
      Collections.sort(submitMillis);
      System.out.printf(
          "requests: %d single-action requests, %d clients, stub latency 10 ms%n",
          REQUESTS, CLIENTS);
      System.out.printf(
          "submission latency: p50 %d ms, p95 %d ms, p99 %d ms%n",
          pct(submitMillis, 50), pct(submitMillis, 95), pct(submitMillis, 99));
      System.out.printf(
          "end-to-end (submitted -> completed): p50 %d ms, p95 %d ms%n",
          pct(endToEnd, 50), pct(endToEnd, 95));
    } finally {
      stack.close();
      stub.stop(0);
    }
  }

  private static List<Long> awaitCompletion(String base, String token, List<String> ids)
      throws Exception {
    List<Long> endToEnd = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
    for (String id : ids) {
      JsonObject request;
      while (true) {
        request = get(base, "/api/v1/requests/" + id, token).getJsonObject("data");
        String status = request.getString("status");
        if (status.equals("completed")) {
          break;
        }
        if (status.equals("failed") || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("request " + id + " ended " + status);
        }
        Thread.sleep(100);
      }
      Instant created = Instant.parse(request.getString("created_at"));
      Instant finished = Instant.parse(request.getString("finished_at"));
      endToEnd.add(Duration.between(created, finished).toMillis());
      first = first == null || created.isBefore(first) ? created : first;
      last = last == null || finished.isAfter(last) ? finished : last;
    }
    endToEnd.sort(Comparator.naturalOrder());
    double seconds = Duration.between(first, last).toMillis() / 1000.0;
    System.out.printf(
        "completed: %d requests in %.1f s = %.1f requests/s%n",
        ids.size(), seconds, ids.size() / seconds);
    return endToEnd;
  }

  /** The first catalog sync runs after start-up; wait until it serves the benchmark item. */
  private static void awaitCatalog(String base, String token) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/catalog/bench-call"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode()
        != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the catalog never served bench-call");
      }
      Thread.sleep(200);
    }
  }

  private static HttpServer stub() throws IOException {
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
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    return server;
  }

  private static Path catalog(Path home, int stubPort) throws IOException {
    Path samples = home.resolve("bench-catalog");
    Path item = samples.resolve("catalog/testing/bench-call.yaml");
    Files.createDirectories(item.getParent());
    Files.writeString(
        item,
        """
        apiVersion: pao/v1
        kind: CatalogItem
        metadata:
          id: bench-call
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
            .formatted(stubPort));
    return CatalogSampleRepository.publish(samples, home.resolve("bench-catalog-repo"));
  }

  private static String token(String base) throws Exception {
    return send(
            base,
            "/api/v1/dev/token",
            null,
            "{\"email\": \"bench@example.com\", \"teams\": [\"team-bench\"], \"roles\": []}")
        .getJsonObject("data")
        .getString("token");
  }

  private static JsonObject send(String base, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return json(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private static JsonObject get(String base, String path, String token)
      throws IOException, InterruptedException {
    return json(
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static long pct(List<Long> sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
