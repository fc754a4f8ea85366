package dev.pao.health;

import dev.pao.shared.metrics.CachedReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code pao_database_reachable} and {@code pao_queue_reachable}: 1 while the health check of that
 * name finds its dependency usable, 0 otherwise (-1 if no check of that name exists), re-checked at
 * most every {@link #CACHE_FOR}. The checks are found by name whatever health procedure (readiness
 * or not) they answer for.
 */
@ApplicationScoped
public class HealthGauges {
  static final Duration CACHE_FOR = Duration.ofSeconds(10);

  @Inject MetricRegistry registry;
  @Inject @Any Instance<DetailedCheck> checks;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    gauge("pao.database.reachable", "1 while the database answers, 0 otherwise", "database");
    gauge("pao.queue.reachable", "1 while the queue and its DLQ answer as expected", "queue");
  }

  private void gauge(String name, String description, String check) {
    CachedReading<Long> reading = new CachedReading<>(() -> up(check), 0L, CACHE_FOR);
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        reading,
        (Function<CachedReading<Long>, Long>) CachedReading::get);
  }

  private long up(String name) {
    for (DetailedCheck check : checks) {
      if (check.name().equals(name)) {
        return check.problem().isEmpty() ? 1 : 0;
      }
    }
    return -1;
  }
}
