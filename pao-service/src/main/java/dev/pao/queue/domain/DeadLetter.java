package dev.pao.queue.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A message of the dead-letter queue.
 *
 * @param messageId the DLQ's message id (the one to redrive)
 * @param messageGroupId the FIFO group (the request id for action messages)
 * @param body the JSON body (or {@code {"raw": ...}} when it is not a JSON object)
 * @param receiveCount how often the message was received
 * @param sentAt when it was first sent
 * @param firstReceivedAt when it was first received
 */
public record DeadLetter(
    String messageId,
    String messageGroupId,
    Map<String, Object> body,
    int receiveCount,
    Instant sentAt,
    Instant firstReceivedAt) {}
