package dev.pao.request.application;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.OutboxSendListener;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestRepository;
import dev.pao.request.domain.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A request still {@code submitted} (or {@code retrying}) becomes {@code queued} once the relay
 * sent its message. Locked like every other writer of the request, but never waited for: when
 * another transaction holds the request (the runner starting it right now, a person aborting it),
 * that writer moves it on (the runner marks a request it finds {@code submitted} queued itself), so
 * the relay does not queue up behind it.
 */
@ApplicationScoped
public class MarkQueuedOnSend implements OutboxSendListener {
  private static final AuditEvent.Actor RELAY = AuditEvent.Actor.system("outbox-relay");

  @Inject RequestRepository repository;
  @Inject RequestTransitions transitions;

  protected MarkQueuedOnSend() {}

  MarkQueuedOnSend(RequestRepository repository, RequestTransitions transitions) {
    this.repository = repository;
    this.transitions = transitions;
  }

  @Override
  public void sent(OutboxMessage message) {
    repository.lockIfFree(RequestId.of(message.requestId())).ifPresent(this::markQueued);
  }

  private void markQueued(Request request) {
    if (request.status() == RequestStatus.SUBMITTED || request.status() == RequestStatus.RETRYING) {
      transitions.record(
          request, request.markQueued("sent to the queue", transitions.now()), RELAY);
    }
  }
}
