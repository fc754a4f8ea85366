package dev.pao.action.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A per-host circuit breaker: after {@code threshold} consecutive failures (connection problems or
 * 5xx) calls to the host are refused for {@code openFor}; then one trial call decides whether it
 * closes again.
 */
final class CircuitBreaker {
  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private int consecutiveFailures;
  private Instant openUntil;

  CircuitBreaker(int threshold, Duration openFor, Clock clock) {
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  synchronized boolean allowsCall() {
    if (openUntil == null) {
      return true;
    }
    if (clock.instant().isAfter(openUntil)) {
      openUntil = null;
      consecutiveFailures = threshold - 1; // half-open: one more failure re-opens
      return true;
    }
    return false;
  }

  synchronized void succeeded() {
    consecutiveFailures = 0;
    openUntil = null;
  }

  synchronized void failed() {
    consecutiveFailures++;
    if (consecutiveFailures >= threshold) {
      openUntil = clock.instant().plus(openFor);
    }
  }

  synchronized boolean open() {
    return openUntil != null && clock.instant().isBefore(openUntil);
  }
}
