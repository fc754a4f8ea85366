package dev.pao.queue.domain;

import java.util.Locale;

/** Whether an outbox message still waits for the relay or reached the queue. */
public enum OutboxStatus {
  PENDING,
  SENT;

  /** The status as the database spells it ({@code pending}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OutboxStatus fromWireName(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
