package dev.pao.it.chaos;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Virtual users submitting the chaos item through a round-robin client: each submits with an {@code
 * Idempotency-Key} of its own, repeats the same submission on the next instance while the answer is
 * a connection error or 503 (so nothing it was told about is lost and nothing is created twice),
 * then follows the request until it is final or for at most {@code patience}, and submits the next.
 * Every answer is counted; anything but 202, 503 {@code UNAVAILABLE} and a connection error is kept
 * as unexpected.
 */
final class Load implements AutoCloseable {
  private static final Set<String> FINAL =
      Set.of("completed", "failed", "aborted", "escalated", "stuck");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final String run;
  private final Supplier<List<String>> baseUrls;
  private final String token;
  private final int limit;
  private final Duration patience;
  private final AtomicInteger roundRobin = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Map<String, String> accepted = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  private final List<Instant> acceptedAt = new CopyOnWriteArrayList<>();
  private final List<Instant> unavailableAt = new CopyOnWriteArrayList<>();
  private final List<Instant> catalogMissing = new CopyOnWriteArrayList<>();
  private final ExecutorService users;
  private final List<Future<?>> running = new ArrayList<>();

  /**
   * @param run names this load's idempotency keys and requests
   * @param baseUrls the instances to spread calls over, asked before every call
   * @param limit how many requests to submit at most
   */
  Load(
      String run,
      Supplier<List<String>> baseUrls,
      String token,
      int userCount,
      int limit,
      Duration patience) {
    this.run = run;
    this.baseUrls = baseUrls;
    this.token = token;
    this.limit = limit;
    this.patience = patience;
    this.users =
        Executors.newFixedThreadPool(
            userCount,
            runnable -> {
              Thread thread = new Thread(runnable, "chaos-user-" + run);
              thread.setDaemon(true);
              return thread;
            });
    for (int i = 0; i < userCount; i++) {
      running.add(users.submit(this::user));
    }
  }

  private void user() {
    while (!stopping.get()) {
      int n = sequence.getAndIncrement();
      if (n >= limit) {
        return;
      }
      String key = run + "-" + n;
      String body =
          Json.createObjectBuilder()
              .add("catalog_item_id", ChaosStack.ITEM)
              .add("form_data", Json.createObjectBuilder().add("name", key))
              .build()
              .toString();
      try {
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInSameThread()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250))
            .until(() -> submit(key, body));
        String id = accepted.get(key);
        await()
            .atMost(patience)
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(200))
            .until(() -> stopping.get() || FINAL.contains(status(id)));
      } catch (ConditionTimeoutException slow) {
        // Not final yet (or not accepted in time): the scenario's own check follows it up.
      }
    }
  }

  /** One try of a submission; true once it was accepted. */
  private boolean submit(String key, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(next() + "/api/v1/requests"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> answer;
    try {
      answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      count("submit connection error");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (answer.statusCode() == 202) {
      count("submit 202");
      accepted.put(key, json(answer.body()).getJsonObject("data").getString("id"));
      acceptedAt.add(Instant.now());
      return true;
    }
    if (answer.statusCode() == 503 && "UNAVAILABLE".equals(errorCode(answer.body()))) {
      count("submit 503 UNAVAILABLE");
      unavailableAt.add(Instant.now());
      return false;
    }
    if (notServing(answer)) {
      count("submit " + answer.statusCode() + " from a server not serving the application yet");
      return false;
    }
    if (answer.statusCode() == 400 && answer.body().contains("unknown catalog item")) {
      // A valid item refused by an instance that answers before it serves its catalog.
      count("submit 400 unknown catalog item");
      catalogMissing.add(Instant.now());
      return false;
    }
    count("submit " + answer.statusCode());
    unexpected.add("POST /requests " + answer.statusCode() + " " + excerpt(answer.body()));
    return false;
  }

  /** The request's status as one instance tells it, or "" when none answers it now. */
  private String status(String id) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(next() + "/api/v1/requests/" + id + "?fields=id,status"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .build();
    try {
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200) {
        return json(answer.body()).getJsonObject("data").getString("status");
      }
      if (answer.statusCode() == 503 && "UNAVAILABLE".equals(errorCode(answer.body()))) {
        count("read 503 UNAVAILABLE");
      } else if (notServing(answer)) {
        count("read " + answer.statusCode() + " from a server not serving the application yet");
      } else {
        count("read " + answer.statusCode());
        unexpected.add("GET /requests/{id} " + answer.statusCode() + " " + excerpt(answer.body()));
      }
    } catch (IOException e) {
      count("read connection error");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "";
  }

  /**
   * Liberty's own 404 or 503 (no error envelope) while the application starts or stops: the
   * instance is not serving, as with a connection error.
   */
  private static boolean notServing(HttpResponse<String> answer) {
    return (answer.statusCode() == 404 || answer.statusCode() == 503)
        && errorCode(answer.body()) == null;
  }

  private String next() {
    List<String> urls = baseUrls.get();
    return urls.get(Math.floorMod(roundRobin.getAndIncrement(), urls.size()));
  }

  private void count(String what) {
    answers.computeIfAbsent(what, w -> new AtomicInteger()).incrementAndGet();
  }

  /** Stops submitting; users finish their current submission (bounded by its deadline). */
  void stop() {
    stopping.set(true);
    users.shutdown();
    try {
      if (!users.awaitTermination(4, TimeUnit.MINUTES)) {
        users.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      users.shutdownNow();
    }
  }

  /** Waits (bounded) until every user has submitted its share of {@code limit} requests. */
  void awaitSubmitted(Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> running.stream().allMatch(Future::isDone));
  }

  /** The requests accepted so far, by idempotency key. */
  Map<String, String> accepted() {
    return Map.copyOf(accepted);
  }

  int acceptedCount() {
    return accepted.size();
  }

  Map<String, Integer> answers() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    answers.forEach((what, count) -> copy.put(what, count.get()));
    return copy;
  }

  List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  List<Instant> acceptedAt() {
    return List.copyOf(acceptedAt);
  }

  /** When an instance refused the suite's (valid) item as unknown: it served no catalog yet. */
  List<Instant> catalogMissing() {
    return List.copyOf(catalogMissing);
  }

  List<Instant> unavailableAt() {
    return List.copyOf(unavailableAt);
  }

  private static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static String errorCode(String body) {
    try {
      return json(body).getJsonObject("error").getString("code");
    } catch (RuntimeException notTheEnvelope) {
      return null;
    }
  }

  private static String excerpt(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }

  @Override
  public void close() {
    stop();
  }
}
