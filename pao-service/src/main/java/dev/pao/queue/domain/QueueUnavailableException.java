package dev.pao.queue.domain;

import dev.pao.shared.domain.UnavailableException;

/** The queue could not be reached or refused a call; trying again later is the remedy. */
public class QueueUnavailableException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  public QueueUnavailableException(String message, Throwable cause) {
    super(message, "queue", cause);
  }

  /** The message with its cause's, at most 1,000 characters (as kept on an outbox row). */
  public static String describe(RuntimeException e) {
    Throwable cause = e.getCause();
    String detail = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
    String text = e.getMessage() + detail;
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
