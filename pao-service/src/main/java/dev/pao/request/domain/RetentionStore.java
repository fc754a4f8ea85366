package dev.pao.request.domain;

/** Removes what the retention policy no longer keeps. Active requests are never removed. */
public interface RetentionStore {

  /**
   * Claims this run of the policy for the current transaction: with several instances one runs it,
   * the others answer false and skip (concurrent deletes of the same rows would only wait on each
   * other).
   */
  boolean claimRun();

  /**
   * Removes completed requests finished more than {@code completedDays} ago and failed, aborted and
   * escalated requests last changed more than {@code failedDays} ago, with their actions; answers
   * how many requests.
   */
  int removeFinishedRequests(int completedDays, int failedDays);

  /** Forgets submission idempotency keys past their expiry. */
  void removeExpiredIdempotencyKeys();

  /** Removes audit events older than {@code days}. */
  void removeAuditEventsOlderThan(int days);
}
