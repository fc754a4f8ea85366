package dev.pao.notify.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationBackoffTest {
  @Test
  void doublesFromTheFirstWaitUpToTheCap() {
    NotificationBackoff backoff =
        new NotificationBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10));
    assertEquals(Duration.ofSeconds(5), backoff.after(1));
    assertEquals(Duration.ofSeconds(10), backoff.after(2));
    assertEquals(Duration.ofSeconds(40), backoff.after(4));
    assertEquals(Duration.ofSeconds(320), backoff.after(7));
    assertEquals(Duration.ofMinutes(10), backoff.after(8));
    assertEquals(Duration.ofMinutes(10), backoff.after(1000));
  }
}
