package dev.pao.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GitHub's workflow API for the tests' runs: a dispatched run is {@code in_progress} until the test
 * concludes it, then {@code completed} / {@code success}. Counts the status reads of each run.
 */
final class WorkflowStub implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4, WorkflowStub::daemon);
  private final Map<String, Run> byRepo = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(700_000);

  private static final class Run {
    final long id;
    final String repo;
    final String key;
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean concluded;

    Run(long id, String repo, String key) {
      this.id = id;
      this.repo = repo;
      this.key = key;
    }
  }

  WorkflowStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/github/", this::answer);
    server.setExecutor(threads);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/github";
  }

  /** How often the run of repository {@code it/<name>} was read (0 before it was dispatched). */
  int statusReads(String name) {
    Run run = byRepo.get("it/" + name);
    return run == null ? 0 : run.reads.get();
  }

  /** The run of {@code it/<name>} concludes with success. */
  void conclude(String name) {
    byRepo.get("it/" + name).concluded = true;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String[] p = exchange.getRequestURI().getPath().substring("/github/".length()).split("/");
    String repo = p[1] + "/" + p[2];
    if (p.length == 7 && p[6].equals("dispatches")) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String key;
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        key = reader.readObject().getJsonObject("inputs").getString("pao_idempotency_key");
      }
      byRepo.computeIfAbsent(repo, r -> new Run(ids.incrementAndGet(), r, key));
      send(exchange, 204, null);
    } else if (p.length == 7 && p[6].equals("runs")) {
      Run run = byRepo.get(repo);
      send(exchange, 200, "{\"workflow_runs\": [" + (run == null ? "" : describe(run)) + "]}");
    } else if (p.length == 6 && p[4].equals("runs")) {
      Run run = byRepo.get(repo);
      if (run == null || !String.valueOf(run.id).equals(p[5])) {
        send(exchange, 404, "{}");
        return;
      }
      run.reads.incrementAndGet();
      send(exchange, 200, describe(run));
    } else {
      send(exchange, 404, "{}");
    }
  }

  private static String describe(Run run) {
    return "{\"id\": "
        + run.id
        + ", \"display_title\": \"Provision "
        + run.key
        + "\", \"status\": \""
        + (run.concluded ? "completed" : "in_progress")
        + "\", \"conclusion\": "
        + (run.concluded ? "\"success\"" : "null")
        + ", \"html_url\": \"https://github.example/"
        + run.repo
        + "/actions/runs/"
        + run.id
        + "\"}";
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
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

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "workflow-stub");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
