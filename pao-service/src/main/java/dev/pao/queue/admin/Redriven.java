package dev.pao.queue.admin;

/**
 * The outcome of a redrive.
 *
 * @param dlqMessageId the dead letter that was moved
 * @param messageGroupId its group
 * @param messageId the id of the message now on the main queue
 */
public record Redriven(String dlqMessageId, String messageGroupId, String messageId) {}
