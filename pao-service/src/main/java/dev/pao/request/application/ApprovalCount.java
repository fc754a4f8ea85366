package dev.pao.request.application;

import dev.pao.request.domain.ApprovalDecisions;
import java.util.List;

/** Counts the distinct approvals among a gate's decisions. */
final class ApprovalCount {
  private ApprovalCount() {}

  static long approvals(List<ApprovalDecisions.Decision> decisions) {
    return decisions.stream()
        .filter(ApprovalDecisions.Decision::approved)
        .map(ApprovalDecisions.Decision::approverSubject)
        .distinct()
        .count();
  }
}
