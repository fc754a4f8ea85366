package dev.pao.it.probes;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code probe.slow} ({@code run}, {@code key}, {@code millis}): records {@code started}, works for
 * {@code millis} (the adapter's heartbeat keeps the message hidden meanwhile), then records {@code
 * completed} unless the key already completed.
 */
@ApplicationScoped
public class SlowProbe implements QueueMessageHandler {
  @Inject ProbeLog log;

  @Override
  public String type() {
    return "probe.slow";
  }

  @Override
  public void handle(QueueMessage message) {
    if (log.count(message, "completed") > 0) {
      return;
    }
    log.record(message, "started");
    long millis =
        message.body().get("millis") instanceof Number number ? number.longValue() : 1_000;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("probe.slow interrupted", e);
    }
    log.record(message, "completed");
  }
}
