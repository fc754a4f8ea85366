package dev.pao.request.application;

import dev.pao.action.ActionRendering;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.governance.ApprovalGate;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.outbox.OutboxWriter;
import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.ApprovalDecisions;
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
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional steps of running an action (see {@link ActionRunner}): begin, succeed, fail, or
 * note a transient problem. Each locks the request first, and each ignores a message whose attempt
 * is stale or already finished (redelivery is normal).
 */
@ApplicationScoped
public class RunSteps {
  private static final AuditEvent.Actor RUNNER = AuditEvent.Actor.system("runner");

  @Inject RequestRepository repository;
  @Inject RequestTransitions transitions;
  @Inject OutboxWriter outbox;
  @Inject SecretStore secrets;
  @Inject RequestMetrics metrics = RequestMetrics.none();
  @Inject ApprovalDecisions approvals;

  @Inject
  @ConfigProperty(name = "pao.platform.region", defaultValue = "local")
  String region;

  @Inject
  @ConfigProperty(name = "pao.platform.environment", defaultValue = "development")
  String environment;

  @Inject
  @ConfigProperty(name = "pao.actions.default-timeout-seconds", defaultValue = "300")
  long defaultTimeoutSeconds;

  private final ActionRendering rendering = new ActionRendering(new TemplateEngine());
  private Clock clock = Clock.systemUTC();

  protected RunSteps() {}

  RunSteps(
      RequestRepository repository,
      RequestTransitions transitions,
      OutboxWriter outbox,
      Clock clock) {
    this.repository = repository;
    this.transitions = transitions;
    this.outbox = outbox;
    this.clock = clock;
    this.region = "local";
    this.environment = "development";
    this.defaultTimeoutSeconds = 300;
  }

  /** Work to do: the executor's type and call, or why the action cannot even be rendered. */
  public record Started(String type, ActionCall call, String renderingProblem) {}

