package dev.pao.queue.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges of queue depth, in-flight messages and the age of the oldest unfinished message, read at
 * most every few seconds however often {@code /metrics} is scraped; -1 while the queue or the
 * database cannot be read.
 */
@ApplicationScoped
public class QueueGauges {
  private static final Duration CACHE_FOR = Duration.ofSeconds(5);

  @Inject MetricRegistry registry;
  @Inject QueueStatistics statistics;
  @Inject OutboxQueueListing listing;

  private volatile Snapshot snapshot;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    gauge("pao.queue.depth", "Messages waiting in the queue", "main", s -> s.main().depth());
    gauge("pao.queue.depth", "Messages waiting in the queue", "dlq", s -> s.dlq().depth());
    gauge("pao.queue.in.flight", "Messages being processed", "main", s -> s.main().inFlight());
    gauge("pao.queue.in.flight", "Messages being processed", "dlq", s -> s.dlq().inFlight());
    registry.gauge(
        Metadata.builder()
            .withName("pao.queue.oldest.message.age.seconds")
            .withDescription("Age of the oldest sent and unfinished action message")
            .build(),
        this,
        (Function<QueueGauges, Long>) gauges -> gauges.read(Snapshot::oldestAgeSeconds),
        new Tag("queue", "main"));
  }

  private void gauge(
      String name, String description, String queue, ToLongFunction<Snapshot> value) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        this,
        (Function<QueueGauges, Long>) gauges -> gauges.read(value),
        new Tag("queue", queue));
  }

  private long read(ToLongFunction<Snapshot> value) {
    Snapshot current = snapshot;
    if (current == null || current.takenAt().plus(CACHE_FOR).isBefore(Instant.now())) {
      current = take();
      snapshot = current;
    }
    return value.applyAsLong(current);
  }

  private Snapshot take() {
    Instant now = Instant.now();
    QueueCounters unknown = new QueueCounters(-1, -1, -1, null);
    QueueCounters main = unknown;
    QueueCounters dlq = unknown;
    long oldest = -1;
    try {
      main = statistics.mainCounters();
      dlq = statistics.dlqCounters();
    } catch (RuntimeException queueDown) {
      // Reported as -1 until the queue answers again.
    }
    try {
      oldest = listing.oldestSent().map(sent -> Duration.between(sent, now).toSeconds()).orElse(0L);
    } catch (RuntimeException databaseDown) {
      // Reported as -1 until the database answers again.
    }
    return new Snapshot(main, dlq, oldest, now);
  }

  private record Snapshot(
      QueueCounters main, QueueCounters dlq, long oldestAgeSeconds, Instant takenAt) {}
}
