package dev.pao.queue.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The body of an {@code action} message: run attempt {@code attempt} of action {@code actionIndex}
 * of request {@code requestId}. Its group id is the request id, so a request's actions run one at a
 * time and in order; its deduplication id names the attempt, so a repeated send is absorbed.
 */
public record ActionMessage(UUID requestId, int actionIndex, int attempt, String correlationId) {
  public static final String TYPE = "action";

  /** The JSON body: {@code {"type":"action","request_id":..,"action_index":..,"attempt":..}}. */
  public Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("request_id", requestId.toString());
    body.put("action_index", actionIndex);
    body.put("attempt", attempt);
    if (correlationId != null) {
      body.put("correlation_id", correlationId);
    }
    return body;
  }

  public String groupId() {
    return requestId.toString();
  }

  /** The attempt this message runs. */
  public AttemptKey attemptKey() {
    return new AttemptKey(requestId, actionIndex, attempt);
  }

  public String deduplicationId() {
    return attemptKey().value();
  }

  /**
   * Reads an action message; a body without the fields throws {@link MalformedMessageException}.
   */
  public static ActionMessage from(QueueMessage message) {
    if (!TYPE.equals(message.type())) {
      throw new MalformedMessageException("not an action message: type " + message.type());
    }
    Map<String, Object> body = message.body();
    try {
      return new ActionMessage(
          UUID.fromString(String.valueOf(body.get("request_id"))),
          number(body, "action_index"),
          number(body, "attempt"),
          message.correlationId().orElse(null));
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("action message without a valid request_id", e);
    }
  }

  private static int number(Map<String, Object> body, String field) {
    if (body.get(field) instanceof Number number) {
      return number.intValue();
    }
    throw new MalformedMessageException("action message without a numeric " + field);
  }
}
