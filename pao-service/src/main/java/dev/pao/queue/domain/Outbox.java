package dev.pao.queue.domain;

import java.util.List;

/**
 * The transactional outbox: messages written in the same transaction as the state change that calls
 * for them, and taken by the relay afterwards. Several relays (one per instance) take rows at once
 * without ever taking the same row.
 */
public interface Outbox {

  /** Adds a pending message in the caller's transaction. */
  void add(OutboxMessage message);

  /**
   * Up to {@code limit} pending messages, oldest first, locked for the caller's transaction; rows
   * another transaction holds are skipped.
   */
  List<OutboxMessage> claimPending(int limit);
}
