package dev.pao.queue.worker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Messages processed by this instance over a sliding window, in one-second buckets; lock-free, so
 * the message path pays one array update.
 */
final class ProcessingRate {
  private final int seconds;
  private final AtomicLongArray counts;
  private final AtomicLongArray bucketSecond;

  ProcessingRate(Duration window) {
    this.seconds = (int) window.toSeconds();
    this.counts = new AtomicLongArray(seconds);
    this.bucketSecond = new AtomicLongArray(seconds);
  }

  void record(long epochSecond) {
    int index = (int) (epochSecond % seconds);
    long owner = bucketSecond.get(index);
    if (owner != epochSecond && bucketSecond.compareAndSet(index, owner, epochSecond)) {
      counts.set(index, 0);
    }
    counts.incrementAndGet(index);
  }

  /** Messages per minute over the window ending at {@code nowEpochSecond}. */
  double perMinute(long nowEpochSecond) {
    long total = 0;
    for (int i = 0; i < seconds; i++) {
      long second = bucketSecond.get(i);
      if (second > nowEpochSecond - seconds && second <= nowEpochSecond) {
        total += counts.get(i);
      }
    }
    return total * 60.0 / seconds;
  }

  Duration window() {
    return Duration.ofSeconds(seconds);
  }
}
