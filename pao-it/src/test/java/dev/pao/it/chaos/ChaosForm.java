package dev.pao.it.chaos;

import java.time.Duration;

/**
 * How hard the suite pushes: the short form (part of {@code ./mvnw verify}) or the long form
 * ({@code -Pchaos}, or {@code -Dpao.chaos.form=long}). Any figure can be overridden by its system
 * property; the random moments come from {@code pao.chaos.seed} (printed, so a run can be
 * repeated).
 */
record ChaosForm(
    String name,
    long seed,
    int users,
    int killRounds,
    int twoInstanceRequests,
    Duration databaseOutage,
    Duration queueOutage,
    int handOverRequests) {

  static ChaosForm fromSystemProperties() {
    boolean longForm = "long".equals(System.getProperty("pao.chaos.form", "short"));
    return new ChaosForm(
        longForm ? "long" : "short",
        Long.getLong("pao.chaos.seed", System.nanoTime()),
        Integer.getInteger("pao.chaos.users", longForm ? 16 : 8),
        Integer.getInteger("pao.chaos.kill-rounds", longForm ? 50 : 2),
        Integer.getInteger("pao.chaos.requests", longForm ? 5_000 : 200),
        Duration.ofSeconds(Long.getLong("pao.chaos.database-outage-seconds", longForm ? 30 : 10)),
        Duration.ofSeconds(Long.getLong("pao.chaos.queue-outage-seconds", longForm ? 60 : 15)),
        Integer.getInteger("pao.chaos.hand-over-requests", longForm ? 400 : 60));
  }
}
