package dev.pao.queue.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The body of an {@code action_check} message: look once more at what attempt {@code attempt} of
 * action {@code actionIndex} of request {@code requestId} waits for; {@code check} numbers the
 * continuations of that attempt's wait. Same group as the attempt's action message (the request
 * id), so it keeps the request's order; its deduplication id is the attempt's key plus the check
 * number, so a repeated send is absorbed but each check is a message of its own.
 */
public record WaitCheckMessage(
    UUID requestId, int actionIndex, int attempt, int check, String correlationId) {
  public static final String TYPE = "action_check";

  public Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("request_id", requestId.toString());
    body.put("action_index", actionIndex);
    body.put("attempt", attempt);
    body.put("check", check);
    if (correlationId != null) {
      body.put("correlation_id", correlationId);
    }
    return body;
  }

  public String groupId() {
    return requestId.toString();
  }

  public String deduplicationId() {
    return new AttemptKey(requestId, actionIndex, attempt).value() + "-check-" + check;
  }

  /** The action message of the same attempt (what the runner's steps take). */
  public ActionMessage attemptMessage() {
    return new ActionMessage(requestId, actionIndex, attempt, correlationId);
  }

  /** Reads a check message; a body without the fields throws {@link MalformedMessageException}. */
  public static WaitCheckMessage from(QueueMessage message) {
    if (!TYPE.equals(message.type())) {
      throw new MalformedMessageException("not an action_check message: type " + message.type());
    }
    Map<String, Object> body = message.body();
    try {
      return new WaitCheckMessage(
          UUID.fromString(String.valueOf(body.get("request_id"))),
          number(body, "action_index"),
          number(body, "attempt"),
          number(body, "check"),
          message.correlationId().orElse(null));
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("action_check message without a valid request_id", e);
    }
  }

  private static int number(Map<String, Object> body, String field) {
    if (body.get(field) instanceof Number number) {
      return number.intValue();
    }
    throw new MalformedMessageException("action_check message without a numeric " + field);
  }
}
