package dev.pao.request.domain;

import java.util.List;

/** Requests whose approval waited past its due time, for the escalation sweep. */
public interface DueApprovals {
  /**
   * Locks up to {@code limit} requests awaiting approval past their due time, skipping any another
   * instance holds; the caller's transaction must be active.
   */
  List<RequestId> lockOverdue(int limit);
}
