package dev.pao.notify.domain;

import java.util.Locale;

/**
 * Where a notification stands: {@code pending} until sent, {@code sent}, {@code failed} once the
 * relay gave up, or {@code skipped} when its channel is not configured (not an error).
 */
public enum NotificationStatus {
  PENDING,
  SENT,
  FAILED,
  SKIPPED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NotificationStatus fromWireName(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
