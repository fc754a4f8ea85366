package dev.pao.request.application;

import dev.pao.governance.ApprovalGate;
import dev.pao.governance.ConditionInputs;
import dev.pao.request.domain.ApprovalDecisions;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestStatus;
import dev.pao.security.CurrentUser;
import java.util.List;
import java.util.Optional;

/** Who may decide on a request's pending approval, and what has been decided on it. */
public final class Approvals {
  private Approvals() {}

  /** A request's pending approval: its gate and the decisions taken on it so far. */
  public record Pending(
      Request request, ApprovalGate gate, List<ApprovalDecisions.Decision> given) {
    public long approvals() {
      return ApprovalCount.approvals(given);
    }
  }

  /** The gate the request waits at, if it awaits approval. */
  public static Optional<ApprovalGate> waitingAt(Request request) {
    if (request.status() != RequestStatus.AWAITING_APPROVAL) {
      return Optional.empty();
    }
    return ApprovalGate.before(ApprovalGate.of(request.plan()), request.currentActionIndex());
  }

  /** Whether the caller is one of the gate's approvers (the requester never is). */
  public static boolean mayDecide(Request request, ApprovalGate gate, CurrentUser user) {
    return !isRequester(request, user)
        && gate.approvers().include(user.teams(), ConditionInputs.roles(user));
  }

  static boolean isRequester(Request request, CurrentUser user) {
    return request.requester().subject().equals(user.subject());
  }
}
