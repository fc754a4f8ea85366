package dev.pao.action.spi;

/**
 * The outcome is unknown because of an infrastructure problem (connection refused, timeout, 5xx
 * before a result): the message is left for redelivery, and the idempotency check makes the next
 * attempt safe.
 */
public class TransientActionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransientActionException(String message) {
    super(message);
  }

  public TransientActionException(String message, Throwable cause) {
    super(message, cause);
  }
}
