package dev.pao.action.http;

import dev.pao.action.spi.TransientActionException;

/**
 * A {@code 5xx} answer of a configured instance: the outcome is unknown (transient), and it counts
 * as a failure for the host's circuit breaker.
 */
public class ServerErrorException extends TransientActionException {
  private static final long serialVersionUID = 1L;

  public ServerErrorException(String message) {
    super(message);
  }
}
