package dev.pao.request.api;

import dev.pao.governance.ApprovalGate;
import dev.pao.request.application.Approvals;
import dev.pao.request.domain.ApprovalDecisions;
import dev.pao.request.domain.Request;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request's pending approval as {@code GET /approvals} and the approve and reject answers show
 * it: the request (form data with sensitive values masked), the rule that asks for the approval,
 * who may give it, how many it needs, the decisions so far and when it escalates.
 */
public record ApprovalView(
    String requestId,
    String status,
    String statusReason,
    String catalogItemId,
    String component,
    RequestView.Requester requester,
    Map<String, Object> formData,
    String rule,
    Approvers approvers,
    int minApprovals,
    long approvals,
    List<DecisionView> decisions,
    Instant dueAt,
    Instant createdAt,
    Map<String, String> links) {

  /** Who may approve. */
  public record Approvers(List<String> teams, List<String> roles) {}

  /** One approver's decision. */
  public record DecisionView(String approver, String decision, String reason, Instant decidedAt) {}

  static ApprovalView of(Approvals.Pending pending) {
    Request request = pending.request();
    ApprovalGate gate = pending.gate();
    String base = "/api/v1/requests/" + request.id();
    return new ApprovalView(
        request.id().toString(),
        request.status().wireName(),
        request.statusReason(),
        request.catalog().id(),
        gate.component(),
        new RequestView.Requester(
            request.requester().email(), request.requester().name(), request.requester().teams()),
        Masking.formData(request),
        gate.rule(),
        new Approvers(gate.approvers().teams(), gate.approvers().roles()),
        gate.minApprovals(),
        pending.approvals(),
        pending.given().stream().map(ApprovalView::decision).toList(),
        request.approvalDueAt(),
        request.createdAt(),
        Map.of(
            "request", base,
            "approve", base + "/approve",
            "reject", base + "/reject"));
  }

  private static DecisionView decision(ApprovalDecisions.Decision decision) {
    return new DecisionView(
        decision.approverEmail(),
        decision.approved() ? "approved" : "rejected",
        decision.reason(),
        decision.decidedAt());
  }
}
