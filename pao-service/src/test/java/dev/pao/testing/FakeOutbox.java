package dev.pao.testing;

import dev.pao.queue.domain.Outbox;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.OutboxStatus;
import java.util.ArrayList;
import java.util.List;

/** An outbox in memory. */
public final class FakeOutbox implements Outbox {
  private final List<OutboxMessage> rows = new ArrayList<>();

  @Override
  public void add(OutboxMessage message) {
    rows.add(message);
  }

  @Override
  public List<OutboxMessage> claimPending(int limit) {
    return rows.stream().filter(m -> m.status() == OutboxStatus.PENDING).limit(limit).toList();
  }

  public List<OutboxMessage> rows() {
    return List.copyOf(rows);
  }
}
