/**
 * The action queue's domain side: the message contract ({@link dev.pao.queue.domain.QueueMessage},
 * {@link dev.pao.queue.domain.ActionMessage}), the handler port the message-driven bean dispatches
 * to ({@link dev.pao.queue.domain.QueueMessageHandler}), the producer port ({@link
 * dev.pao.queue.domain.ActionQueue}) and the transactional outbox of messages to send.
 */
package dev.pao.queue.domain;
