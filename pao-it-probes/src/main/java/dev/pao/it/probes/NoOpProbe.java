package dev.pao.it.probes;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code probe.noop}: does nothing (the benchmark's handler). */
@ApplicationScoped
public class NoOpProbe implements QueueMessageHandler {
  @Override
  public String type() {
    return "probe.noop";
  }

  @Override
  public void handle(QueueMessage message) {
    // Nothing: measures the message path alone.
  }
}
