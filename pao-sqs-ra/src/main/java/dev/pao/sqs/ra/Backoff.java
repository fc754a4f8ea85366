package dev.pao.sqs.ra;

import java.time.Duration;

/** Exponential back-off between failed calls: 250 ms doubling up to 5 s, reset on success. */
final class Backoff {
  private static final long FIRST_MILLIS = 250;
  private static final long MAX_MILLIS = 5_000;

  private long nextMillis = FIRST_MILLIS;

  Duration next() {
    Duration delay = Duration.ofMillis(nextMillis);
    nextMillis = Math.min(MAX_MILLIS, nextMillis * 2);
    return delay;
  }

  void reset() {
    nextMillis = FIRST_MILLIS;
  }
}
