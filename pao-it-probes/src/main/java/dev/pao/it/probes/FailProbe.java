package dev.pao.it.probes;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code probe.fail} ({@code run}, {@code key}, {@code fail_times}): throws, recording {@code
 * failed}, until it has failed {@code fail_times} times (default: always); then records {@code
 * completed}.
 */
@ApplicationScoped
public class FailProbe implements QueueMessageHandler {
  @Inject ProbeLog log;

  @Override
  public String type() {
    return "probe.fail";
  }

  @Override
  public void handle(QueueMessage message) {
    int failTimes =
        message.body().get("fail_times") instanceof Number number
            ? number.intValue()
            : Integer.MAX_VALUE;
    if (log.count(message, "failed") < failTimes) {
      log.record(message, "failed");
      throw new IllegalStateException("probe.fail failing as asked");
    }
    if (log.count(message, "completed") == 0) {
      log.record(message, "completed");
    }
  }
}
