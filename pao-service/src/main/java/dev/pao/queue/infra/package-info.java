/**
 * The action queue's adapters: SQS (or ElasticMQ) client and settings, the start-up topology check,
 * the producer ({@link dev.pao.queue.infra.SqsActionQueue}), the one dead-letter queue adapter
 * ({@link dev.pao.queue.infra.SqsDeadLetters}: browse, find a request's letters, remove, redrive)
 * and the outbox table ({@link dev.pao.queue.infra.JpaOutbox}).
 */
package dev.pao.queue.infra;
