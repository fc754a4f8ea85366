/**
 * The consumer side of the action queue: the message-driven bean fed by the SQS resource adapter
 * ({@code pao-sqs-ra}), which decodes each message and hands it to the {@link
 * dev.pao.queue.domain.QueueMessageHandler} of its type, and the queue metrics.
 */
package dev.pao.queue.worker;
