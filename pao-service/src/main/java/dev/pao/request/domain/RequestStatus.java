package dev.pao.request.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The request state machine, in one place. Transitions follow the product's diagram: a request is
 * submitted, queued, worked on, and either completes or fails; a failed or stuck request waits for
 * a person to retry, abort or escalate it; one whose actions have not started can be aborted, and
 * so can one in progress while its current action waits (no worker runs it; {@link Request#abort}
 * checks that). A request that needs an approval waits for it in {@code awaiting_approval}, before
 * its first action or before a bundle component's: approved it is queued, rejected it ends, left
 * undecided too long it is escalated.
 */
public enum RequestStatus {
  SUBMITTED,
  AWAITING_APPROVAL,
  QUEUED,
  IN_PROGRESS,
  COMPLETED,
  FAILED,
  RETRYING,
  ABORTED,
  REJECTED,
  ESCALATED,
  STUCK;

  /** Whether no further transition is possible. */
  public boolean terminal() {
    return this == COMPLETED || this == ABORTED || this == REJECTED || this == ESCALATED;
  }

  /** Whether the state machine allows moving from this status to {@code next}. */
  public boolean canTransitionTo(RequestStatus next) {
    return successors().contains(next);
  }

  /** The statuses reachable in one step. */
  public Set<RequestStatus> successors() {
    return switch (this) {
      // A request whose actions have not started may be cancelled by a person (abort).
      case SUBMITTED -> EnumSet.of(AWAITING_APPROVAL, QUEUED, STUCK, ABORTED);
      // Approved: queued; rejected: ends; the requester may withdraw it; a timeout escalates it.
      case AWAITING_APPROVAL -> EnumSet.of(QUEUED, REJECTED, ABORTED, ESCALATED);
      case QUEUED -> EnumSet.of(IN_PROGRESS, STUCK, ABORTED);
      // Aborted only while its current action waits (see Request#abort).
      // Awaiting approval before a bundle component, once the components before it completed.
      case IN_PROGRESS -> EnumSet.of(COMPLETED, FAILED, STUCK, ABORTED, AWAITING_APPROVAL);
      case FAILED -> EnumSet.of(RETRYING, ABORTED, ESCALATED);
      case RETRYING -> EnumSet.of(QUEUED, STUCK);
      case STUCK -> EnumSet.of(RETRYING, ABORTED, ESCALATED, IN_PROGRESS);
      case COMPLETED, ABORTED, REJECTED, ESCALATED -> EnumSet.noneOf(RequestStatus.class);
    };
  }

  /** The statuses from which {@code next} is reachable in one step, in the diagram's order. */
  public static Set<RequestStatus> predecessorsOf(RequestStatus next) {
    Set<RequestStatus> from = EnumSet.noneOf(RequestStatus.class);
    for (RequestStatus status : values()) {
      if (status.canTransitionTo(next)) {
        from.add(status);
      }
    }
    return from;
  }

  /** The status as the API and the database spell it ({@code in_progress}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RequestStatus fromWireName(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
