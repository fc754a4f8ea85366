package dev.pao.request.application;

import dev.pao.action.ActionExecutors;
import dev.pao.action.spi.ExternalRef;
import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestRow;
import dev.pao.request.domain.RequestStatus;
import dev.pao.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Reads of one request: detail, status with live external state, and the execution log. */
@ApplicationScoped
public class RequestQueries {
  @Inject RequestReads reads;
  @Inject RequestAccess access;
  @Inject ActionExecutors executors;
  @Inject AuditLog audit;
  @Inject LiveStatusCache liveStatus;

  /** A request with its actions and, while it is queued, its place in the queue (1 = next). */
  public record Detail(Request request, List<RequestAction> actions, Integer queuePosition) {}

  /** A request's progress, and the live state of what its actions created outside. */
  public record Progress(Request request, List<RequestAction> actions, List<External> external) {}

  /**
   * The live state of one external item: answered by its system ({@code externalStatus}, {@code
   * fulfilment}), not asked (the type has no live state), or unknown because asking failed ({@code
   * problem}).
   */
  public record External(
      RequestAction action,
      boolean answered,
      String externalStatus,
      String fulfilment,
      String problem) {}

  /** Every attempt of every action, and the request's audit trail, oldest first. */
  public record ExecutionLog(List<ActionAttempt> attempts, List<AuditEvent> events) {}

  public Detail detail(RequestId id, CurrentUser user) {
    Request request = access.visible(id, user);
    Integer position =
        request.status() == RequestStatus.QUEUED ? (int) reads.queuedAhead(request) + 1 : null;
    return new Detail(request, reads.actionsOf(id), position);
  }

  /** The request's own row (no actions): what a status poll needs. */
  public RequestRow row(RequestId id, CurrentUser user) {
    return access.visibleRow(id, user);
  }

  public Progress status(RequestId id, CurrentUser user) {
    Request request = access.visible(id, user);
    List<RequestAction> actions = reads.actionsOf(id);
    List<External> external = new ArrayList<>();
    for (RequestAction action : actions) {
      if (action.externalKey() != null) {
        external.add(live(action));
      }
    }
    return new Progress(request, actions, external);
  }

  public ExecutionLog logs(RequestId id, CurrentUser user) {
    access.visible(id, user);
    return new ExecutionLog(reads.attemptsOf(id), audit.trail(id.value()));
  }

  private External live(RequestAction action) {
    Object instance = action.config().getOrDefault("instance", "default");
    ExternalRef ref =
        new ExternalRef(
            action.step().type(),
            String.valueOf(instance),
            action.externalKey(),
            action.externalUrl());
    LiveStatusCache.Lookup lookup =
        liveStatus.get(
            ref,
            () ->
                executors
                    .forType(action.step().type())
                    .flatMap(executor -> executor.liveStatus(ref)));
    if (lookup.problem() != null) {
      return new External(action, false, null, "unknown", lookup.problem());
    }
    return lookup
        .status()
        .map(live -> new External(action, true, live.externalStatus(), live.fulfilment(), null))
        .orElse(new External(action, false, null, null, null));
  }
}
