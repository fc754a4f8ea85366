package dev.pao.catalog.sync;

import dev.pao.catalog.domain.SyncReport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The catalog as this instance serves it, from its syncs: {@code pao_catalog_documents{state}}
 * (documents served, and rejected by the last successful sync), {@code
 * pao_catalog_last_sync_age_seconds} (since the last successful sync ended; -1 before one) and
 * {@code pao_catalog_syncs_total{status}} (ok or failed).
 */
@ApplicationScoped
public class CatalogMetrics {
  @Inject MetricRegistry registry;

  private final Clock clock = Clock.systemUTC();
  private volatile State state = new State(0, 0, null);
  private Counter ok;
  private Counter failed;

  /** What the gauges show: the last sync's served count, the last good one's rejections and end. */
  record State(long loaded, long rejected, Instant lastOkAt) {
    State after(SyncReport report) {
      if (!SyncReport.OK.equals(report.status())) {
        return new State(report.documentsLoaded(), rejected, lastOkAt);
      }
      return new State(
          report.documentsLoaded(),
          report.rejected().size(),
          report.startedAt().plusMillis(report.durationMillis()));
    }

    long ageSeconds(Instant now) {
      return lastOkAt == null ? -1 : Math.max(0, Duration.between(lastOkAt, now).toSeconds());
    }
  }

  @PostConstruct
  void register() {
    Metadata syncs =
        Metadata.builder()
            .withName("pao.catalog.syncs")
            .withDescription("Catalog syncs, by status (ok or failed)")
            .build();
    ok = registry.counter(syncs, new Tag("status", SyncReport.OK));
    failed = registry.counter(syncs, new Tag("status", SyncReport.FAILED));
    Metadata documents =
        Metadata.builder()
            .withName("pao.catalog.documents")
            .withDescription("Catalog documents served (loaded), and rejected by the last sync")
            .build();
    gauge(documents, m -> m.state.loaded(), new Tag("state", "loaded"));
    gauge(documents, m -> m.state.rejected(), new Tag("state", "rejected"));
    gauge(
        Metadata.builder()
            .withName("pao.catalog.last.sync.age.seconds")
            .withDescription("Seconds since the last successful catalog sync; -1 before one")
            .build(),
        m -> m.state.ageSeconds(m.clock.instant()));
  }

  private void gauge(Metadata metadata, Function<CatalogMetrics, Long> value, Tag... tags) {
    registry.gauge(metadata, this, value, tags);
  }

  /** A sync ended with {@code report}. */
  void synced(SyncReport report) {
    state = state.after(report);
    (SyncReport.OK.equals(report.status()) ? ok : failed).inc();
  }
}
