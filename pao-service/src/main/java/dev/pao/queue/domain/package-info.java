/** The action queue's domain side: the transactional outbox of messages to send. */
package dev.pao.queue.domain;
