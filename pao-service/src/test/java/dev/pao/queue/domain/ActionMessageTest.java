package dev.pao.queue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionMessageTest {
  private final UUID request = UUID.fromString("2f1d3c4b-0000-4000-8000-000000000001");

  @Test
  void bodyRoundTripsThroughTheQueueMessage() {
    ActionMessage action = new ActionMessage(request, 2, 3, "corr-1");
    Map<String, Object> decoded = new HashMap<>(action.toBody());
    // JSON numbers decode as BigDecimal.
    decoded.put("action_index", new BigDecimal(2));
    decoded.put("attempt", new BigDecimal(3));
    QueueMessage message =
        new QueueMessage("action", decoded, "m-1", action.groupId(), "d", 1, null);
    assertEquals(action, ActionMessage.from(message));
    assertEquals("pao-" + request + "-2-3", action.deduplicationId());
    assertEquals(request.toString(), action.groupId());
  }

  @Test
  void refusesBodiesWithoutTheFields() {
    QueueMessage noIndex =
        new QueueMessage(
            "action",
            Map.of("type", "action", "request_id", request.toString()),
            "m",
            "g",
            "d",
            1,
            null);
    assertThrows(MalformedMessageException.class, () -> ActionMessage.from(noIndex));
    QueueMessage badId =
        new QueueMessage(
            "action",
            Map.of("type", "action", "request_id", "x", "action_index", 0, "attempt", 1),
            "m",
            "g",
            "d",
            1,
            null);
    assertThrows(MalformedMessageException.class, () -> ActionMessage.from(badId));
  }
}
