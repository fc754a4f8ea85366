package dev.pao.queue.domain;

import java.time.Duration;

/**
 * Thrown by a {@link QueueMessageHandler} whose message's outcome is unknown and that should not
 * come back before {@link #delay()} (e.g. back-off while a dependency is down): the message is left
 * for redelivery and stays hidden that long.
 */
public class RedeliverLaterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration delay;

  public RedeliverLaterException(String message, Duration delay, Throwable cause) {
    super(message, cause);
    this.delay = delay;
  }

  /** How long the message should stay hidden before it is delivered again. */
  public Duration delay() {
    return delay;
  }
}
