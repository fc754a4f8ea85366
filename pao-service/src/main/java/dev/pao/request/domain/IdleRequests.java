package dev.pao.request.domain;

import java.time.Duration;
import java.util.List;

/**
 * The watchdog's view of requests that stopped progressing, safe with several instances sweeping at
 * once: one sweep at a time wins, and the requests it takes are locked for its transaction.
 */
public interface IdleRequests {

  /** Whether this transaction won the sweep (losers skip it); held until the transaction ends. */
  boolean claimSweep();

  /**
   * Active requests (submitted, queued, in progress, retrying) without progress for {@code
   * idleFor}, the longest idle first, locked; rows another transaction holds are skipped. A running
   * action is progress until its deadline: a request whose action is still within its time budget
   * (or passed it less than {@code idleFor} ago) is not idle.
   */
  List<RequestId> lockIdle(Duration idleFor, int limit);
}
