package dev.pao.shared.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.shared.api.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private final RateLimit limit = new RateLimit("submissions", 3, Duration.ofMinutes(1), 100);

  @Test
  void theCallOverTheLimitIsRefusedWithWhenToRetry() {
    for (int i = 0; i < 3; i++) {
      limit.acquire("ada");
    }
    RateLimitedException refused =
        assertThrows(RateLimitedException.class, () -> limit.acquire("ada"));
    assertEquals(ErrorCode.RATE_LIMITED, refused.code());
    assertTrue(
        refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 60,
        String.valueOf(refused.retryAfterSeconds()));
    assertTrue(refused.getMessage().contains("at most 3 a minute"), refused.getMessage());
  }

  @Test
  void eachKeyHasItsOwnAllowance() {
    for (int i = 0; i < 3; i++) {
      limit.acquire("ada");
    }
    limit.acquire("bob");
    assertThrows(RateLimitedException.class, () -> limit.acquire("ada"));
  }

  @Test
  void theAllowanceComesBackAfterThePeriod() {
    RateLimit fast = new RateLimit("webhook deliveries", 1, Duration.ofMillis(200), 100);
    fast.acquire("10.0.0.1");
    assertThrows(RateLimitedException.class, () -> fast.acquire("10.0.0.1"));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    boolean allowed = false;
    while (!allowed && System.nanoTime() < deadline) {
      try {
        fast.acquire("10.0.0.1");
        allowed = true;
      } catch (RateLimitedException stillLimited) {
        Thread.onSpinWait();
      }
    }
    assertTrue(allowed, "allowed again after the period");
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimit("submissions", 0, Duration.ofMinutes(1), 100));
  }
}
