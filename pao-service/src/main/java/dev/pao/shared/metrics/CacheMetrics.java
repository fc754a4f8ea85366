package dev.pao.shared.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code pao_cache_requests_total{cache,result}}: how often a cache answered ({@code hit}) or the
 * work was done ({@code miss}). The hit ratio tells whether a cache earns its keep, e.g. {@code
 * catalog_etag} (a {@code 304} instead of reading and serialising the catalog) or {@code
 * live_status} (JIRA, GitHub, Terraform not asked again).
 */
@ApplicationScoped
public class CacheMetrics {
  public static final String NAME = "pao.cache.requests";

  private static final Metadata METADATA =
      Metadata.builder()
          .withName(NAME)
          .withDescription("Lookups of a cache, by cache and result (hit or miss)")
          .build();

  @Inject MetricRegistry registry;

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public void hit(String cache) {
    counter(cache, "hit").inc();
  }

  public void miss(String cache) {
    counter(cache, "miss").inc();
  }

  private Counter counter(String cache, String result) {
    return counters.computeIfAbsent(
        cache + '\n' + result,
        key -> registry.counter(METADATA, new Tag("cache", cache), new Tag("result", result)));
  }
}
