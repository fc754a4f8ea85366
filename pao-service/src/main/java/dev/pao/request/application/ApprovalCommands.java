package dev.pao.request.application;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.governance.ApprovalGate;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.outbox.OutboxWriter;
import dev.pao.request.domain.ApprovalDecisions;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestNotFoundException;
import dev.pao.request.domain.RequestRepository;
import dev.pao.security.CurrentUser;
import dev.pao.shared.domain.ForbiddenException;
import dev.pao.shared.domain.InvalidStateException;
import dev.pao.shared.domain.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An approver's decision on a request awaiting approval, under the request's row lock: an eligible
 * approver (one of the gate's teams or roles, never the requester) approves or rejects with a
 * reason. Once the gate has its minimum of distinct approvals the request is queued for the action
 * the gate stands before; one rejection ends it. Every decision is audited. A caller who can
 * neither see the request nor decide on it is answered as for an unknown id.
 */
@ApplicationScoped
public class ApprovalCommands {
  @Inject RequestRepository repository;
  @Inject ApprovalDecisions decisions;
  @Inject RequestTransitions transitions;
  @Inject OutboxWriter outbox;

  @Transactional
  public Approvals.Pending approve(RequestId id, CurrentUser user, String reason) {
    return decide(id, user, reason, true);
  }

  @Transactional
  public Approvals.Pending reject(RequestId id, CurrentUser user, String reason) {
    if (reason == null || reason.isBlank()) {
      throw ValidationException.of("A rejection needs a reason", "reason", "required");
    }
    return decide(id, user, reason, false);
  }

  private Approvals.Pending decide(RequestId id, CurrentUser user, String reason, boolean approve) {
    Request request = repository.lock(id).orElseThrow(() -> new RequestNotFoundException(id));
    Optional<ApprovalGate> waiting = Approvals.waitingAt(request);
    boolean approver = waiting.isPresent() && Approvals.mayDecide(request, waiting.get(), user);
    if (!approver && !RequestAccess.canSee(request, user)) {
      throw new RequestNotFoundException(id);
    }
    request.requireAwaitingApproval();
    ApprovalGate gate = waiting.orElseThrow();
    if (Approvals.isRequester(request, user)) {
      throw new ForbiddenException(
          "You cannot approve or reject your own request", gate.rule() + "/approvers");
    }
    if (!approver) {
      throw new ForbiddenException(
          "Only " + gate.approvers().describe() + " may approve or reject this request",
          gate.rule() + "/approvers");
    }
    Instant now = transitions.now();
    boolean added =
        decisions.add(
            new ApprovalDecisions.Decision(
                id, gate.actionIndex(), user.subject(), user.email(), approve, reason, now));
    if (!added) {
      throw new InvalidStateException("You have already decided on this approval of request " + id);
    }
    AuditEvent.Actor actor = AuditEvent.Actor.user(user.email());
    List<ApprovalDecisions.Decision> given = decisions.of(id, gate.actionIndex());
    long approvals = ApprovalCount.approvals(given);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("rule", gate.rule());
    payload.put("action_index", gate.actionIndex());
    payload.put("approvals", approvals);
    payload.put("min_approvals", gate.minApprovals());
    if (reason != null && !reason.isBlank()) {
      payload.put("reason", reason);
    }
    if (!approve) {
      transitions.record(
          request,
          request.reject("rejected by " + user.email() + ": " + reason, now),
          actor,
          payload);
    } else if (approvals >= gate.minApprovals()) {
      transitions.record(
          request, request.approve("approved by " + approvers(given), now), actor, payload);
      RequestAction next =
          repository
              .action(id, gate.actionIndex())
              .orElseThrow(() -> new IllegalStateException("no action " + gate.actionIndex()));
      next.queue(1);
      outbox.enqueue(new ActionMessage(id.value(), gate.actionIndex(), 1, request.correlationId()));
    } else {
      transitions.note(request, "request.approval_given", actor, payload);
    }
    return new Approvals.Pending(request, gate, given);
  }

  private static String approvers(List<ApprovalDecisions.Decision> given) {
    return String.join(
        ", ",
        given.stream()
            .filter(ApprovalDecisions.Decision::approved)
            .map(ApprovalDecisions.Decision::approverEmail)
            .distinct()
            .toList());
  }
}
