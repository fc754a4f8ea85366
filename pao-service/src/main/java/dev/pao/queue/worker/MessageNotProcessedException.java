package dev.pao.queue.worker;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;

/**
 * Thrown out of the message-driven bean when a message's outcome is unknown; the resource adapter
 * then leaves the message for redelivery, after {@link #redeliverAfter()} when the handler asked
 * for a delay. An application exception, so the container passes it on without treating it as a
 * bean failure.
 */
@ApplicationException
public class MessageNotProcessedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration redeliverAfter;

  public MessageNotProcessedException(String message, Throwable cause) {
    this(message, cause, null);
  }

  public MessageNotProcessedException(String message, Throwable cause, Duration redeliverAfter) {
    super(message, cause);
    this.redeliverAfter = redeliverAfter;
  }

  /** How long the message should stay hidden before its redelivery, if the handler said. */
  public Optional<Duration> redeliverAfter() {
    return Optional.ofNullable(redeliverAfter);
  }
}
