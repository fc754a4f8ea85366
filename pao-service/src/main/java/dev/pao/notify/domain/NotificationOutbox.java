package dev.pao.notify.domain;

import java.time.Instant;
import java.util.List;

/** The notifications outbox: rows written with a status change, claimed by the relay. */
public interface NotificationOutbox {
  /** Adds a pending notification to the current transaction. */
  void add(Notification notification);

  /**
   * Claims up to {@code limit} pending notifications due at {@code now}, locked for the current
   * transaction and skipped by other relays.
   */
  List<Notification> claimDue(Instant now, int limit);
}
