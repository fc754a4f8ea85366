package dev.pao.bench;

import com.sun.net.httpserver.HttpExchange;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 50 requests whose GitHub workflow action ({@code wait: true}) follows a run that takes 60 s on a
 * stub, with the queue bridge's concurrency at 10, while closed-loop clients keep submitting
 * ordinary single {@code rest} action requests (a 10 ms stub). Waits hold no worker, so all 50
 * finish in about a minute (not 5 x 60 s) and the ordinary requests keep flowing. Prints the time
 * until all waits finished, and the ordinary requests' completed/s and end-to-end p50 meanwhile,
 * next to the same clients' figures alone (20 s before the waits start).
 */
public final class LongWaitBench {
  private static final int WAITS = Integer.getInteger("pao.bench.waits", 50);
  private static final Duration RUN_TAKES =
      Duration.ofSeconds(Long.getLong("pao.bench.run-seconds", 60));
  private static final int CONCURRENCY = 10;
  private static final int CHECK_SECONDS = 5;
  private static final int ORDINARY_CLIENTS = 4;
  private static final Duration BASELINE = Duration.ofSeconds(20);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newCachedThreadPool(daemons()))
          .build();

  private LongWaitBench() {}

  public static void main(String[] args) throws Exception {
    Path home =
        Path.of(System.getProperty("pao.bench.home", "target/bench-long-wait")).toAbsolutePath();
    QueueBridgeBench.deleteRecursively(home);
    Stub stub = new Stub();
    String stubUrl = "http://127.0.0.1:" + stub.port();
    Path catalog = catalog(home, stub.port());
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
                Map.ofEntries(
                    Map.entry("PAO_CATALOG_REPO", catalog.toString()),
                    Map.entry("PAO_CATALOG_BRANCH", CatalogSampleRepository.BRANCH),
                    Map.entry("PAO_HTTP_ALLOWED_HOSTS", "localhost"),
                    Map.entry("PAO_HTTP_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128"),
                    Map.entry("PAO_GITHUB_INSTANCES", "default"),
                    Map.entry("PAO_GITHUB_DEFAULT_URL", stubUrl + "/github"),
                    Map.entry("PAO_SECRET_GITHUB_DEFAULT_TOKEN", "bench-github-token"),
                    Map.entry("PAO_QUEUE_MAX_CONCURRENCY", String.valueOf(CONCURRENCY)),
                    Map.entry("PAO_ACTIONS_WAIT_CHECK_SECONDS", String.valueOf(CHECK_SECONDS)),
                    Map.entry("PAO_LIMITS_SUBMISSIONS_PER_MINUTE", "1000000"))));
    ExecutorService clients = Executors.newFixedThreadPool(ORDINARY_CLIENTS, daemons());
    try {
      stack.start();
      String base = stack.server().baseUrl();
      String token = token(base);
      awaitCatalog(base, token, "bench-wait");
      awaitCatalog(base, token, "bench-call");
      for (int i = 0; i < 20; i++) {
        awaitFinal(base, token, submit(base, token, "bench-call", "warm" + i));
      }

      // The ordinary requests alone first, for comparison in the same run.
      List<Finished> alone = stream(clients, base, token, BASELINE).call();
      Instant aloneFrom = alone.stream().map(Finished::created).min(Instant::compareTo).get();
      Instant aloneTo = alone.stream().map(Finished::finished).max(Instant::compareTo).get();
      double aloneSeconds = Duration.between(aloneFrom, aloneTo).toMillis() / 1000.0;
      List<Long> aloneMillis = new ArrayList<>();
      alone.forEach(
          done -> aloneMillis.add(Duration.between(done.created(), done.finished()).toMillis()));
      Collections.sort(aloneMillis);

      AtomicBoolean waitsDone = new AtomicBoolean();
      List<Finished> ordinary = Collections.synchronizedList(new ArrayList<>());
      AtomicLong counter = new AtomicLong();
      List<Future<?>> streams = new ArrayList<>();
      for (int c = 0; c < ORDINARY_CLIENTS; c++) {
        streams.add(
            clients.submit(
                () -> {
                  while (!waitsDone.get()) {
                    String id =
                        submit(base, token, "bench-call", "call" + counter.incrementAndGet());
                    ordinary.add(awaitFinal(base, token, id));
                  }
                  return null;
                }));
      }

      List<String> waiting = new ArrayList<>();
      for (int i = 0; i < WAITS; i++) {
        waiting.add(submit(base, token, "bench-wait", "wait" + i));
      }
      List<Finished> waits = new ArrayList<>();
      for (String id : waiting) {
        waits.add(awaitFinal(base, token, id));
      }
      waitsDone.set(true);
      for (Future<?> stream : streams) {
        stream.get();
      }

      Instant firstSubmitted = waits.stream().map(Finished::created).min(Instant::compareTo).get();
      Instant lastFinished = waits.stream().map(Finished::finished).max(Instant::compareTo).get();
      long failed = waits.stream().filter(done -> !done.completed()).count();
      List<Long> during = new ArrayList<>();
      for (Finished done : List.copyOf(ordinary)) {
        if (!done.created().isBefore(firstSubmitted) && !done.finished().isAfter(lastFinished)) {
          during.add(Duration.between(done.created(), done.finished()).toMillis());
        }
      }
      Collections.sort(during);
      double window = Duration.between(firstSubmitted, lastFinished).toMillis() / 1000.0;
      System.out.printf(
          "long waits: %d requests, each a github-workflow action (wait: true) whose run takes"
              + " %d s; PAO_QUEUE_MAX_CONCURRENCY=%d, checks every %d s%n",
          WAITS, RUN_TAKES.toSeconds(), CONCURRENCY, CHECK_SECONDS);
      System.out.printf(
          "all %d waits finished %.1f s after the first was submitted (%d failed; holding a worker"
              + " each, they would need at least %d s)%n",
          WAITS, window, failed, (WAITS + CONCURRENCY - 1) / CONCURRENCY * RUN_TAKES.toSeconds());
      System.out.printf(
          "ordinary requests meanwhile (%d closed-loop clients, one rest action to a 10 ms stub):"
              + " %d completed = %.1f completed/s, end-to-end p50 %d ms, p95 %d ms%n",
          ORDINARY_CLIENTS,
          during.size(),
          during.size() / window,
          pct(during, 50),
          pct(during, 95));
      System.out.printf(
          "the same ordinary requests alone before (%.0f s): %.1f completed/s, end-to-end p50 %d"
              + " ms, p95 %d ms%n",
          aloneSeconds, alone.size() / aloneSeconds, pct(aloneMillis, 50), pct(aloneMillis, 95));
      System.out.printf("workflow run status reads on the stub: %d%n", stub.statusReads.get());
    } finally {
      clients.shutdownNow();
      stack.close();
      stub.stop();
    }
  }

  /** The ordinary closed-loop clients for {@code length}: what they completed. */
  private static java.util.concurrent.Callable<List<Finished>> stream(
      ExecutorService clients, String base, String token, Duration length) {
    return () -> {
      Instant until = Instant.now().plus(length);
      List<Finished> done = Collections.synchronizedList(new ArrayList<>());
      List<Future<?>> streams = new ArrayList<>();
      AtomicLong counter = new AtomicLong();
      for (int c = 0; c < ORDINARY_CLIENTS; c++) {
        streams.add(
            clients.submit(
                () -> {
                  while (Instant.now().isBefore(until)) {
                    done.add(
                        awaitFinal(
                            base,
                            token,
                            submit(
                                base, token, "bench-call", "alone" + counter.incrementAndGet())));
                  }
                  return null;
                }));
      }
      for (Future<?> stream : streams) {
        stream.get();
      }
      return List.copyOf(done);
    };
  }

  /** A request in its final state: when it was created and finished, and whether it completed. */
  private record Finished(Instant created, Instant finished, boolean completed) {}

  private static Finished awaitFinal(String base, String token, String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (true) {
      JsonObject request = get(base, "/api/v1/requests/" + id, token).getJsonObject("data");
      String status = request.getString("status");
      if (status.equals("completed") || status.equals("failed")) {
        return new Finished(
            Instant.parse(request.getString("created_at")),
            Instant.parse(request.getString("finished_at", request.getString("updated_at"))),
            status.equals("completed"));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("request " + id + " is still " + status);
      }
      Thread.sleep(50);
    }
  }

  /**
   * GitHub's workflow API for the benchmark's runs (each completes {@link #RUN_TAKES} after its
   * dispatch) and the ordinary requests' REST target (answers after 10 ms). Its threads are daemons
   * and it is stopped at the end, so it never keeps the JVM alive.
   */
  private static final class Stub {
    private final HttpServer server;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(900_000);
    final AtomicLong statusReads = new AtomicLong();

    private record Run(long id, String repo, String key, Instant dispatched) {}

    Stub() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
      server.createContext("/github/", this::github);
      server.createContext(
          "/provision",
          exchange -> {
            sleep(10);
            answer(exchange, 200, "{\"id\": \"stub\"}");
          });
      server.setExecutor(Executors.newFixedThreadPool(16, daemons()));
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    void stop() {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    // repos/{owner}/{repo}/actions/workflows/{wf}/dispatches | .../workflows/{wf}/runs
    // | repos/{owner}/{repo}/actions/runs/{id}
    private void github(HttpExchange exchange) throws IOException {
      String[] p = exchange.getRequestURI().getPath().substring("/github/".length()).split("/");
      String repo = p[1] + "/" + p[2];
      if (p.length == 7 && p[6].equals("dispatches")) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = json(body).getJsonObject("inputs").getString("pao_idempotency_key");
        runs.computeIfAbsent(key, k -> new Run(ids.incrementAndGet(), repo, k, Instant.now()));
        answer(exchange, 204, null);
      } else if (p.length == 7 && p[6].equals("runs")) {
        StringBuilder list = new StringBuilder();
        for (Run run : runs.values()) {
          if (run.repo().equals(repo)) {
            list.append(list.isEmpty() ? "" : ",").append(describe(run));
          }
        }
        answer(exchange, 200, "{\"workflow_runs\": [" + list + "]}");
      } else if (p.length == 6 && p[4].equals("runs")) {
        statusReads.incrementAndGet();
        Run run =
            runs.values().stream()
                .filter(r -> String.valueOf(r.id()).equals(p[5]))
                .findFirst()
                .orElse(null);
        answer(exchange, run == null ? 404 : 200, run == null ? "{}" : describe(run));
      } else {
        answer(exchange, 404, "{}");
      }
    }

    private static String describe(Run run) {
      boolean done = !Instant.now().isBefore(run.dispatched().plus(RUN_TAKES));
      return "{\"id\": "
          + run.id()
          + ", \"display_title\": \"Provision "
          + run.key()
          + "\", \"status\": \""
          + (done ? "completed" : "in_progress")
          + "\", \"conclusion\": "
          + (done ? "\"success\"" : "null")
          + ", \"html_url\": \"https://github.example/"
          + run.repo()
          + "/actions/runs/"
          + run.id()
          + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
      if (body == null) {
        exchange.sendResponseHeaders(status, -1);
      } else {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    }
  }

  private static Path catalog(Path home, int stubPort) throws IOException {
    Path samples = home.resolve("bench-catalog");
    Path wait = samples.resolve("catalog/testing/bench-wait.yaml");
    Files.createDirectories(wait.getParent());
    Files.writeString(
        wait,
        """
        apiVersion: pao/v1
        kind: CatalogItem
        metadata:
          id: bench-wait
          name: Benchmark workflow wait
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
              - id: provision
                type: github-workflow
                repository: "bench/{{.current.name}}"
                workflow: provision.yml
                wait: true
                timeoutSeconds: 900
                outputs:
                  runUrl: $.url
        """);
    Files.writeString(
        samples.resolve("catalog/testing/bench-call.yaml"), BenchStack.callItem(stubPort));
    return CatalogSampleRepository.publish(samples, home.resolve("bench-catalog-repo"));
  }

  private static String submit(String base, String token, String item, String name)
      throws IOException, InterruptedException {
    JsonObject answer =
        send(
            base,
            "/api/v1/requests",
            token,
            "{\"catalog_item_id\": \"" + item + "\", \"form_data\": {\"name\": \"" + name + "\"}}");
    if (!answer.containsKey("data")) {
      throw new IllegalStateException("submission refused: " + answer);
    }
    return answer.getJsonObject("data").getString("id");
  }

  private static void awaitCatalog(String base, String token, String item) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/catalog/" + item))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode()
        != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the catalog never served " + item);
      }
      Thread.sleep(200);
    }
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
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons() {
    return runnable -> {
      Thread thread = new Thread(runnable);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
