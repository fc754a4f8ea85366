package dev.pao.request.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestStatus;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * The one place request statuses change: the aggregate checks the state machine, and every accepted
 * transition appends an immutable audit event (actor, from, to, reason, correlation id) in the same
 * transaction.
 */
@ApplicationScoped
public class RequestTransitions {
  @Inject AuditLog audit;

  private final Clock clock = Clock.systemUTC();

  @Transactional(Transactional.TxType.MANDATORY)
  public void move(Request request, RequestStatus to, AuditEvent.Actor actor, String reason) {
    move(request, to, actor, reason, Map.of());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void move(
      Request request,
      RequestStatus to,
      AuditEvent.Actor actor,
      String reason,
      Map<String, Object> payload) {
    RequestStatus from = request.moveTo(to, reason, clock.instant());
    audit.append(
        new AuditEvent(
            "request." + to.wireName(),
            actor,
            request.id(),
            correlation(request),
            new AuditEvent.Transition(from.wireName(), to.wireName(), reason),
            payload,
            clock.instant()));
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
