package dev.pao.queue.domain;

/** The queue could not be reached or refused a call; trying again later is the remedy. */
public class QueueUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueueUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
