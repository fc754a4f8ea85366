/**
 * The action queue's domain side: the message contract ({@link dev.pao.queue.domain.QueueMessage},
 * {@link dev.pao.queue.domain.ActionMessage}) and the one name of an attempt ({@link
 * dev.pao.queue.domain.AttemptKey}); the handler port the message-driven bean dispatches to ({@link
 * dev.pao.queue.domain.QueueMessageHandler}); the producer port ({@link
 * dev.pao.queue.domain.ActionQueue}); the transactional outbox (the {@link
 * dev.pao.queue.domain.OutboxMessage} row, its guarded status, the {@link
 * dev.pao.queue.domain.Outbox} port, the event that nudges the relay, and the listener told of each
 * send); and the dead-letter queue port ({@link dev.pao.queue.domain.DeadLetters}).
 */
package dev.pao.queue.domain;
