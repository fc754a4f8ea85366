package dev.pao.it.probes;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code probe.record} ({@code run}, {@code key}): records the delivery as completed, once per key,
 * as an idempotent handler would (a redelivery of a completed key records nothing).
 */
@ApplicationScoped
public class RecordProbe implements QueueMessageHandler {
  @Inject ProbeLog log;

  @Override
  public String type() {
    return "probe.record";
  }

  @Override
  public void handle(QueueMessage message) {
    if (log.count(message, "completed") == 0) {
      log.record(message, "completed");
    }
  }
}
