package dev.pao.it.probes;

import dev.pao.queue.domain.ActionQueue;
import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code probe.chain} ({@code run}, {@code key}): sends a {@code probe.record} message with key
 * {@code <key>-next} to its own group through {@link ActionQueue} (as the request runner queues an
 * action's successor), then records {@code completed}. The deduplication id is fixed per key, so a
 * redelivery sends nothing new.
 */
@ApplicationScoped
public class ChainProbe implements QueueMessageHandler {
  @Inject ProbeLog log;
  @Inject ActionQueue queue;

  @Override
  public String type() {
    return "probe.chain";
  }

  @Override
  public void handle(QueueMessage message) {
    String run = String.valueOf(message.body().get("run"));
    String next = message.body().get("key") + "-next";
    queue.send(
        message.groupId(),
        run + ":" + next,
        Map.of("type", "probe.record", "run", run, "key", next));
    if (log.count(message, "completed") == 0) {
      log.record(message, "completed");
    }
  }
}
