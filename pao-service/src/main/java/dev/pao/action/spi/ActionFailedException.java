package dev.pao.action.spi;

import java.util.Map;

/**
 * The action failed for a reason of its own (bad input to the external system, refused credentials,
 * a workflow that concluded in failure). Not retried automatically: the request becomes {@code
 * failed} and a person decides. The message must never contain a secret.
 */
public class ActionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, Object> details;

  public ActionFailedException(String message) {
    this(message, Map.of());
  }

  public ActionFailedException(String message, Map<String, Object> details) {
    super(message);
    this.details = Map.copyOf(details);
  }

  /**
   * Context for the person deciding what to do: HTTP status, the external system's errors, URLs.
   */
  public Map<String, Object> details() {
    return details;
  }
}
