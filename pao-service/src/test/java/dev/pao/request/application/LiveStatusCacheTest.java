package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.ExternalStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Live status is asked once per item per cache period, however often people poll. */
class LiveStatusCacheTest {
  private static final ExternalRef TICKET = new ExternalRef("jira", "default", "DBA-1", "u");
  private static final ExternalRef OTHER = new ExternalRef("jira", "default", "DBA-2", "u");

  private Instant now = Instant.parse("2026-03-02T09:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final LiveStatusCache cache = new LiveStatusCache(Duration.ofSeconds(15), clock);
  private final AtomicInteger lookups = new AtomicInteger();

  private Optional<ExternalStatus> ask() {
    lookups.incrementAndGet();
    return Optional.of(new ExternalStatus("Open", "open"));
  }

  @Test
  void pollsWithinThePeriodAreAnsweredFromTheCache() {
    for (int i = 0; i < 20; i++) {
      assertEquals("Open", cache.get(TICKET, this::ask).status().orElseThrow().externalStatus());
    }
    assertEquals(1, lookups.get());
    cache.get(OTHER, this::ask);
    assertEquals(2, lookups.get(), "each item has its own entry");
    now = now.plusSeconds(16);
    cache.get(TICKET, this::ask);
    assertEquals(3, lookups.get(), "asked again once the period is over");
  }

  @Test
  void aFailedLookupIsKeptTooSoAnUnreachableSystemIsNotAskedOnEveryPoll() {
    for (int i = 0; i < 5; i++) {
      LiveStatusCache.Lookup lookup =
          cache.get(
              TICKET,
              () -> {
                lookups.incrementAndGet();
                throw new IllegalStateException("JIRA answered 503");
              });
      assertEquals("JIRA answered 503", lookup.problem());
    }
    assertEquals(1, lookups.get());
  }
}
