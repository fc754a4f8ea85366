package dev.pao.action.http;

import dev.pao.action.spi.ActionFailedException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** How one outbound call attempt ended, as the label {@code outcome} of the outbound metrics. */
public enum OutboundOutcome {
  SUCCESS,
  CLIENT_ERROR,
  SERVER_ERROR,
  TIMEOUT,
  CIRCUIT_OPEN,
  NETWORK_ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** An answer returned: a templated call's 4xx and 5xx answers are returned, not thrown. */
  static OutboundOutcome ofAnswer(Object answer) {
    if (answer instanceof HttpAnswer http && http.status() >= 400) {
      return http.status() >= 500 ? SERVER_ERROR : CLIENT_ERROR;
    }
    return SUCCESS;
  }

  /**
   * An answer classified as an exception: a refusal (4xx, 429, an answer the action cannot use) is
   * a client error; a 5xx or another transient answer a server error.
   */
  static OutboundOutcome ofClassified(RuntimeException classified) {
    return classified instanceof ActionFailedException || classified instanceof RateLimitedException
        ? CLIENT_ERROR
        : SERVER_ERROR;
  }

  /** No answer: a timeout, or a network error (refused, reset, unknown host). */
  static OutboundOutcome ofNoAnswer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpTimeoutException
          || t instanceof SocketTimeoutException
          || t instanceof TimeoutException) {
        return TIMEOUT;
      }
    }
    return NETWORK_ERROR;
  }
}
