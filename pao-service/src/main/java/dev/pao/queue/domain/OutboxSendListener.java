package dev.pao.queue.domain;

/**
 * Told, in the relay's transaction, that an outbox message reached the queue, so the capability
 * that wrote it can record that (a request still {@code submitted} becomes {@code queued}).
 */
public interface OutboxSendListener {
  void sent(OutboxMessage message);
}
