package dev.pao.queue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessingRateTest {

  @Test
  void countsOnlyTheWindow() {
    ProcessingRate rate = new ProcessingRate(Duration.ofSeconds(60));
    for (int i = 0; i < 30; i++) {
      rate.record(1_000);
    }
    rate.record(1_030);
    assertEquals(31.0, rate.perMinute(1_030));
    assertEquals(1.0, rate.perMinute(1_061));
    assertEquals(0.0, rate.perMinute(1_100));
  }

  @Test
  void reusesABucketForANewSecond() {
    ProcessingRate rate = new ProcessingRate(Duration.ofSeconds(60));
    rate.record(1_000);
    rate.record(1_060);
    assertEquals(1.0, rate.perMinute(1_060));
  }
}
