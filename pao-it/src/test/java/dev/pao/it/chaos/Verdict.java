package dev.pao.it.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks every scenario ends with, once its load has stopped: every request the clients were
 * told about is in the database under its key and nothing else is (none lost, none created twice),
 * every one reaches a final state within {@code drainBound}, no action's effect happened twice at
 * the stub, and each completed request shows the stub's resources as its outputs.
 */
final class Verdict {
  final Ledger ledger;
  final EffectStub.Tally tally;
  final Map<String, Integer> statuses;
  final Duration drained;

  private Verdict(
      Ledger ledger, EffectStub.Tally tally, Map<String, Integer> statuses, Duration drained) {
    this.ledger = ledger;
    this.tally = tally;
    this.statuses = statuses;
    this.drained = drained;
  }

  /**
   * Waits until the scenario's requests are final (at most {@code drainBound}), measures how long
   * that took from {@code faultEnded}, checks the common promises and fills {@code row}.
   */
  static Verdict reach(
      Load load,
      Ledger ledger,
      EffectStub stub,
      Map<String, String> row,
      Instant faultEnded,
      Duration drainBound) {
    await()
        .atMost(drainBound)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> ledger.unfinished() == 0);
    Duration drained = Duration.between(faultEnded, Instant.now());
    Map<String, String> accepted = load.accepted();
    Map<String, String> stored = ledger.idsByKey();
    List<String> ids = List.copyOf(accepted.values());
    EffectStub.Tally tally = stub.tally(ids, ChaosStack.ACTIONS);
    Map<String, Integer> statuses = ledger.statuses();
    long lost =
        accepted.entrySet().stream()
            .filter(e -> !Objects.equals(stored.get(e.getKey()), e.getValue()))
            .count();
    row.put("requests", String.valueOf(accepted.size()));
    row.put("completed", String.valueOf(statuses.getOrDefault("completed", 0)));
    row.put("failed", String.valueOf(statuses.getOrDefault("failed", 0)));
    row.put("stuck", String.valueOf(statuses.getOrDefault("stuck", 0)));
    row.put("lost", String.valueOf(lost + ledger.unfinished()));
    row.put("dup effects", String.valueOf(tally.duplicated()));
    row.put("calls", String.valueOf(tally.calls()));
    row.put("effects", String.valueOf(tally.effects()));
    row.put("replays", String.valueOf(tally.replays()));
    row.put("drained", Figures.seconds(drained));
    row.put("answers", load.answers().toString());
    row.put("attempts run again", String.valueOf(ledger.attemptsRunAgain()));
    row.put("stuck transitions", String.valueOf(ledger.stuckTransitions()));
    for (String status : List.of("failed", "stuck")) {
      if (statuses.getOrDefault(status, 0) > 0) {
        row.put(status + " because", ledger.reasons(status).toString());
      }
    }

    assertEquals(List.of(), load.unexpected(), "answers outside 202, 503 UNAVAILABLE");
    assertEquals(0, lost, "accepted requests missing or stored under another id");
    assertEquals(accepted.size(), stored.size(), "requests stored but never acknowledged");
    assertEquals(0, ledger.halfWritten(), "requests written in part");
    assertEquals(0, tally.duplicated(), "an action's effect made twice");
    List<String> completed = ledger.ids("completed");
    assertEquals(
        0,
        stub.tally(completed, ChaosStack.ACTIONS).withoutEffect(),
        "completed requests whose action left no effect");
    for (String action : ChaosStack.ACTIONS) {
      Map<String, String> outputs = ledger.outputs(action + "Id");
      long mismatched =
          outputs.entrySet().stream()
              .filter(e -> !Objects.equals(e.getValue(), stub.resourceOf(e.getKey(), action)))
              .count();
      assertEquals(
          0,
          mismatched,
          "completed requests whose " + action + " output is not the stub's resource");
    }
    return new Verdict(ledger, tally, statuses, drained);
  }

  int count(String status) {
    return statuses.getOrDefault(status, 0);
  }
}