  /** Starts the action, or answers empty when the message needs no work (duplicate, stale). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Started> begin(ActionMessage message, int delivery) {
    RequestId id = RequestId.of(message.requestId());
    Request request = repository.lock(id).orElse(null);
    RequestAction action =
        request == null ? null : repository.action(id, message.actionIndex()).orElse(null);
    if (action == null
        || action.attempt() != message.attempt()
        || !(action.state() == ActionStatus.QUEUED || action.state() == ActionStatus.IN_PROGRESS)
        || !runnable(request.status())) {
      // Finished, stale (a retry moved on), or reset by a retry that has not queued it yet.
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant deadline = now.plus(timeout(action));
    if (request.status() == RequestStatus.SUBMITTED || request.status() == RequestStatus.RETRYING) {
      transitions.record(request, request.markQueued("message received", now), RUNNER);
    }
    if (request.status() != RequestStatus.IN_PROGRESS) {
      String reason =
          request.status() == RequestStatus.STUCK
              ? "resumed: the message was delivered again"
              : "action " + action.step().actionId() + " started";
      transitions.record(request, request.startWork(reason, now), RUNNER);
    }
    String type = action.step().type();
    ActionRendering.Rendered rendered;
    try {
      rendered =
          rendering.render(
              type,
              action.config(),
              RequestNamespaces.of(request, action.step().component(), region, environment));
    } catch (TemplateException e) {
      action.start(null, now, deadline);
      repository.addAttempt(
          new ActionAttempt(request.id(), action.index(), action.attempt(), delivery, null, now));
      return Optional.of(
          new Started(type, null, "The action cannot be rendered: " + e.getMessage()));
    }
    action.start(rendered.masked(), now, deadline);
    request.advanceTo(action.index(), now);
    repository.addAttempt(
        new ActionAttempt(
            request.id(), action.index(), action.attempt(), delivery, rendered.masked(), now));
    Map<String, Object> started = new LinkedHashMap<>();
    started.put("action_index", action.index());
    started.put("action_id", action.step().actionId());
    started.put("attempt", action.attempt());
    started.put("delivery", delivery);
    if (action.keyAttempt() != action.attempt()) {
      // A retry after an unknown outcome: the executor looks for what that attempt created.
      started.put("idempotency_key_of_attempt", action.keyAttempt());
    }
    transitions.note(request, "action.started", RUNNER, started);
    ActionCall call =
        new ActionCall(
            request.id(),
            action.index(),
            action.attempt(),
            rendered.spec(),
            dependencies(request, action),
            request.correlationId(),
            deadline,
            null,
            action.keyAttempt(),
            rendered.sensitivePaths());
    return Optional.of(new Started(type, call, null));
  }

  /** Records success; answers whether a next action was queued. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean succeed(ActionMessage message, ActionResult result) {
    Optional<Attempt> current = unfinished(message);
    if (current.isEmpty()) {
      return false;
    }
    Request request = current.get().request();
    RequestAction action = current.get().action();
    Instant now = clock.instant();
    Map<String, Object> outputs = ActionResults.outputs(action, result);
    ExternalRef ref = result.externalRef();
    action.complete(outputs, ref == null ? null : ref.key(), ref == null ? null : ref.url(), now);
    request.addOutputs(outputs, now);
    finishAttempt(request, action, "completed", ActionResults.summary(result), null, now);
    transitions.note(
        request,
        "action.completed",
        RUNNER,
        Map.of("action_index", action.index(), "action_id", action.step().actionId()));
    resumeIfStuck(request, action, "completed", now);
    if (request.status() != RequestStatus.IN_PROGRESS) {
      return false;
    }
    int next = action.index() + 1;
    Optional<RequestAction> following = repository.action(request.requestId(), next);
    if (following.isPresent() && awaitsApproval(request, next, now)) {
      return false;
    }
    if (following.isPresent()) {
      following.get().queue(1);
      outbox.enqueue(new ActionMessage(request.id(), next, 1, request.correlationId()));
      request.advanceTo(next, now);
      return true;
    }
    // Actions are numbered from 0 without gaps: the last one's successor does not exist.
    transitions.record(
        request,
        request.complete(
            next == 1 ? "the action completed" : "all " + next + " actions completed", now),
        RUNNER);
    return false;
  }

  /**
   * Stops before a bundle component whose approval gate has not been passed yet (an earlier
   * attempt's approval still counts after a retry): the request awaits approval, no action queued.
   */
  private boolean awaitsApproval(Request request, int next, Instant now) {
    Optional<ApprovalGate> gate = ApprovalGate.before(ApprovalGate.of(request.plan()), next);
    if (gate.isEmpty()
        || ApprovalCount.approvals(approvals.of(request.requestId(), next))
            >= gate.get().minApprovals()) {
      return false;
    }
    request.advanceTo(next, now);
    transitions.record(
        request,
        request.awaitApproval(
            "awaiting approval of component "
                + gate.get().component()
                + " by "
                + gate.get().approvers().describe()
                + " ("
                + gate.get().rule()
                + ")",
            now,
            now.plus(gate.get().timeout())),
        RUNNER,
        Map.of("rule", gate.get().rule(), "action_index", next));
    return true;
  }

