package dev.pao.request.application;

import dev.pao.action.ActionRendering;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ActionWait;
import dev.pao.action.spi.ExternalRef;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.WaitCheckMessage;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestRepository;
import dev.pao.request.domain.RequestStatus;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional steps of an action that waits (see {@link WaitCheckRunner}): start waiting (the
 * worker is freed), take up a due check, and wait again after a check found the run still going.
 * The final outcome of a check is recorded by {@link RunSteps#succeed} or {@link RunSteps#fail},
 * exactly as for an action that never waited. Each step locks the request first and ignores a
 * message whose attempt or check is stale (redelivery is normal).
 *
 * <p>The audit trail gets one {@code action.waiting} event when the wait starts; the checks write
 * none (they only record progress), and the end is the action's usual completed or failed event.
 */
@ApplicationScoped
public class WaitSteps {
  private static final AuditEvent.Actor RUNNER = AuditEvent.Actor.system("runner");

  @Inject RequestRepository repository;
  @Inject RequestTransitions transitions;

  @Inject
  @ConfigProperty(name = "pao.platform.region", defaultValue = "local")
  String region;

  @Inject
  @ConfigProperty(name = "pao.platform.environment", defaultValue = "development")
  String environment;

  @Inject
  @ConfigProperty(name = "pao.actions.wait-check-seconds", defaultValue = "10")
  long checkSeconds;

  private final ActionRendering rendering = new ActionRendering(new TemplateEngine());
  private Clock clock = Clock.systemUTC();

  protected WaitSteps() {}

  WaitSteps(
      RequestRepository repository,
      RequestTransitions transitions,
      Clock clock,
      Duration checkInterval) {
    this.repository = repository;
    this.transitions = transitions;
    this.clock = clock;
    this.region = "local";
    this.environment = "development";
    this.checkSeconds = checkInterval.toSeconds();
  }

  /**
   * A due check to run: the executor's type, the attempt's call (rendered again, same key) and what
   * it waits for; or, past the action's deadline, the failure to record instead.
   */
  public record Check(String type, ActionCall call, ActionWait awaiting, String timedOut) {}

  /** The attempt of {@code message} started something and now waits for it; frees the worker. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void startWaiting(ActionMessage message, ActionResult result) {
    Optional<Current> current = current(message.requestId(), message.actionIndex());
    if (current.isEmpty()
        || current.get().action().attempt() != message.attempt()
        || current.get().action().state() != ActionStatus.IN_PROGRESS) {
      return;
    }
    Request request = current.get().request();
    RequestAction action = current.get().action();
    Instant now = clock.instant();
    Instant next = nextCheck(result.awaiting(), action, now);
    ExternalRef ref = result.externalRef();
    action.startWaiting(
        state(result.awaiting()),
        next,
        ref == null ? null : ref.key(),
        ref == null ? null : ref.url(),
        now);
    request.advanceTo(action.index(), now);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("action_index", action.index());
    payload.put("action_id", action.step().actionId());
    payload.put("attempt", action.attempt());
    payload.put("waiting_for", result.awaiting().waitingFor());
    payload.put("next_check_at", next.toString());
    transitions.note(request, "action.waiting", RUNNER, payload);
  }

  /**
   * Takes up the check {@code message} asks for: answers empty when it is stale (another attempt,
   * an older check, one already looked at) or the request is no longer in progress (aborted).
   * Otherwise the action is worked on again while the check looks.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Check> beginCheck(WaitCheckMessage message) {
    Optional<Current> current = current(message.requestId(), message.actionIndex());
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Request request = current.get().request();
    RequestAction action = current.get().action();
    boolean queuedCheck = action.state() == ActionStatus.WAITING && action.nextCheckAt() == null;
    // A check redelivered after it took the action up but before it recorded an outcome.
    boolean interruptedCheck = action.state() == ActionStatus.IN_PROGRESS && action.inWait();
    if (request.status() != RequestStatus.IN_PROGRESS
        || action.attempt() != message.attempt()
        || action.waitCheck() != message.check()
        || !(queuedCheck || interruptedCheck)) {
      return Optional.empty();
    }
    if (queuedCheck) {
      action.resumeForCheck();
    }
    Instant now = clock.instant();
    ActionWait wait = wait(action);
    if (action.deadlineAt() != null && now.isAfter(action.deadlineAt())) {
      return Optional.of(new Check(action.step().type(), null, wait, timedOut(action, wait)));
    }
    ActionRendering.Rendered rendered;
    try {
      rendered =
          rendering.render(
              action.step().type(),
              action.config(),
              RequestNamespaces.of(request, action.step().component(), region, environment));
    } catch (TemplateException e) {
      // It rendered when the attempt started; the pinned inputs cannot have changed since.
      throw new IllegalStateException("The waiting action no longer renders: " + e.getMessage());
    }
    ActionCall call =
        new ActionCall(
            request.id(),
            action.index(),
            action.attempt(),
            rendered.spec(),
            dependencies(request, action),
            request.correlationId(),
            action.deadlineAt(),
            null,
            action.keyAttempt(),
            rendered.sensitivePaths());
    return Optional.of(new Check(action.step().type(), call, wait, null));
  }

  /**
   * The check found the run still going: the action waits again (with the executor's new state)
   * until its next check; the request counts as progressing. A stale message changes nothing.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void waitAgain(WaitCheckMessage message, ActionWait wait) {
    Optional<Current> current = current(message.requestId(), message.actionIndex());
    if (current.isEmpty()
        || current.get().action().attempt() != message.attempt()
        || current.get().action().waitCheck() != message.check()
        || current.get().action().state() != ActionStatus.IN_PROGRESS) {
      return;
    }
    Instant now = clock.instant();
    RequestAction action = current.get().action();
    action.waitAgain(state(wait), nextCheck(wait, action, now));
    if (current.get().request().status() == RequestStatus.IN_PROGRESS) {
      current.get().request().advanceTo(action.index(), now);
    }
  }

  /** The configured interval between two looks at what an action waits for. */
  public Duration checkInterval() {
    return Duration.ofSeconds(Math.max(1, checkSeconds));
  }

  /**
   * When to look next: after the executor's own delay or the configured interval, but no later than
   * the deadline (so a wait that runs out of time ends then, not at the check after).
   */
  private Instant nextCheck(ActionWait wait, RequestAction action, Instant now) {
    Duration after = wait.checkAfter() == null ? checkInterval() : wait.checkAfter();
    Instant next = now.plus(after);
    Instant deadline = action.deadlineAt();
    return deadline != null && next.isAfter(deadline) ? deadline.plusMillis(1) : next;
  }

  private static String timedOut(RequestAction action, ActionWait wait) {
    Object since = action.waitState().get("since");
    return "The action timed out waiting for "
        + wait.waitingFor()
        + (since == null ? "" : " (waiting since " + since + ")")
        + ": its time budget ended at "
        + action.deadlineAt();
  }

  private static Map<String, Object> state(ActionWait wait) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("waiting_for", wait.waitingFor());
    stored.put("state", wait.state());
    return stored;
  }

  private static ActionWait wait(RequestAction action) {
    Map<String, Object> stored = action.waitState();
    Map<String, Object> state = new LinkedHashMap<>();
    if (stored.get("state") instanceof Map<?, ?> map) {
      map.forEach((key, value) -> state.put(String.valueOf(key), value));
    }
    return ActionWait.of(String.valueOf(stored.get("waiting_for")), state);
  }

  private record Current(Request request, RequestAction action) {}

  private Optional<Current> current(java.util.UUID requestId, int index) {
    RequestId id = RequestId.of(requestId);
    Request request = repository.lock(id).orElse(null);
    RequestAction action = request == null ? null : repository.action(id, index).orElse(null);
    return action == null ? Optional.empty() : Optional.of(new Current(request, action));
  }

  private List<ExternalRef> dependencies(Request request, RequestAction action) {
    List<ExternalRef> refs = new ArrayList<>();
    for (Integer index : action.dependsOn()) {
      repository
          .action(request.requestId(), index)
          .filter(dependency -> dependency.externalKey() != null)
          .ifPresent(
              dependency -> {
                Object instance = dependency.config().get("instance");
                refs.add(
                    new ExternalRef(
                        dependency.step().type(),
                        instance == null ? "default" : String.valueOf(instance),
                        dependency.externalKey(),
                        dependency.externalUrl()));
              });
    }
    return refs;
  }
}
