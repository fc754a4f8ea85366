package dev.pao.queue.outbox;

import dev.pao.shared.metrics.CachedReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code pao_outbox_pending}: messages written in the outbox and not yet sent to the queue (the
 * relay's backlog: it grows while the queue is unreachable), counted on the pending rows' partial
 * index at most every {@link #CACHE_FOR}; -1 while the database cannot be read.
 */
@ApplicationScoped
public class OutboxGauge {
  static final Duration CACHE_FOR = Duration.ofSeconds(10);

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Inject MetricRegistry registry;

  private final CachedReading<Long> pending = new CachedReading<>(this::count, -1L, CACHE_FOR);

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(
        Metadata.builder()
            .withName("pao.outbox.pending")
            .withDescription("Outbox messages not yet sent to the queue")
            .build(),
        pending,
        (Function<CachedReading<Long>, Long>) CachedReading::get);
  }

  private Long count() {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM outbox WHERE status = 'pending'")
                .getSingleResult())
        .longValue();
  }
}
