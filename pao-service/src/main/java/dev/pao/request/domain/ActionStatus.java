package dev.pao.request.domain;

import java.util.Locale;

/** Where one planned action stands. */
public enum ActionStatus {
  PENDING,
  QUEUED,
  IN_PROGRESS,
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
