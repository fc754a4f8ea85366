package dev.pao.queue.admin;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.DeadLetters;
import dev.pao.queue.domain.HeldDeadLetter;
import dev.pao.queue.domain.QueueUnavailableException;
import dev.pao.shared.correlation.Correlation;
import dev.pao.shared.domain.NotFoundException;
import dev.pao.shared.domain.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Moves one dead letter back to the main queue, exactly once: the letter is held hidden while it is
 * sent (with a deduplication id derived from its DLQ id, so a repeat after a failure is absorbed by
 * the queue), the audit event is written, and only then is the letter deleted. Two admins redriving
 * the same letter at once: one holds it, the other does not find it.
 */
@ApplicationScoped
public class DeadLetterRedrive {
  static final String AUDIT_EVENT = "queue.message_redriven";

  @Inject DeadLetters deadLetters;
  @Inject AuditLog audit;

  @Transactional
  public Redriven redrive(String dlqMessageId, String actorEmail) {
    HeldDeadLetter letter =
        deadLetters
            .hold(dlqMessageId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No message " + dlqMessageId + " in the dead-letter queue"));
    try {
      String messageId = deadLetters.sendToMainQueue(letter);
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("dlq_message_id", letter.messageId());
      payload.put("message_group_id", letter.groupId());
      payload.put("message_id", messageId);
      audit.append(
          new AuditEvent(
              AUDIT_EVENT,
              AuditEvent.Actor.user(actorEmail),
              requestId(letter.groupId()),
              Correlation.current(),
              null,
              payload,
              Instant.now()));
      deadLetters.delete(letter);
      return new Redriven(letter.messageId(), letter.groupId(), messageId);
    } catch (QueueUnavailableException e) {
      deadLetters.release(letter);
      throw new UnavailableException(
          "The queue is unreachable; redrive again (the queue absorbs a repeated send)", null, e);
    }
  }

  private static UUID requestId(String group) {
    try {
      return group == null ? null : UUID.fromString(group);
    } catch (IllegalArgumentException notARequest) {
      return null;
    }
  }
}
