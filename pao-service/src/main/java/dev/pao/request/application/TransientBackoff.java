package dev.pao.request.application;

import java.time.Duration;

/**
 * How long an action message whose attempt ended transient stays hidden before it is delivered
 * again: {@code first} after the first receive, times {@code factor} after each further one, at
 * most {@code max} (10 s, 30 s, 90 s, ... 15 min by default). With the queue's {@code
 * maxReceiveCount} this decides how long an outage an action rides out before its message is
 * dead-lettered.
 */
record TransientBackoff(Duration first, int factor, Duration max) {
  static final TransientBackoff DEFAULT =
      new TransientBackoff(Duration.ofSeconds(10), 3, Duration.ofMinutes(15));

  TransientBackoff {
    if (first.isNegative() || factor < 1 || max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "Back-off needs first >= 0, factor >= 1 and max >= first (first "
              + first
              + ", factor "
              + factor
              + ", max "
              + max
              + ")");
    }
  }

  /** The delay after the message's {@code receive}-th receive (1 for the first) failed. */
  Duration after(int receive) {
    Duration delay = first;
    for (int i = 1; i < receive && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(factor);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
