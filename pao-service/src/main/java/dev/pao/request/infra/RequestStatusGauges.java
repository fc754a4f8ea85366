package dev.pao.request.infra;

import dev.pao.request.domain.RequestStatus;
import dev.pao.shared.metrics.CachedReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code pao_requests{status}}: how many requests are in each unfinished status now (failed and
 * stuck ones wait for a person), counted by the database (every instance sees the same figures)
 * with one grouped query on the status index at most every {@link #CACHE_FOR}; -1 while the
 * database cannot be read. Finished statuses are not counted: they only grow.
 */
@ApplicationScoped
public class RequestStatusGauges {
  static final Duration CACHE_FOR = Duration.ofSeconds(10);
  static final List<RequestStatus> COUNTED =
      List.of(
          RequestStatus.SUBMITTED,
          RequestStatus.AWAITING_APPROVAL,
          RequestStatus.QUEUED,
          RequestStatus.IN_PROGRESS,
          RequestStatus.FAILED,
          RequestStatus.RETRYING,
          RequestStatus.STUCK);
  private static final String COUNT =
      "SELECT status, count(*) FROM requests WHERE status IN"
          + " ('submitted', 'awaiting_approval', 'queued', 'in_progress', 'failed', 'retrying',"
          + " 'stuck')"
          + " GROUP BY status";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Inject MetricRegistry registry;

  private final CachedReading<Map<RequestStatus, Long>> counts =
      new CachedReading<>(this::count, Map.of(), CACHE_FOR);

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Metadata metadata =
        Metadata.builder()
            .withName("pao.requests")
            .withDescription("Requests now in each unfinished status")
            .build();
    for (RequestStatus status : COUNTED) {
      registry.gauge(
          metadata,
          this,
          (Function<RequestStatusGauges, Long>) gauges -> gauges.current(status),
          new Tag("status", status.wireName()));
    }
  }

  private long current(RequestStatus status) {
    Map<RequestStatus, Long> now = counts.get();
    return now.isEmpty() ? -1 : now.getOrDefault(status, 0L);
  }

  private Map<RequestStatus, Long> count() {
    Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
    byStatus.put(RequestStatus.SUBMITTED, 0L); // never empty: empty stands for a failed read
    for (Object row : em.createNativeQuery(COUNT).getResultList()) {
      Object[] columns = (Object[]) row;
      byStatus.put(
          RequestStatus.fromWireName(String.valueOf(columns[0])),
          ((Number) columns[1]).longValue());
    }
    return byStatus;
  }
}
