package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A server stopped with SIGTERM while it works on messages, next to the stack's own server (and any
 * other running) on the same database and queue: it exits within its shutdown grace plus a few
 * seconds; the messages it finished within the grace are deleted, those it had to interrupt are
 * released and taken by the other servers within seconds (its visibility timeout, 60 s, would
 * otherwise hide them); every message completes exactly once.
 */
class GracefulShutdownIT {
  private static final Logger LOG = Logger.getLogger(GracefulShutdownIT.class.getName());
  private static final Duration GRACE = Duration.ofSeconds(3);
  private static final Duration VISIBILITY = Duration.ofSeconds(60);
  private static final int GROUPS = 16;
  private static final long LONG_MILLIS = 9_000;
  private static final long SHORT_MILLIS = 1_000;

  private LibertyProcess stopped;

  @AfterEach
  void stopServer() {
    if (stopped != null) {
      stopped.kill();
    }
  }

  @Test
  void aStoppedServerFinishesOrReleasesItsMessagesAndExitsWithinItsGrace() {
    TestStack.get();
    stopped = startServer("graceful-stop");
    String stoppedPort = port(stopped);
    // Which instance receives a group is the queue's choice: send batches until the server to be
    // stopped holds a long message (the other instance may take a whole batch).
    String sent = null;
    Set<String> sentKeys = new HashSet<>();
    for (int batch = 0; batch < 3; batch++) {
      String thisRun = QueueProbes.newRun();
      sent = thisRun;
      sentKeys = new HashSet<>();
      Set<String> keys = sentKeys;
      for (int group = 0; group < GROUPS; group++) {
        long first = isLong("g" + group + "-first") ? LONG_MILLIS : SHORT_MILLIS;
        send(thisRun, "g" + group + "-first", group, first, keys);
        send(thisRun, "g" + group + "-second", group, SHORT_MILLIS, keys);
      }
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> !longInProgressOn(thisRun, stoppedPort).isEmpty());
        break;
      } catch (ConditionTimeoutException e) {
        if (batch == 2) {
          throw new AssertionError(
              "server " + stoppedPort + " took no long message: " + QueueProbes.deliveries(thisRun),
              e);
        }
      }
    }
    String run = sent;
    Set<String> keys = sentKeys;
    Set<String> longInFlight = longInProgressOn(run, stoppedPort);

    Instant sigterm = Instant.now();
    stopped.stop();
    Duration exit = Duration.between(sigterm, Instant.now());

    assertFalse(stopped.alive());
    assertTrue(
        exit.compareTo(GRACE.plusSeconds(15)) < 0,
        "exited " + exit.toMillis() + " ms after SIGTERM");

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> completedKeys(run).equals(keys));
    List<QueueProbes.Delivery> deliveries = QueueProbes.deliveries(run);
    Map<String, Long> completions =
        deliveries.stream()
            .filter(d -> d.outcome().equals("completed"))
            .collect(Collectors.groupingBy(QueueProbes.Delivery::key, Collectors.counting()));
    assertEquals(keys, completions.keySet(), "no message lost");
    assertEquals(Set.of(1L), Set.copyOf(completions.values()), "each completed once");

    Duration slowestHandOver = Duration.ZERO;
    int handedOver = 0;
    for (String key : longInFlight) {
      boolean completedOnStopped =
          deliveries.stream()
              .anyMatch(
                  d ->
                      d.key().equals(key)
                          && d.outcome().equals("completed")
                          && d.server().equals(stoppedPort));
      if (completedOnStopped) {
        continue;
      }
      Instant takenOver =
          deliveries.stream()
              .filter(
                  d ->
                      d.key().equals(key)
                          && d.outcome().equals("started")
                          && !d.server().equals(stoppedPort))
              .map(QueueProbes.Delivery::recordedAt)
              .min(Instant::compareTo)
              .orElseThrow();
      Duration handOver = Duration.between(sigterm.plus(GRACE), takenOver);
      slowestHandOver = handOver.compareTo(slowestHandOver) > 0 ? handOver : slowestHandOver;
      handedOver++;
    }
    LOG.info(
        "Graceful stop: exit "
            + exit.toMillis()
            + " ms after SIGTERM (grace "
            + GRACE.toSeconds()
            + " s); "
            + handedOver
            + " interrupted message(s) taken over by another server at most "
            + slowestHandOver.toMillis()
            + " ms after the grace ended; "
            + keys.size()
            + " messages completed once each");
    assertTrue(handedOver >= 1, "the stop interrupted and released a message");
    assertTrue(
        slowestHandOver.compareTo(Duration.ofSeconds(10)) < 0,
        "released messages taken over in " + slowestHandOver.toMillis() + " ms");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                QueueProbes.queueCount(
                            QueueProbes.queueUrl(),
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                        + QueueProbes.queueCount(
                            QueueProbes.queueUrl(),
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                    == 0);
  }

  /**
   * A second server on the stack's database and queue with a short shutdown grace and a long
   * visibility timeout (so a message it did not release would stay hidden for a minute).
   */
  private static LibertyProcess startServer(String name) {
    LocalStack stack = TestStack.get();
    Map<String, String> env = new HashMap<>(stack.serverEnvironment());
    env.put("PAO_QUEUE_SHUTDOWN_GRACE_SECONDS", String.valueOf(GRACE.toSeconds()));
    env.put("PAO_QUEUE_VISIBILITY_TIMEOUT_SECONDS", String.valueOf(VISIBILITY.toSeconds()));
    // The queue's own attributes stay as the stack's server set them.
    env.put("PAO_QUEUE_CREATE_MISSING", "false");
    env.put("PAO_CATALOG_CACHE_DIR", stack.settings().home().resolve(name + "-cache").toString());
    LibertyProcess server =
        new LibertyProcess(
            stack.settings().wlpDirectory(),
            stack.settings().home().resolve(name),
            TestStack.freePort(),
            env);
    server.start(Duration.ofMinutes(3));
    TestStack.register(server);
    return server;
  }

  private static void send(String run, String key, int group, long millis, Set<String> keys) {
    QueueProbes.send("probe.slow", run, key, run + "-g" + group, Map.of("millis", millis));
    keys.add(key);
  }

  /** The keys of long messages that {@code server} started and nobody has completed. */
  private static Set<String> longInProgressOn(String run, String server) {
    List<QueueProbes.Delivery> deliveries = QueueProbes.deliveries(run);
    Set<String> completed =
        deliveries.stream()
            .filter(d -> d.outcome().equals("completed"))
            .map(QueueProbes.Delivery::key)
            .collect(Collectors.toSet());
    return deliveries.stream()
        .filter(d -> d.outcome().equals("started") && server.equals(d.server()))
        .map(QueueProbes.Delivery::key)
        .filter(key -> !completed.contains(key))
        .filter(GracefulShutdownIT::isLong)
        .collect(Collectors.toSet());
  }

  /**
   * The first message of three groups in four takes {@link #LONG_MILLIS}: more than the other
   * server's pollers can take at once, so the stopped server gets some.
   */
  private static boolean isLong(String key) {
    int group = Integer.parseInt(key.substring(1, key.indexOf('-')));
    return group % 4 != 0 && key.endsWith("-first");
  }

  private static Set<String> completedKeys(String run) {
    return QueueProbes.deliveries(run, "completed").stream()
        .map(QueueProbes.Delivery::key)
        .collect(Collectors.toSet());
  }

  private static String port(LibertyProcess server) {
    return server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1);
  }
}
