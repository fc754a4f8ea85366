package dev.pao.action.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One attempt of one action, fully rendered.
 *
 * @param requestId the request the action belongs to
 * @param actionIndex its position in the request's plan
 * @param attempt 1 for the first run, +1 per human retry
 * @param spec the action's configuration after template rendering (keys as in the catalog)
 * @param dependencies what earlier actions of the components this one depends on created (a
 *     bundle's JIRA tickets are linked to these)
 * @param correlationId passed to outbound calls as {@code X-Correlation-ID}
 * @param deadline when the action's time budget ends ({@code timeoutSeconds})
 * @param heartbeat to call while waiting on long work: it keeps the request counting as progressing
 * @param keyAttempt the attempt whose idempotency key this attempt uses: {@code attempt} itself, or
 *     after a human retry of an unknown outcome the attempt whose outcome is unknown
 * @param sensitivePaths dotted paths in {@code spec} (e.g. {@code variables.dbPassword}) whose
 *     values came from sensitive form fields: an executor stores them as secrets where the target
 *     system can (Terraform sensitive variables)
 */
public record ActionCall(
    UUID requestId,
    int actionIndex,
    int attempt,
    Map<String, Object> spec,
    List<ExternalRef> dependencies,
    String correlationId,
    Instant deadline,
    Heartbeat heartbeat,
    int keyAttempt,
    Set<String> sensitivePaths) {

  public ActionCall {
    spec = Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    dependencies = List.copyOf(dependencies);
    heartbeat = heartbeat == null ? Heartbeat.NONE : heartbeat;
    sensitivePaths = sensitivePaths == null ? Set.of() : Set.copyOf(sensitivePaths);
  }

  /** Whether the value at a dotted spec path holds a sensitive value. */
  public boolean isSensitive(String path) {
    return sensitivePaths.contains(path);
  }

  /** An attempt with a key of its own and no sensitive values. */
  public ActionCall(
      UUID requestId,
      int actionIndex,
      int attempt,
      Map<String, Object> spec,
      List<ExternalRef> dependencies,
      String correlationId,
      Instant deadline,
      Heartbeat heartbeat) {
    this(
        requestId,
        actionIndex,
        attempt,
        spec,
        dependencies,
        correlationId,
        deadline,
        heartbeat,
        attempt,
        Set.of());
  }

  /**
   * The key that identifies this attempt everywhere outside PAO (request id + action index +
   * attempt): the same on every redelivery of the attempt; a human retry gets a new one after a
   * definite failure, and keeps the one of the attempt whose outcome is unknown otherwise (see
   * {@link #keyAttempt}).
   */
  public String idempotencyKey() {
    return "pao-" + requestId + "-" + actionIndex + "-" + keyAttempt;
  }

  /** The same call with {@code other} as its heartbeat. */
  public ActionCall withHeartbeat(Heartbeat other) {
    return new ActionCall(
        requestId,
        actionIndex,
        attempt,
        spec,
        dependencies,
        correlationId,
        deadline,
        other,
        keyAttempt,
        sensitivePaths);
  }

  /** A string setting of the action, or {@code null}. */
  public String text(String key) {
    Object value = spec.get(key);
    return value == null ? null : String.valueOf(value);
  }

  /** A required string setting; a missing one fails the action. */
  public String required(String key) {
    String value = text(key);
    if (value == null || value.isBlank()) {
      throw new ActionFailedException("The action has no '" + key + "'");
    }
    return value;
  }

  /** Whether the time budget is spent. */
  public boolean pastDeadline() {
    return Instant.now().isAfter(deadline);
  }
}
