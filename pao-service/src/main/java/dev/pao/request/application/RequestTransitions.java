package dev.pao.request.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.StatusChange;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The one place a request's transitions are audited: callers change the status through one of the
 * aggregate's intent-named methods, which checks the state machine, and hand the {@link
 * StatusChange} it answered to {@link #record}, which appends the immutable audit event (actor,
 * from, to, reason, correlation id) in the same transaction, and tells the observers of {@link
 * RequestTransitioned} (notifications), also in that transaction.
 */
@ApplicationScoped
public class RequestTransitions {
  @Inject AuditLog audit;
  @Inject RequestMetrics metrics = RequestMetrics.none();
  @Inject Event<RequestTransitioned> transitioned;

  private Clock clock = Clock.systemUTC();

  protected RequestTransitions() {}

  RequestTransitions(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /** The time status changes are stamped with. */
  Instant now() {
    return clock.instant();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(Request request, StatusChange change, AuditEvent.Actor actor) {
    record(request, change, actor, Map.of());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Request request, StatusChange change, AuditEvent.Actor actor, Map<String, Object> payload) {
    metrics.changed(request, change);
    audit.append(
        new AuditEvent(
            "request." + change.to().wireName(),
            actor,
            request.id(),
            correlation(request),
            new AuditEvent.Transition(
                change.from().wireName(), change.to().wireName(), change.reason()),
            payload,
            change.at()));
    if (transitioned != null) {
      transitioned.fire(new RequestTransitioned(request, change));
    }
  }

  /** Records an event that is not a status change (e.g. an action started or completed). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void note(
      Request request, String eventType, AuditEvent.Actor actor, Map<String, Object> payload) {
    audit.append(
        new AuditEvent(
            eventType, actor, request.id(), correlation(request), null, payload, clock.instant()));
  }

  private static String correlation(Request request) {
    String current = Correlation.current();
    return current == null ? request.correlationId() : current;
  }
}
