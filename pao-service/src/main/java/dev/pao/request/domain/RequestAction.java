package dev.pao.request.domain;

import dev.pao.shared.persistence.JsonListConverter;
import dev.pao.shared.persistence.JsonObjectConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One planned fulfillment action of a request (bundles expanded in dependency order), with its
 * unrendered configuration, attempt number, result and error. Its status changes only through the
 * intent-named methods: queue, start, complete, fail, reset for a retry.
 */
@Entity
@Table(name = "request_actions")
public class RequestAction {
  @Id private UUID id;

  @Column(name = "request_id", nullable = false)
  private UUID requestId;

  @Column(name = "action_index", nullable = false)
  private int actionIndex;

  private String component;

  @Column(name = "catalog_item_id", nullable = false)
  private String catalogItemId;

  @Column(name = "action_id", nullable = false)
  private String actionId;

  @Column(name = "action_type", nullable = false)
  private String actionType;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> config;

  @Convert(converter = ActionStatusConverter.class)
  @Column(nullable = false)
  private ActionStatus status;

  @Column(nullable = false)
  private int attempt;

  @Column(name = "external_key")
  private String externalKey;

  @Column(name = "external_url")
  private String externalUrl;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> outputs;

  @Convert(converter = JsonObjectConverter.class)
  private Map<String, Object> error;

  @Convert(converter = JsonListConverter.class)
  @Column(name = "depends_on", nullable = false)
  private List<String> dependsOn;

