package dev.pao.action.spi;

import java.time.Duration;

/**
 * Nothing was sent: calls to the host are paused after repeated failures (its circuit breaker is
 * open) for about {@link #retryAfter()}. Transient, but the attempt never reached outside, so the
 * runner waits for the breaker rather than spending one of the message's receives.
 */
public class CircuitOpenException extends TransientActionException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public CircuitOpenException(String host, Duration retryAfter) {
    super("Calls to " + host + " are paused after repeated failures (circuit open)");
    this.retryAfter = retryAfter;
  }

  /** How long the breaker stays open before it lets a trial call through. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
