package dev.pao.queue.domain;

import dev.pao.shared.domain.UnavailableException;

/** The queue could not be reached or refused a call; trying again later is the remedy. */
public class QueueUnavailableException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  public QueueUnavailableException(String message, Throwable cause) {
    super(message, "queue", cause);
  }
}
