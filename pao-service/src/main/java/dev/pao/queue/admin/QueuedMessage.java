package dev.pao.queue.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * A message of the main queue as the database knows it: an outbox row whose action has not
 * finished.
 *
 * @param messageId the queue's message id (null until sent)
 * @param messageGroupId the FIFO group (the request id)
 * @param deduplicationId the FIFO deduplication id
 * @param requestId the request
 * @param actionIndex the action the message runs
 * @param attempt the attempt of that action
 * @param state {@code pending} (not yet sent), {@code queued} (sent, waiting) or {@code
 *     in_progress} (being processed)
 * @param requestStatus the request's status
 * @param createdAt when the outbox row was written
 * @param sentAt when it was sent to the queue
 * @param sendAttempts how often sending was tried
 * @param lastError the last send failure, if any
 */
public record QueuedMessage(
    String messageId,
    String messageGroupId,
    String deduplicationId,
    UUID requestId,
    int actionIndex,
    int attempt,
    String state,
    String requestStatus,
    Instant createdAt,
    Instant sentAt,
    int sendAttempts,
    String lastError) {}
