package dev.pao.queue.domain;

/**
 * A dead letter received and kept hidden for the holder (for a redrive), until it deletes or
 * releases it.
 *
 * @param messageId the DLQ's message id
 * @param groupId the FIFO group (the request id for action messages)
 * @param body the body as received
 * @param receiptHandle what deleting or releasing it takes
 */
public record HeldDeadLetter(String messageId, String groupId, String body, String receiptHandle) {}
