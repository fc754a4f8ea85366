package dev.pao.sqs.ra;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Keeps the messages that beans are working on hidden: every third of the visibility timeout, each
 * tracked message gets its visibility set to a full timeout again. A message stops being tracked
 * once it is acknowledged or released; if the server dies, nothing renews it and it reappears after
 * the timeout.
 */
final class VisibilityHeartbeat {
  private static final Logger LOG = Logger.getLogger(VisibilityHeartbeat.class.getName());
  private final SqsClient sqs;
  private final BridgeSettings settings;
  private final BridgeStats stats;
  private final Timer timer;
  private final Clock clock;
  private final Map<String, Instant> lastRenewed = new ConcurrentHashMap<>();

  VisibilityHeartbeat(
      SqsClient sqs, BridgeSettings settings, BridgeStats stats, Timer timer, Clock clock) {
    this.sqs = sqs;
    this.settings = settings;
    this.stats = stats;
    this.timer = timer;
    this.clock = clock;
  }

  void start() {
    long period = Math.max(250, settings.heartbeatInterval().toMillis() / 2);
    timer.schedule(
        new TimerTask() {
          @Override
          public void run() {
            renewDue();
          }
        },
        period,
        period);
  }

  void track(String receiptHandle) {
    lastRenewed.put(receiptHandle, Instant.now(clock));
  }

  void untrack(String receiptHandle) {
    lastRenewed.remove(receiptHandle);
  }

  void stop() {
    timer.cancel();
    lastRenewed.clear();
  }

  private void renewDue() {
    Instant due = Instant.now(clock).minus(settings.heartbeatInterval());
    for (Map.Entry<String, Instant> entry : lastRenewed.entrySet()) {
      if (entry.getValue().isBefore(due)) {
        renew(entry.getKey());
      }
    }
  }

  private void renew(String receiptHandle) {
    try {
      sqs.changeMessageVisibility(
          r ->
              r.queueUrl(settings.queueUrl())
                  .receiptHandle(receiptHandle)
                  .visibilityTimeout((int) settings.visibilityTimeout().toSeconds()));
      lastRenewed.replace(receiptHandle, Instant.now(clock));
      stats.visibilityExtensions.increment();
    } catch (SdkException e) {
      // Tried again on the next beat; an outage is reported by the pollers.
      stats.queueErrors.increment();
    } catch (RuntimeException e) {
      // Never out of the timer's task: an exception there would end the heartbeat for good.
      stats.queueErrors.increment();
      LOG.log(Level.WARNING, "Renewing a message's visibility failed unexpectedly", e);
    }
  }
}
