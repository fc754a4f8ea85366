package dev.pao.queue.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.OutboxStatus;
import dev.pao.queue.domain.OutboxWritten;
import dev.pao.testing.FakeActionQueue;
import dev.pao.testing.FakeOutbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox writer and relay on fakes: one row per attempt, sent once, failures recorded. */
class OutboxRelayTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final FakeOutbox outbox = new FakeOutbox();
  private final FakeActionQueue queue = new FakeActionQueue();
  private final List<OutboxWritten> announced = new ArrayList<>();
  private final List<OutboxMessage> told = new ArrayList<>();
  private final OutboxWriter writer = new OutboxWriter(outbox, announced::add, clock);
  private final OutboxRelay relay = new OutboxRelay(outbox, queue, List.of(told::add), clock);

  @Test
  void theWriterAddsOnePendingRowPerAttemptAndAnnouncesIt() {
    UUID request = UUID.randomUUID();
    OutboxMessage row = writer.enqueue(new ActionMessage(request, 1, 2, "corr"));

    assertEquals(List.of(row), outbox.rows());
    assertEquals(OutboxStatus.PENDING, row.status());
    assertEquals("pao-" + request + "-1-2", row.deduplicationId());
    assertEquals(request.toString(), row.messageGroupId());
    assertEquals(NOW, row.createdAt());
    assertEquals(List.of(new OutboxWritten(request, 1, 2)), announced);
  }

  @Test
  void theRelaySendsPendingRowsOnceMarksThemSentAndTellsTheListeners() {
    OutboxMessage first = writer.enqueue(new ActionMessage(UUID.randomUUID(), 0, 1, null));
    OutboxMessage second = writer.enqueue(new ActionMessage(UUID.randomUUID(), 0, 1, null));

    OutboxRelay.Batch batch = relay.relayBatch();

    assertEquals(new OutboxRelay.Batch(2, 2, null), batch);
    assertEquals(OutboxStatus.SENT, first.status());
    assertEquals(OutboxStatus.SENT, second.status());
    assertEquals(1, first.sendAttempts());
    assertEquals(List.of(first, second), told);
    assertEquals(first.deduplicationId(), queue.sent().get(0).deduplicationId());
    assertEquals(first.messageGroupId(), queue.sent().get(0).groupId());
    assertEquals(first.body(), queue.sent().get(0).body());

    assertEquals(new OutboxRelay.Batch(0, 0, null), relay.relayBatch());
    assertEquals(2, queue.sent().size());
  }

  @Test
  void aFailedSendIsCountedWithItsErrorAndTheRowWaits() {
    OutboxMessage sent = writer.enqueue(new ActionMessage(UUID.randomUUID(), 0, 1, null));
    OutboxMessage refused = writer.enqueue(new ActionMessage(UUID.randomUUID(), 0, 1, null));
    OutboxMessage waiting = writer.enqueue(new ActionMessage(UUID.randomUUID(), 0, 1, null));
    queue.failAfter(1);

    OutboxRelay.Batch batch = relay.relayBatch();

    assertEquals(1, batch.sent());
    assertNotNull(batch.failure());
    assertEquals(OutboxStatus.SENT, sent.status());
    assertEquals(OutboxStatus.PENDING, refused.status());
    assertEquals(1, refused.sendAttempts());
    assertTrue(refused.lastError().contains("connection refused"), refused.lastError());
    assertEquals(0, waiting.sendAttempts(), "the batch stops at the first failure");
    assertEquals(List.of(sent), told);

    queue.comeBack();
    relay.relayBatch();
    assertEquals(OutboxStatus.SENT, refused.status());
    assertEquals(2, refused.sendAttempts());
    assertNull(refused.lastError());
    assertEquals(OutboxStatus.SENT, waiting.status());
  }

  @Test
  void aQueueCallHoldsAtMostTenMessagesEachOfAnotherGroup() {
    UUID twice = UUID.randomUUID();
    List<OutboxMessage> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(writer.enqueue(new ActionMessage(UUID.randomUUID(), 0, 1, null)));
    }
    rows.add(2, writer.enqueue(new ActionMessage(twice, 0, 1, null)));
    rows.add(4, writer.enqueue(new ActionMessage(twice, 1, 1, null)));

    List<List<OutboxMessage>> calls = OutboxRelay.calls(rows);

    assertEquals(List.of(4, 10), calls.stream().map(List::size).toList());
    assertEquals(rows, calls.stream().flatMap(List::stream).toList(), "claim order is kept");
    for (List<OutboxMessage> call : calls) {
      assertEquals(
          call.size(), call.stream().map(OutboxMessage::messageGroupId).distinct().count());
    }
  }

  @Test
  void aNudgeDrainsEverythingPending() {
    for (int i = 0; i < OutboxRelay.BATCH + 3; i++) {
      writer.enqueue(new ActionMessage(UUID.randomUUID(), 0, 1, null));
    }

    relay.nudge();

    assertEquals(OutboxRelay.BATCH + 3, queue.sent().size());
    assertTrue(outbox.rows().stream().allMatch(row -> row.status() == OutboxStatus.SENT));
  }

  @Test
  void aQueueOutageLeavesEveryRowPendingUntilItEnds() {
    writer.enqueue(new ActionMessage(UUID.randomUUID(), 0, 1, null));
    queue.goDown();
    relay.nudge();
    relay.nudge();
    assertEquals(2, outbox.rows().get(0).sendAttempts());
    assertEquals(OutboxStatus.PENDING, outbox.rows().get(0).status());

    queue.comeBack();
    relay.nudge();
    assertEquals(OutboxStatus.SENT, outbox.rows().get(0).status());
  }
}
