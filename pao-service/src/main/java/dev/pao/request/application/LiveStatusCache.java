package dev.pao.request.application;

import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.ExternalStatus;
import dev.pao.shared.metrics.CacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live status of external items, kept briefly ({@code pao.requests.live-status-cache-seconds},
 * default 15) per item: every poll of {@code GET /requests/{id}/status} by every viewer would
 * otherwise ask JIRA (or GitHub, Terraform) again. A failed lookup is kept as long, so an
 * unreachable system is not asked on every poll either.
 */
@ApplicationScoped
public class LiveStatusCache {
  /** What a lookup gave: the status (empty when the type has none), or why it failed. */
  public record Lookup(Optional<ExternalStatus> status, String problem) {}

  private record Entry(Lookup lookup, Instant until) {}

  private static final int MAX_ENTRIES = 10_000;

  private final Map<ExternalRef, Entry> entries = new ConcurrentHashMap<>();
  private Duration ttl;
  private Clock clock = Clock.systemUTC();
  @Inject CacheMetrics metrics;

  protected LiveStatusCache() {}

  @Inject
  LiveStatusCache(
      @ConfigProperty(name = "pao.requests.live-status-cache-seconds", defaultValue = "15")
          long seconds) {
    this.ttl = Duration.ofSeconds(Math.max(0, seconds));
  }

  LiveStatusCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The cached lookup of {@code ref}, or a fresh one through {@code lookup}. */
  public Lookup get(ExternalRef ref, Supplier<Optional<ExternalStatus>> lookup) {
    Instant now = clock.instant();
    Entry entry = entries.get(ref);
    if (entry != null && now.isBefore(entry.until())) {
      count(true);
      return entry.lookup();
    }
    count(false);
    Lookup fresh;
    try {
      fresh = new Lookup(lookup.get(), null);
    } catch (RuntimeException e) {
      fresh = new Lookup(Optional.empty(), String.valueOf(e.getMessage()));
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(old -> !now.isBefore(old.until()));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(ref, new Entry(fresh, now.plus(ttl)));
    return fresh;
  }

  private void count(boolean hit) {
    if (metrics != null) {
      if (hit) {
        metrics.hit("live_status");
      } else {
        metrics.miss("live_status");
      }
    }
  }
}