  @Convert(converter = JsonObjectConverter.class)
  private Map<String, Object> rendered;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "deadline_at")
  private Instant deadlineAt;

  @Column(name = "key_attempt")
  private Integer keyAttempt;

  /** What a waiting action waits for: {@code waiting_for}, {@code since}, the executor's state. */
  @Convert(converter = JsonObjectConverter.class)
  @Column(name = "wait_state")
  private Map<String, Object> waitState;

  /** When a waiting action is due for its next check; {@code null} while a check is queued. */
  @Column(name = "next_check_at")
  private Instant nextCheckAt;

  /** How many checks the running attempt's wait has queued (names each continuation message). */
  @Column(name = "wait_check", nullable = false)
  private int waitCheck;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected RequestAction() {}

  /** A planned, not yet queued action. */
  public RequestAction(
      UUID requestId,
      int actionIndex,
      Step step,
      Map<String, Object> config,
      List<Integer> dependsOn) {
    this.id = UUID.randomUUID();
    this.requestId = requestId;
    this.actionIndex = actionIndex;
    this.component = step.component();
    this.catalogItemId = step.catalogItemId();
    this.actionId = step.actionId();
    this.actionType = step.type();
    this.config = new LinkedHashMap<>(config);
    this.status = ActionStatus.PENDING;
    this.outputs = new LinkedHashMap<>();
    this.dependsOn = dependsOn.stream().map(String::valueOf).toList();
  }

  /** Queues attempt {@code next} of this action, with a key of its own. */
  public void queue(int next) {
    status = ActionStatus.QUEUED;
    attempt = next;
    keyAttempt = null;
  }

  /**
   * Resets the action a human retry starts from and queues its attempt {@code next}. Unless its
   * last attempt failed definitively, the outcome of that attempt is unknown (it ended transient,
   * stuck or dead-lettered, so its side effect may have happened): the new attempt keeps that
   * attempt's idempotency key, so the executor's duplicate check finds what it created. After a
   * definite failure the new attempt gets a key of its own.
   */
  public void retryAs(int next) {
    boolean outcomeUnknown =
        status == ActionStatus.IN_PROGRESS
            || status == ActionStatus.QUEUED
            || status == ActionStatus.WAITING
            || timedOutWaiting();
    int unknownKey = keyAttempt();
    resetForRetry();
    queue(next);
    if (outcomeUnknown && unknownKey > 0) {
      keyAttempt = unknownKey;
    }
  }

  /**
   * Marks the action as being worked on until {@code deadline}, with the payload it is about to
   * send (masked).
   */
  public void start(Map<String, Object> maskedPayload, Instant now, Instant deadline) {
    status = ActionStatus.IN_PROGRESS;
    rendered = maskedPayload == null ? null : new LinkedHashMap<>(maskedPayload);
    startedAt = now;
    deadlineAt = deadline;
    finishedAt = null;
    error = null;
    clearWait();
  }

  /**
   * The running attempt started something outside and now waits for it, with no worker held: {@code
   * wait} (what it waits for, the executor's state to look again) is kept, and a check is due at
   * {@code nextCheck}. The link to what it waits for, if known, is shown meanwhile.
   */
  public void startWaiting(
      Map<String, Object> wait, Instant nextCheck, String key, String url, Instant now) {
    requireStatus(ActionStatus.IN_PROGRESS, "start waiting");
    Map<String, Object> state = new LinkedHashMap<>(wait);
    state.put("since", now.toString());
    waitState = state;
    nextCheckAt = nextCheck;
    waitCheck = 0;
    externalKey = key;
    externalUrl = url;
    status = ActionStatus.WAITING;
  }

  /** A due check is being queued: answers its number; no further check is due until it ran. */
  public int queueCheck() {
    requireStatus(ActionStatus.WAITING, "queue a check");
    nextCheckAt = null;
    return ++waitCheck;
  }

  /** A queued check takes the action up: it is being worked on again while the check looks. */
  public void resumeForCheck() {
    requireStatus(ActionStatus.WAITING, "resume for a check");
    status = ActionStatus.IN_PROGRESS;
  }

  /** The check found it still running: waiting again (with the executor's new state) until then. */
  public void waitAgain(Map<String, Object> wait, Instant nextCheck) {
    requireStatus(ActionStatus.IN_PROGRESS, "wait again");
    Map<String, Object> state = new LinkedHashMap<>(wait);
    state.put("since", waitState == null ? null : waitState.get("since"));
    waitState = state;
    nextCheckAt = nextCheck;
    status = ActionStatus.WAITING;
  }

  /**
   * The request was aborted while the action waited: the wait is dropped and the action fails with
   * {@code failure}; what it waited for is left to run outside.
   */
  public void dropWait(Map<String, Object> failure, Instant now) {
    requireStatus(ActionStatus.WAITING, "drop its wait");
    fail(failure, now);
  }

  /** Whether the action waits, or is being checked, within a wait (its wait state is kept). */
  public boolean inWait() {
    return waitState != null;
  }

  /** What a waiting action waits for (with {@code waiting_for} and {@code since}), or empty. */
  public Map<String, Object> waitState() {
    return waitState == null ? Map.of() : java.util.Collections.unmodifiableMap(waitState);
  }

  public Instant nextCheckAt() {
    return nextCheckAt;
  }

  /** The number of the latest check queued for the running attempt's wait. */
  public int waitCheck() {
    return waitCheck;
  }

  /**
   * A wait that ran out of time: what it waited for was still running outside, so (like an unknown
   * outcome) a retry keeps the attempt's key and finds it again instead of starting another.
   */
  private boolean timedOutWaiting() {
    return status == ActionStatus.FAILED
        && error != null
        && error.get("details") instanceof Map<?, ?> details
        && Boolean.TRUE.equals(details.get("timed_out_waiting"));
  }

  private void clearWait() {
    waitState = null;
    nextCheckAt = null;
    waitCheck = 0;
  }

  private void requireStatus(ActionStatus expected, String what) {
    if (status != expected) {
      throw new IllegalStateException(
          "Action " + actionIndex + " is " + status.wireName() + "; it cannot " + what);
    }
  }

  /** Records success: its outputs and what it created outside. */
  public void complete(Map<String, Object> producedOutputs, String key, String url, Instant now) {
    status = ActionStatus.COMPLETED;
    outputs = new LinkedHashMap<>(producedOutputs);
    externalKey = key;
    externalUrl = url;
    finishedAt = now;
    nextCheckAt = null;
  }

  /** Records a failure of the action's own; outputs of the attempt are dropped. */
  public void fail(Map<String, Object> failure, Instant now) {
    status = ActionStatus.FAILED;
    outputs = new LinkedHashMap<>();
    error = new LinkedHashMap<>(failure);
    finishedAt = now;
    nextCheckAt = null;
  }

  /**
   * Back to pending for a human retry (an action after the one the retry starts from, see {@link
   * #retryAs}): the failed attempt's outputs and error are dropped.
   */
  public void resetForRetry() {
    status = ActionStatus.PENDING;
    outputs = new LinkedHashMap<>();
    error = null;
    externalKey = null;
    externalUrl = null;
    startedAt = null;
    deadlineAt = null;
    finishedAt = null;
    clearWait();
  }

  public ActionStatus state() {
    return status;
  }

  /** Indexes of the actions (of other bundle components) this one depends on. */
  public List<Integer> dependsOn() {
    return dependsOn.stream().map(Integer::valueOf).toList();
  }

  /** The payload of the latest attempt as sent, sensitive values masked. */
  public Map<String, Object> rendered() {
    return rendered == null ? null : Map.copyOf(rendered);
  }

  public UUID id() {
    return id;
  }

  public UUID requestId() {
    return requestId;
  }

  public int index() {
    return actionIndex;
  }

  public Step step() {
    return new Step(component, catalogItemId, actionId, actionType);
  }

  public Map<String, Object> config() {
    return Map.copyOf(config);
  }

  public int attempt() {
    return attempt;
  }

  /**
   * The attempt whose idempotency key the current attempt uses: its own, or after a retry of an
   * unknown outcome the attempt whose outcome is unknown.
   */
  public int keyAttempt() {
    return keyAttempt == null ? attempt : keyAttempt;
  }

  /** When the running attempt's time budget ends ({@code null} before it started). */
  public Instant deadlineAt() {
    return deadlineAt;
  }

  public String externalKey() {
    return externalKey;
  }

  public String externalUrl() {
    return externalUrl;
  }

  public Map<String, Object> outputs() {
    return java.util.Collections.unmodifiableMap(outputs);
  }

  public Map<String, Object> error() {
    return error == null ? null : java.util.Collections.unmodifiableMap(error);
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  /** Where an action comes from: bundle component, catalog item, action id and type. */
  public record Step(String component, String catalogItemId, String actionId, String type) {}
}
