package dev.pao.shared.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code ttl}, however often {@code /metrics} is scraped (several
 * scrapers, several gauges reading the same query). A failed read is answered with {@code
 * whenFailed} and kept as long, so a dependency that is down is not asked on every scrape either.
 *
 * @param <T> the value read
 */
public final class CachedReading<T> {
  private final Supplier<T> read;
  private final T whenFailed;
  private final Duration ttl;
  private final Clock clock;
  private volatile Taken<T> taken;

  private record Taken<T>(T value, Instant until) {}

  public CachedReading(Supplier<T> read, T whenFailed, Duration ttl) {
    this(read, whenFailed, ttl, Clock.systemUTC());
  }

  CachedReading(Supplier<T> read, T whenFailed, Duration ttl, Clock clock) {
    this.read = read;
    this.whenFailed = whenFailed;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The cached value, or a fresh reading once the last one is older than the ttl. */
  public T get() {
    Instant now = clock.instant();
    Taken<T> current = taken;
    if (current == null || !now.isBefore(current.until())) {
      T value;
      try {
        value = read.get();
      } catch (RuntimeException e) {
        value = whenFailed;
      }
      current = new Taken<>(value == null ? whenFailed : value, now.plus(ttl));
      taken = current;
    }
    return current.value();
  }
}
