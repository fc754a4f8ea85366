package dev.pao.request.domain;

import java.time.Instant;
import java.util.List;

/** The approvers' decisions on a request's approval gates (one per approver and gate). */
public interface ApprovalDecisions {
  /** One approver's decision on the gate before action {@code gate}. */
  record Decision(
      RequestId requestId,
      int gate,
      String approverSubject,
      String approverEmail,
      boolean approved,
      String reason,
      Instant decidedAt) {}

  /** Records a decision; false when this approver already decided on this gate. */
  boolean add(Decision decision);

  /** The decisions on the gate before action {@code gate}, oldest first. */
  List<Decision> of(RequestId requestId, int gate);

  /** Every decision on the request, oldest first. */
  List<Decision> of(RequestId requestId);
}
