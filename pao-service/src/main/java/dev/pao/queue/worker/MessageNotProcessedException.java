package dev.pao.queue.worker;

import jakarta.ejb.ApplicationException;

/**
 * Thrown out of the message-driven bean when a message's outcome is unknown; the resource adapter
 * then leaves the message for redelivery. An application exception, so the container passes it on
 * without treating it as a bean failure.
 */
@ApplicationException
public class MessageNotProcessedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MessageNotProcessedException(String message, Throwable cause) {
    super(message, cause);
  }
}
