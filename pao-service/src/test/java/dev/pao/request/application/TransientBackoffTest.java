package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransientBackoffTest {
  @ParameterizedTest
  @CsvSource({"1, 10", "2, 30", "3, 90", "4, 270", "5, 810", "6, 900", "50, 900"})
  void growsByTheFactorWithEachReceiveUpToTheMaximum(int receive, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), TransientBackoff.DEFAULT.after(receive));
  }

  @ParameterizedTest
  @CsvSource({"-1, 3, 10", "10, 0, 60", "10, 3, 5"})
  void refusesSettingsThatMakeNoSense(long first, int factor, long max) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TransientBackoff(Duration.ofSeconds(first), factor, Duration.ofSeconds(max)));
  }
}
