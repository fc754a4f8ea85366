package dev.pao.queue.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The one name of one attempt of one action of a request: {@code pao-<request id>-<action
 * index>-<attempt>}. The same on every redelivery of the attempt and different for a human retry,
 * it is the FIFO deduplication id of the attempt's message and the idempotency key executors give
 * external systems ({@code ActionCall#idempotencyKey()} spells the same value).
 */
public record AttemptKey(UUID requestId, int actionIndex, int attempt) {
  public AttemptKey {
    Objects.requireNonNull(requestId, "requestId");
  }

  public String value() {
    return "pao-" + requestId + "-" + actionIndex + "-" + attempt;
  }

  @Override
  public String toString() {
    return value();
  }
}
