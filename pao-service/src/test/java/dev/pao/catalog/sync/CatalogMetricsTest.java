package dev.pao.catalog.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.catalog.domain.SyncReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogMetricsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aFailedSyncKeepsTheLastGoodSyncsAgeAndRejections() {
    CatalogMetrics.State state = new CatalogMetrics.State(0, 0, null);
    assertEquals(-1, state.ageSeconds(T0));
    state = state.after(report(SyncReport.OK, T0, 2_000, 30));
    assertEquals(30, state.loaded());
    assertEquals(0, state.rejected());
    assertEquals(58, state.ageSeconds(T0.plusSeconds(60)));
    state = state.after(report(SyncReport.FAILED, T0.plusSeconds(120), 10, 30));
    assertEquals(30, state.loaded());
    assertEquals(178, state.ageSeconds(T0.plusSeconds(180)));
  }

  private static SyncReport report(String status, Instant started, long millis, int loaded) {
    return new SyncReport(
        "abc", "main", "webhook", "repository", status, started, millis, loaded, List.of(), null);
  }
}
