package dev.pao.queue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pao.action.spi.ActionCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptKeyTest {
  private static final UUID REQUEST = UUID.fromString("11111111-2222-3333-4444-555555555555");

  @ParameterizedTest
  @CsvSource({"0, 1", "2, 3", "11, 1"})
  void isTheKeyExecutorsGiveExternalSystems(int index, int attempt) {
    AttemptKey key = new AttemptKey(REQUEST, index, attempt);
    ActionCall call =
        new ActionCall(REQUEST, index, attempt, Map.of(), List.of(), "c", Instant.now(), null);
    assertEquals("pao-" + REQUEST + "-" + index + "-" + attempt, key.value());
    assertEquals(call.idempotencyKey(), key.value());
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "4, 2"})
  void isTheDeduplicationIdOfTheAttemptsMessageAndOutboxRow(int index, int attempt) {
    ActionMessage message = new ActionMessage(REQUEST, index, attempt, "corr");
    OutboxMessage row = OutboxMessage.of(message, Instant.EPOCH);
    String key = new AttemptKey(REQUEST, index, attempt).value();
    assertEquals(key, message.deduplicationId());
    assertEquals(key, row.deduplicationId());
    assertEquals(REQUEST.toString(), row.messageGroupId());
    assertEquals(message.toBody(), row.body());
    assertEquals(OutboxStatus.PENDING, row.status());
  }

  @ParameterizedTest
  @CsvSource({"1, 2", "2, 1"})
  void aHumanRetryIsANewKey(int attempt, int other) {
    assertNotEquals(
        new AttemptKey(REQUEST, 0, attempt).value(), new AttemptKey(REQUEST, 0, other).value());
  }
}
