package dev.pao.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedReadingTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void readsOncePerTtlHoweverOftenAsked() {
    AtomicInteger reads = new AtomicInteger();
    CachedReading<Integer> reading =
        new CachedReading<>(reads::incrementAndGet, -1, Duration.ofSeconds(10), clock);
    assertEquals(1, reading.get());
    now = now.plusSeconds(9);
    assertEquals(1, reading.get());
    now = now.plusSeconds(1);
    assertEquals(2, reading.get());
    assertEquals(2, reads.get());
  }

  @Test
  void aFailedReadAnswersTheFallbackAndIsKeptAsLong() {
    AtomicInteger reads = new AtomicInteger();
    CachedReading<Long> reading =
        new CachedReading<>(
            () -> {
              reads.incrementAndGet();
              throw new IllegalStateException("database down");
            },
            -1L,
            Duration.ofSeconds(10),
            clock);
    assertEquals(-1L, reading.get());
    assertEquals(-1L, reading.get());
    assertEquals(1, reads.get());
  }
}
