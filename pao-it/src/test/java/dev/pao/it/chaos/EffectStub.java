package dev.pao.it.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provisioning API that honours idempotency keys, as the suite's {@code rest} actions call it:
 * {@code POST /provision/<action>} with {@code Idempotency-Key} and {@code {"request": id}} creates
 * a resource for the first use of a key (201) and answers every repeat of that key with the same
 * resource (200, a replay). It counts calls, effects and replays, and notices an effect made twice
 * for one request's action under two different keys (a duplicate no key could have prevented).
 */
final class EffectStub implements AutoCloseable {
  private final HttpServer server;
  private final ScheduledExecutorService answers =
      Executors.newScheduledThreadPool(
          4,
          runnable -> {
            Thread thread = new Thread(runnable, "effect-stub");
            thread.setDaemon(true);
            return thread;
          });
  private final Duration latency;
  private final Map<String, AtomicInteger> callsByKey = new ConcurrentHashMap<>();
  private final Map<String, String> resourceByKey = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> keysByEffectTarget = new ConcurrentHashMap<>();
  private final Map<String, String> resourceByEffectTarget = new ConcurrentHashMap<>();

  /** Starts on a free loopback port; each answer leaves after {@code latency}. */
  EffectStub(Duration latency) {
    this.latency = latency;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/provision/", this::provision);
    server.setExecutor(answers);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void provision(HttpExchange exchange) throws IOException {
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    String body = read(exchange.getRequestBody());
    if (key == null || !"POST".equals(exchange.getRequestMethod())) {
      answers.schedule(() -> respond(exchange, 400, "{}"), 0, TimeUnit.MILLISECONDS);
      return;
    }
    String action = exchange.getRequestURI().getPath().substring("/provision/".length());
    String request = requestOf(body);
    callsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    boolean[] created = {false};
    String resource =
        resourceByKey.computeIfAbsent(
            key,
            k -> {
              created[0] = true;
              return action + "-" + UUID.randomUUID();
            });
    if (created[0]) {
      String target = request + "/" + action;
      keysByEffectTarget.computeIfAbsent(target, t -> ConcurrentHashMap.newKeySet()).add(key);
      resourceByEffectTarget.putIfAbsent(target, resource);
    }
    int status = created[0] ? 201 : 200;
    String answer =
        Json.createObjectBuilder()
            .add("id", resource)
            .add("replayed", !created[0])
            .build()
            .toString();
    answers.schedule(
        () -> respond(exchange, status, answer), latency.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void respond(HttpExchange exchange, int status, String body) {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException callerGone) {
      // The calling server was killed while waiting: the effect stands, as it would outside.
    }
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String requestOf(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject json = reader.readObject();
      return json.getString("request", "?");
    } catch (RuntimeException notJson) {
      return "?";
    }
  }

  /** What the stub saw of the given requests' actions. */
  Tally tally(Collection<String> requestIds, Collection<String> actions) {
    int calls = 0;
    int effects = 0;
    int duplicated = 0;
    int missing = 0;
    for (String request : requestIds) {
      for (String action : actions) {
        Set<String> keys = keysByEffectTarget.getOrDefault(request + "/" + action, Set.of());
        effects += keys.size();
        duplicated += Math.max(0, keys.size() - 1);
        missing += keys.isEmpty() ? 1 : 0;
        for (String key : keys) {
          calls += callsByKey.get(key).get();
        }
      }
    }
    return new Tally(calls, effects, calls - effects, duplicated, missing);
  }

  /** The resource the first effect of a request's action created, or {@code null}. */
  String resourceOf(String requestId, String action) {
    return resourceByEffectTarget.get(requestId + "/" + action);
  }

  /**
   * Calls, effects (first uses of a key), replays (repeated keys), duplicated effects (a second key
   * for the same request's action) and actions without any effect.
   */
  record Tally(int calls, int effects, int replays, int duplicated, int withoutEffect) {}

  @Override
  public void close() {
    server.stop(0);
    answers.shutdownNow();
  }
}
