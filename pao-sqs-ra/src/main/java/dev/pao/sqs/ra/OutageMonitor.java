package dev.pao.sqs.ra;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tracks whether the queue service answers, shared by all pollers of one activation, so an outage
 * is logged once when it starts and once when it ends, however many calls fail in between.
 */
final class OutageMonitor {
  private static final Logger LOG = Logger.getLogger(OutageMonitor.class.getName());

  private final String queueName;
  private final AtomicReference<Instant> downSince = new AtomicReference<>();

  OutageMonitor(String queueName) {
    this.queueName = queueName;
  }

  void failed(Exception cause) {
    if (downSince.compareAndSet(null, Instant.now())) {
      LOG.log(
          Level.WARNING,
          "SQS queue {0} is unreachable ({1}); retrying with back-off until it answers",
          new Object[] {queueName, cause.getMessage()});
    }
  }

  /**
   * A call that started at {@code callStarted} succeeded. Only a call started after the outage
   * began ends it: a long poll that was already under way may still return normally.
   */
  void succeeded(Instant callStarted) {
    Instant since = downSince.get();
    if (since != null && callStarted.isAfter(since) && downSince.compareAndSet(since, null)) {
      LOG.log(
          Level.INFO,
          "SQS queue {0} is reachable again after {1} s",
          new Object[] {queueName, Duration.between(since, Instant.now()).toSeconds()});
    }
  }

  boolean down() {
    return downSince.get() != null;
  }
}
