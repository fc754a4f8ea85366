package dev.pao.request.domain;

import java.util.List;

/**
 * Waiting actions whose next check is due, safe with several instances looking at once: each due
 * wait is taken by one transaction (the others skip it), with its request locked.
 */
public interface DueWaits {

  /** A due wait and the correlation id of its request. */
  record Due(RequestAction action, String correlationId) {}

  /**
   * Up to {@code limit} waiting actions of in-progress requests whose next check is due, the most
   * overdue first, locked with their requests for the caller's transaction; rows another
   * transaction holds are skipped.
   */
  List<Due> lockDue(int limit);
}
