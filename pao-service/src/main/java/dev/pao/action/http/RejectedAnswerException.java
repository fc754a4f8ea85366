package dev.pao.action.http;

import dev.pao.action.spi.ActionFailedException;
import java.util.Map;

/**
 * A configured instance answered and refused the call (4xx other than 429): the action failed.
 * Carries the status so callers that expect some refusals (a 404 meaning "not there yet") can tell
 * them apart.
 */
public class RejectedAnswerException extends ActionFailedException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public RejectedAnswerException(int status, String message, Map<String, Object> details) {
    super(message, details);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
