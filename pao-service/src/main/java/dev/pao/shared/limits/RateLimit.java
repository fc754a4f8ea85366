package dev.pao.shared.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One limit ({@code perMinute} calls per key and minute), with a resilience4j rate limiter per key
 * (caller, source address). A call over the limit is refused at once, never queued. At most {@code
 * maxKeys} keys are tracked; the least recently used is forgotten first, so a flood of distinct
 * sources cannot exhaust memory.
 */
public final class RateLimit {
  private final String what;
  private final int perMinute;
  private final RateLimiterConfig config;
  private final Map<String, AtomicRateLimiter> limiters;

  public RateLimit(String what, int perMinute, Duration period, int maxKeys) {
    if (perMinute < 1) {
      throw new IllegalArgumentException(what + " limit must be at least 1, got " + perMinute);
    }
    this.what = what;
    this.perMinute = perMinute;
    this.config =
        RateLimiterConfig.custom()
            .limitForPeriod(perMinute)
            .limitRefreshPeriod(period)
            .timeoutDuration(Duration.ZERO)
            .build();
    this.limiters =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, AtomicRateLimiter> eldest) {
            return size() > maxKeys;
          }
        };
  }

  /**
   * Takes one call of {@code key}'s allowance.
   *
   * @throws RateLimitedException when it is used up; says when the next call is allowed
   */
  public void acquire(String key) {
    AtomicRateLimiter limiter = limiter(key);
    if (limiter.acquirePermission()) {
      return;
    }
    long nanos = limiter.getDetailedMetrics().getNanosToWait();
    long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    throw new RateLimitedException(
        "Too many " + what + ": at most " + perMinute + " a minute; retry in " + seconds + " s",
        seconds);
  }

  private synchronized AtomicRateLimiter limiter(String key) {
    return limiters.computeIfAbsent(key, k -> (AtomicRateLimiter) RateLimiter.of(what, config));
  }
}
