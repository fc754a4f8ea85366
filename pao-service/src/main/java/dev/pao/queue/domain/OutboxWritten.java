package dev.pao.queue.domain;

import java.util.UUID;

/**
 * A message was added to the outbox; observed after its transaction commits, it nudges the relay.
 */
public record OutboxWritten(UUID requestId, int actionIndex, int attempt) {}
