package dev.pao.request.domain;

import java.util.Locale;

/** Where one planned action stands. */
public enum ActionStatus {
  PENDING,
  QUEUED,
  IN_PROGRESS,
  /**
   * Started something outside and waits for it with no worker held: a scheduled check looks again
   * at {@code next_check_at} (see {@link RequestAction#startWaiting}).
   */
  WAITING,
  COMPLETED,
  FAILED,
  SKIPPED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ActionStatus fromWireName(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Whether the action is done (a duplicate message for it is acknowledged and ignored). */
  public boolean finished() {
    return this == COMPLETED || this == FAILED || this == SKIPPED;
  }
}
