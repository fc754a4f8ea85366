package dev.pao.notify.application;

import java.time.Duration;

/**
 * The wait before a notification's next send: {@code first} after the first failure, doubling after
 * each further one, never more than {@code max}.
 */
public record NotificationBackoff(Duration first, Duration max) {
  /** The wait after {@code failures} failed sends (1 for the first). */
  public Duration after(int failures) {
    Duration wait = first;
    for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
