package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Messages of one group arrive in order; different groups are processed side by side. */
class QueueOrderingIT {
  private static final int GROUPS = 3;
  private static final int PER_GROUP = 20;

  @Test
  void keepsOrderWithinEachGroupWhileGroupsInterleave() {
    TestStack.get();
    String run = QueueProbes.newRun();
    for (int i = 0; i < PER_GROUP; i++) {
      for (int g = 0; g < GROUPS; g++) {
        QueueProbes.send("probe.record", run, key(g, i), run + "-g" + g, Map.of());
      }
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> QueueProbes.deliveries(run, "completed").size() == GROUPS * PER_GROUP);

    List<QueueProbes.Delivery> completed = QueueProbes.deliveries(run, "completed");
    for (int g = 0; g < GROUPS; g++) {
      String group = run + "-g" + g;
      int groupIndex = g;
      List<String> inGroup =
          completed.stream().filter(d -> d.groupId().equals(group)).map(d -> d.key()).toList();
      assertEquals(
          IntStream.range(0, PER_GROUP).mapToObj(i -> key(groupIndex, i)).toList(),
          inGroup,
          "group " + g + " out of order");
    }
    long switches =
        IntStream.range(1, completed.size())
            .filter(i -> !completed.get(i).groupId().equals(completed.get(i - 1).groupId()))
            .count();
    assertTrue(
        switches > GROUPS, "groups ran one after another instead of side by side: " + switches);
  }

  @Test
  void handlerQueuesItsSuccessorThroughTheActionQueuePort() {
    TestStack.get();
    String run = QueueProbes.newRun();
    QueueProbes.send("probe.chain", run, "first", "chain-" + run, Map.of());

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> QueueProbes.deliveries(run, "completed").size() == 2);
    List<QueueProbes.Delivery> completed = QueueProbes.deliveries(run, "completed");
    assertEquals(List.of("first", "first-next"), completed.stream().map(d -> d.key()).toList());
    assertEquals("chain-" + run, completed.get(1).groupId());
  }

  private static String key(int group, int index) {
    return "g%d-%02d".formatted(group, index);
  }
}
