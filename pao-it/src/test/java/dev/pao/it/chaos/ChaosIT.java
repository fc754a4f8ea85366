package dev.pao.it.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.it.Api;
import dev.pao.it.Webhooks;
import dev.pao.local.LibertyProcess;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults under load on two instances of the chaos stack (see {@link ChaosStack}), each scenario
 * with a requester of its own so its figures count only its requests. Every wait is bounded; the
 * random moments come from a seeded {@link Random} whose seed is printed.
 */
class ChaosIT {
  private static final ChaosForm FORM = ChaosForm.fromSystemProperties();
  private static ChaosStack stack;

  @BeforeAll
  static void start() {
    System.out.println(
        "[chaos] form "
            + FORM.name()
            + ", seed "
            + FORM.seed()
            + " (-Dpao.chaos.seed="
            + FORM.seed()
            + ")");
    stack = ChaosStack.start(2);
  }

  @AfterAll
  static void stop() {
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      Figures.print("[chaos] figures, " + FORM.name() + " form, seed " + FORM.seed());
    }
  }

  @BeforeEach
  void everythingRuns() {
    stack.ensureRunning();
    for (LibertyProcess server : stack.servers()) {
      Api api = new Api(server.baseUrl());
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> api.get("/api/v1/health/ready").status() == 200);
    }
  }

  @Test
  void killedInstancesLoseNothingAndRepeatNoEffect() {
    Random random = new Random(FORM.seed() ^ 0x6b696c6cL);
    Scenario scenario = new Scenario("kill-9");
    Set<LibertyProcess> ready = ConcurrentHashMap.newKeySet();
    ready.addAll(stack.servers());
    List<Duration> restarts = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Void>> restarting = new ArrayList<>();
    Load load = scenario.load(Integer.MAX_VALUE, Duration.ofSeconds(3), () -> urls(ready));
    Instant lastKill;
    try {
      for (int round = 0; round < FORM.killRounds(); round++) {
        Instant moment = Instant.now().plusMillis(1_000 + random.nextInt(7_000));
        await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> Instant.now().isAfter(moment) && !ready.isEmpty());
        List<LibertyProcess> candidates = new ArrayList<>(ready);
        candidates.sort((a, b) -> a.baseUrl().compareTo(b.baseUrl()));
        LibertyProcess victim = candidates.get(random.nextInt(candidates.size()));
        ready.remove(victim);
        victim.kill();
        Instant killed = Instant.now();
        restarting.add(
            CompletableFuture.runAsync(
                () -> {
                  stack.restart(victim);
                  restarts.add(Duration.between(killed, Instant.now()));
                  ready.add(victim);
                }));
      }
      restarting.forEach(CompletableFuture::join);
      lastKill = Instant.now();
      int before = load.acceptedCount();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> load.acceptedCount() >= before + 10);
    } finally {
      load.stop();
    }
    Verdict verdict = scenario.verdict(load, lastKill, Duration.ofMinutes(5));
    List<Duration> sorted = new ArrayList<>(restarts);
    Collections.sort(sorted);
    scenario.row.put("kills", String.valueOf(FORM.killRounds()));
    scenario.row.put(
        "restart (kill to serving) median/max",
        Figures.seconds(sorted.get(sorted.size() / 2))
            + " / "
            + Figures.seconds(sorted.get(sorted.size() - 1)));
    scenario.row.put("api back", Figures.seconds(sorted.get(sorted.size() / 2)));

    // A crash is not a failure of the action: nothing ends failed. An action whose message was in
    // flight on a killed server is delivered again and run again with the same idempotency key (the
    // stub replays); only a message whose receives ran out is dead-lettered, and its request is
    // stuck for a person.
    assertEquals(0, verdict.count("failed"), "failed: " + verdict.ledger.reasons("failed"));
    verdict
        .ledger
        .reasons("stuck")
        .keySet()
        .forEach(reason -> assertTrue(reason.contains("dead-letter"), "stuck because " + reason));
    // What a person does with a stuck request: retry it. The retry keeps the unknown attempt's
    // key, so the stub answers with what that attempt created and makes no new effect (the
    // verdict's duplicate check).
    List<String> stuck = verdict.ledger.ids("stuck");
    scenario.row.put("stuck, then retried by a person", String.valueOf(stuck.size()));
    if (!stuck.isEmpty()) {
      stuck.forEach(scenario::retry);
      Verdict retried = scenario.verdict(load, Instant.now(), Duration.ofMinutes(3));
      assertEquals(load.acceptedCount(), retried.count("completed"), "all complete after retries");
    }
    scenario.row.put(
        "valid submissions refused as unknown item", String.valueOf(load.catalogMissing().size()));
    assertEquals(
        0,
        load.catalogMissing().size(),
        "a restarted instance refused the catalog item as unknown before serving its catalog");
  }

  @Test
  void twoInstancesShareTheWorkAndTheCatalog() {
    Scenario scenario = new Scenario("two instances");
    List<String> both = stack.servers().stream().map(LibertyProcess::baseUrl).toList();
    Load load = scenario.load(FORM.twoInstanceRequests(), Duration.ofSeconds(5), () -> both);
    Duration converged;
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> load.acceptedCount() >= Math.min(50, FORM.twoInstanceRequests() / 4));
      converged = webhookToOneServesBoth(scenario);
      load.awaitSubmitted(Duration.ofSeconds(60 + FORM.twoInstanceRequests() / 5L));
    } finally {
      load.stop();
    }
    Verdict verdict = scenario.verdict(load, Instant.now(), Duration.ofMinutes(3));
    scenario.row.put(
        "catalog served by both after a webhook to one",
        converged == null ? "not within 30 s" : Figures.seconds(converged));

    assertEquals(load.acceptedCount(), verdict.count("completed"), "all complete");
    assertEquals(0, verdict.tally.replays(), "no action called twice");
    assertEquals(0, verdict.ledger.attemptsRunAgain(), "no attempt run by both instances");
    assertEquals(0, verdict.ledger.stuckTransitions(), "none stuck falsely");
    assertTrue(
        converged != null, "both instances serve the new catalog within 30 s of a webhook to one");
  }

  /**
   * Publishes a new item version, tells one instance, and answers when both serve it, or null when
   * they did not within 30 s.
   */
  private Duration webhookToOneServesBoth(Scenario scenario) {
    String version = "1.0." + (1 + Math.floorMod(FORM.seed(), 1000));
    stack.publish(version);
    String body = Webhooks.push("refs/heads/main", ChaosStack.itemPath());
    Api first = new Api(stack.servers().get(0).baseUrl());
    Instant sent = Instant.now();
    Api.Answer answer =
        Webhooks.send(first, body, Webhooks.signature(ChaosStack.WEBHOOK_SECRET, body));
    assertTrue(answer.status() < 300, "webhook answered " + answer.status() + ": " + answer.raw());
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () ->
                  stack.servers().stream()
                      .allMatch(server -> version.equals(scenario.itemVersion(server))));
      return Duration.between(sent, Instant.now());
    } catch (org.awaitility.core.ConditionTimeoutException notConverged) {
      return null;
    }
  }

  @Test
  void databaseOutageAnswersUnavailableAndLosesNothing() {
    Scenario scenario = new Scenario("postgres down " + FORM.databaseOutage().toSeconds() + " s");
    List<String> both = stack.servers().stream().map(LibertyProcess::baseUrl).toList();
    Load load = scenario.load(Integer.MAX_VALUE, Duration.ofSeconds(2), () -> both);
    Instant restarted;
    try {
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> load.acceptedCount() >= 20);
      stack.database().stop();
      Instant stopped = Instant.now();
      try {
        await()
            .atMost(FORM.databaseOutage().plusSeconds(10))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> Instant.now().isAfter(stopped.plus(FORM.databaseOutage())));
      } finally {
        stack.database().start();
      }
      restarted = Instant.now();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> load.acceptedAt().stream().anyMatch(at -> at.isAfter(restarted)));
      scenario.row.put(
          "api back",
          Figures.seconds(
              Duration.between(
                  restarted,
                  load.acceptedAt().stream()
                      .filter(at -> at.isAfter(restarted))
                      .min(Instant::compareTo)
                      .orElseThrow())));
      int before = load.acceptedCount();
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> load.acceptedCount() >= before + 10);
    } finally {
      load.stop();
    }
    Verdict verdict = scenario.verdict(load, restarted, Duration.ofMinutes(3));

    assertTrue(
        load.answers().getOrDefault("submit 503 UNAVAILABLE", 0) > 0,
        "submissions during the outage answered 503 UNAVAILABLE: " + load.answers());
    assertEquals(load.acceptedCount(), verdict.count("completed"), "all complete after the outage");
  }

  @Test
  void queueOutageKeepsAcceptingAndCompletesEverythingAfterwards() {
    Scenario scenario = new Scenario("queue down " + FORM.queueOutage().toSeconds() + " s");
    List<String> both = stack.servers().stream().map(LibertyProcess::baseUrl).toList();
    Load load = scenario.load(Integer.MAX_VALUE, Duration.ofSeconds(2), () -> both);
    List<String> notReady = new CopyOnWriteArrayList<>();
    Instant stopped;
    Instant restarted;
    try {
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> load.acceptedCount() >= 20);
      stack.broker().stop();
      stopped = Instant.now();
      try {
        await()
            .atMost(FORM.queueOutage().plusSeconds(20))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  for (LibertyProcess server : stack.servers()) {
                    int status = new Api(server.baseUrl()).get("/api/v1/health/ready").status();
                    if (status != 200) {
                      notReady.add(server.baseUrl() + " " + status);
                    }
                  }
                  return Instant.now().isAfter(stopped.plus(FORM.queueOutage()));
                });
      } finally {
        stack.broker().start();
      }
      restarted = Instant.now();
      int before = load.acceptedCount();
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> load.acceptedCount() >= before + 10);
    } finally {
      load.stop();
    }
    long acceptedDuring =
        load.acceptedAt().stream()
            .filter(at -> at.isAfter(stopped) && at.isBefore(restarted))
            .count();
    long refusedDuring =
        load.unavailableAt().stream()
            .filter(at -> at.isAfter(stopped) && at.isBefore(restarted))
            .count();
    Verdict verdict = scenario.verdict(load, restarted, Duration.ofMinutes(4));
    scenario.row.put("api back", "0.0 s (never away)");
    scenario.row.put("accepted during the outage", String.valueOf(acceptedDuring));
    scenario.row.put(
        "readiness answers other than 200 during the outage", String.valueOf(notReady.size()));

    assertTrue(acceptedDuring > 0, "submissions accepted during the outage");
    assertEquals(0, refusedDuring, "submissions refused during the outage");
    assertEquals(load.acceptedCount(), verdict.count("completed"), "all complete after the outage");
    assertEquals(
        List.of(),
        notReady.stream().distinct().toList(),
        "readiness stays 200 with the queue down");
  }

  @Test
  void sigtermHandsInFlightWorkOver() {
    Random random = new Random(FORM.seed() ^ 0x7465726dL);
    Scenario scenario = new Scenario("SIGTERM one of two");
    Set<LibertyProcess> serving = ConcurrentHashMap.newKeySet();
    serving.addAll(stack.servers());
    Load load = scenario.load(FORM.handOverRequests(), Duration.ofSeconds(3), () -> urls(serving));
    Duration stopTook;
    Duration handedOver;
    try {
      int threshold = FORM.handOverRequests() / 4 + random.nextInt(FORM.handOverRequests() / 4);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> load.acceptedCount() >= threshold);
      LibertyProcess victim = stack.servers().get(random.nextInt(stack.servers().size()));
      serving.remove(victim);
      Set<String> before = Set.copyOf(load.accepted().values());
      Instant term = Instant.now();
      victim.stop();
      stopTook = Duration.between(term, Instant.now());
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> scenario.ledger.unfinishedAmong(before) == 0);
      handedOver = Duration.between(term, Instant.now());
      load.awaitSubmitted(Duration.ofMinutes(3));
    } finally {
      load.stop();
    }
    Verdict verdict = scenario.verdict(load, Instant.now(), Duration.ofMinutes(3));
    scenario.row.put("hand-over", Figures.seconds(handedOver));
    scenario.row.put("graceful stop took", Figures.seconds(stopTook));

    assertEquals(load.acceptedCount(), verdict.count("completed"), "all complete");
    assertEquals(0, verdict.ledger.attemptsRunAgain(), "no action run again after the hand-over");
  }

  private static List<String> urls(Set<LibertyProcess> servers) {
    List<String> urls = servers.stream().map(LibertyProcess::baseUrl).sorted().toList();
    return urls.isEmpty() ? stack.servers().stream().map(LibertyProcess::baseUrl).toList() : urls;
  }

  /** One scenario's requester, its token, its ledger and its row of figures. */
  private static final class Scenario {
    final String email;
    final String token;
    final Ledger ledger;
    final Map<String, String> row;
    final String run;

    Scenario(String name) {
      run =
          name.replaceAll("[^a-zA-Z0-9]+", "-").toLowerCase() + "-" + Long.toHexString(FORM.seed());
      email = "chaos-" + run + "@example.com";
      token =
          new Api(stack.servers().get(0).baseUrl()).token(email, List.of("team-chaos"), List.of());
      ledger = new Ledger(stack.database(), email);
      row = Figures.row(name);
    }

    Load load(int limit, Duration patience, java.util.function.Supplier<List<String>> urls) {
      return new Load(run, urls, token, FORM.users(), limit, patience);
    }

    Verdict verdict(Load load, Instant faultEnded, Duration drainBound) {
      return Verdict.reach(load, ledger, stack.stub(), row, faultEnded, drainBound);
    }

    String itemVersion(LibertyProcess server) {
      return new Api(server.baseUrl())
          .get("/api/v1/catalog/" + ChaosStack.ITEM, token)
          .json()
          .getJsonObject("data")
          .getString("version");
    }

    void retry(String id) {
      Api api = new Api(stack.servers().get(0).baseUrl());
      Api.Answer answer =
          api.send(
              api.request("/api/v1/requests/" + id + "/retry")
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"reason\": \"chaos: stuck after crashes\"}")));
      assertTrue(answer.status() < 300, "retry answered " + answer.status() + ": " + answer.raw());
    }
  }
}
