package dev.pao.queue.admin;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.infra.SqsSettings;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Moves one dead letter back to the main queue, exactly once: the letter is held hidden while it is
 * sent (with a deduplication id derived from its DLQ id, so a repeat after a failure is absorbed by
 * the queue), the audit event is written, and only then is the letter deleted. Two admins redriving
 * the same letter at once: one holds it, the other does not find it.
 */
@ApplicationScoped
public class DeadLetterRedrive {
  static final String AUDIT_EVENT = "queue.message_redriven";

  @Inject DeadLetterBrowser browser;
  @Inject SqsClient sqs;
  @Inject SqsSettings settings;

  @PersistenceContext(unitName = "pao")
  EntityManager entityManager;

  @Transactional
  public Redriven redrive(String dlqMessageId, String actorEmail) {
    Message letter =
        browser
            .hold(dlqMessageId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No message " + dlqMessageId + " in the dead-letter queue"));
    String group = DeadLetterBrowser.groupId(letter);
    try {
      String messageId =
          sqs.sendMessage(
                  r ->
                      r.queueUrl(settings.queueUrl())
                          .messageGroupId(group)
                          .messageDeduplicationId("redrive-" + letter.messageId())
                          .messageBody(letter.body()))
              .messageId();
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("dlq_message_id", letter.messageId());
      payload.put("message_group_id", group);
      payload.put("message_id", messageId);
      entityManager.persist(
          new AuditEvent(
              AUDIT_EVENT,
              AuditEvent.Actor.user(actorEmail),
              requestId(group),
              Correlation.current(),
              null,
              payload,
              Instant.now()));
      entityManager.flush();
      browser.delete(letter);
      return new Redriven(letter.messageId(), group, messageId);
    } catch (SdkException e) {
      browser.release(List.of(letter));
      throw new ApiException(
          ErrorCode.UNAVAILABLE,
          "The queue is unreachable; redrive again (the queue absorbs a repeated send)");
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