  /** Records a failure of the action's own: the action and the request become failed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void fail(ActionMessage message, ActionFailedException failure) {
    Optional<Attempt> current = unfinished(message);
    if (current.isEmpty()) {
      return;
    }
    Request request = current.get().request();
    RequestAction action = current.get().action();
    Instant now = clock.instant();
    SensitiveValues sensitive = sensitiveValues(request);
    String reason = sensitive.mask(failure.getMessage());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", reason);
    if (!failure.details().isEmpty()) {
      error.put("details", sensitive.maskMap(failure.details()));
    }
    action.fail(error, now);
    finishAttempt(request, action, "failed", null, error, now);
    resumeIfStuck(request, action, "failed", now);
    if (request.status() == RequestStatus.IN_PROGRESS) {
      transitions.record(
          request,
          request.fail("action " + action.step().actionId() + " failed: " + reason, now),
          RUNNER,
          Map.of("action_index", action.index(), "action_id", action.step().actionId()));
    }
  }

  /**
   * Notes that an attempt ended without an answer; the message will be delivered again. Answers the
   * problem with the request's sensitive values masked, for logging.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String transientProblem(ActionMessage message, String problem) {
    Optional<Attempt> current = unfinished(message);
    if (current.isEmpty()) {
      return repository
          .find(RequestId.of(message.requestId()))
          .map(request -> sensitiveValues(request).mask(String.valueOf(problem)))
          .orElse(String.valueOf(problem));
    }
    String masked = sensitiveValues(current.get().request()).mask(String.valueOf(problem));
    finishAttempt(
        current.get().request(),
        current.get().action(),
        "transient",
        null,
        Map.of("message", masked),
        clock.instant());
    return masked;
  }

  /**
   * The action of {@code message} is still being worked on (its executor's heartbeat): the request
   * counts as progressing, and one the watchdog marked stuck meanwhile resumes. Stale or finished
   * attempts change nothing.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void progress(ActionMessage message) {
    unfinished(message)
        .ifPresent(
            current -> {
              Instant now = clock.instant();
              resumeIfStuck(current.request(), current.action(), "still running", now);
              if (current.request().status() == RequestStatus.IN_PROGRESS) {
                current.request().advanceTo(current.action().index(), now);
              }
            });
  }

  /**
   * A result (or a heartbeat) of the current attempt arrived for a request the watchdog marked
   * stuck: the action was alive after all, so the request resumes and goes on as usual.
   */
  private void resumeIfStuck(Request request, RequestAction action, String what, Instant now) {
    if (request.status() != RequestStatus.STUCK) {
      return;
    }
    transitions.record(
        request,
        request.startWork(
            "resumed from stuck: action " + action.step().actionId() + " " + what, now),
        RUNNER,
        Map.of(
            "action_index", action.index(),
            "action_id", action.step().actionId(),
            "attempt", action.attempt()));
  }

  private SensitiveValues sensitiveValues(Request request) {
    return SensitiveValues.of(request, secrets == null ? Set.of() : secrets.revealedValues());
  }

  private record Attempt(Request request, RequestAction action) {}

  /**
   * The message's action, with its request locked, while the message's attempt is the one running:
   * empty when a retry moved on to a newer attempt (or reset the action), or the attempt finished.
   */
  private Optional<Attempt> unfinished(ActionMessage message) {
    RequestId id = RequestId.of(message.requestId());
    Request request = repository.lock(id).orElse(null);
    RequestAction action =
        request == null ? null : repository.action(id, message.actionIndex()).orElse(null);
    if (action == null
        || action.attempt() != message.attempt()
        || action.state() != ActionStatus.IN_PROGRESS) {
      return Optional.empty();
    }
    return Optional.of(new Attempt(request, action));
  }

  private void finishAttempt(
      Request request,
      RequestAction action,
      String outcome,
      Map<String, Object> response,
      Map<String, Object> error,
      Instant now) {
    metrics.attemptFinished(action, outcome);
    repository
        .latestAttempt(request.requestId(), action.index(), action.attempt())
        .ifPresent(attempt -> attempt.finish(outcome, response, error, now));
  }

  private static boolean runnable(RequestStatus status) {
    return switch (status) {
      case SUBMITTED, QUEUED, RETRYING, IN_PROGRESS, STUCK -> true;
      default -> false;
    };
  }

  private List<ExternalRef> dependencies(Request request, RequestAction action) {
    List<ExternalRef> refs = new ArrayList<>();
    for (Integer index : action.dependsOn()) {
      repository
          .action(request.requestId(), index)
          .filter(dependency -> dependency.externalKey() != null)
          .ifPresent(
              dependency ->
                  refs.add(
                      new ExternalRef(
                          dependency.step().type(),
                          instanceOf(dependency),
                          dependency.externalKey(),
                          dependency.externalUrl())));
    }
    return refs;
  }

  private static String instanceOf(RequestAction action) {
    Object instance = action.config().get("instance");
    return instance == null ? "default" : String.valueOf(instance);
  }

  private Duration timeout(RequestAction action) {
    Object seconds = action.config().get("timeoutSeconds");
    return Duration.ofSeconds(
        seconds instanceof Number number ? number.longValue() : defaultTimeoutSeconds);
  }
}
