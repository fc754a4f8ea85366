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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A developer's request for a catalog item or bundle: who asked, with which form data, against
 * which pinned catalog version, and where it stands. The status changes only through the
 * intent-named methods ({@link #markQueued}, {@link #startWork}, {@link #complete}, {@link #fail},
 * {@link #markStuck}, {@link #retry}, {@link #abort}, {@link #escalate}); each checks the state
 * machine ({@link RequestStatus}) and answers the {@link StatusChange} it made, which the
 * application records as the transition's audit event.
 */
@Entity
@Table(name = "requests")
public class Request {
  @Id private UUID id;

  @Column(name = "catalog_item_id", nullable = false)
  private String catalogItemId;

  @Column(name = "catalog_item_version", nullable = false)
  private String catalogItemVersion;

  @Column(name = "catalog_kind", nullable = false)
  private String catalogKind;

  @Convert(converter = RequestStatusConverter.class)
  @Column(nullable = false)
  private RequestStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "requester_subject", nullable = false)
  private String requesterSubject;

  @Column(name = "requester_email", nullable = false)
  private String requesterEmail;

  @Column(name = "requester_name")
  private String requesterName;

  @Convert(converter = JsonListConverter.class)
  @Column(name = "requester_teams", nullable = false)
  private List<String> requesterTeams;

  @Convert(converter = JsonObjectConverter.class)
  @Column(name = "form_data", nullable = false)
  private Map<String, Object> formData;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> outputs;

  @Column(name = "correlation_id", nullable = false)
  private String correlationId;

  @Column(name = "catalog_commit")
  private String catalogCommit;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> plan;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "current_action_index", nullable = false)
  private int currentActionIndex;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "last_progress_at", nullable = false)
  private Instant lastProgressAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "approval_due_at")
  private Instant approvalDueAt;

  @Column(name = "support_ticket_key")
  private String supportTicketKey;

  @Column(name = "support_ticket_url")
  private String supportTicketUrl;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Request() {}

  /** The row's own columns, as {@link RequestReads#row} reads them. */
  public RequestRow row() {
    return new RequestRow(
        id,
        status,
        statusReason,
        correlationId,
        catalogItemId,
        catalogItemVersion,
        catalogKind,
        catalogCommit,
        requesterSubject,
        requesterTeams,
        createdAt,
        updatedAt,
        finishedAt);
  }

  /** A new request in {@code submitted}. */
  public Request(
      UUID id,
      CatalogRef catalog,
      Requester requester,
      Map<String, Object> formData,
      String correlationId,
      Instant now) {
    this.id = id;
    this.catalogItemId = catalog.id();
    this.catalogItemVersion = catalog.version();
    this.catalogKind = catalog.kind();
    this.status = RequestStatus.SUBMITTED;
    this.requesterSubject = requester.subject();
    this.requesterEmail = requester.email();
    this.requesterName = requester.name();
    this.requesterTeams = List.copyOf(requester.teams());
    this.formData = new LinkedHashMap<>(formData);
    this.outputs = new LinkedHashMap<>();
    this.plan = new LinkedHashMap<>();
    this.correlationId = correlationId;
    this.createdAt = now;
    this.updatedAt = now;
    this.lastProgressAt = now;
  }

  /** The outbox relay sent its message, or the runner received it: waiting for a worker. */
  public StatusChange markQueued(String reason, Instant now) {
    return moveTo(RequestStatus.QUEUED, reason, now);
  }

  /** A worker took up an action (also a stuck request whose message came back). */
  public StatusChange startWork(String reason, Instant now) {
    return moveTo(RequestStatus.IN_PROGRESS, reason, now);
  }

  /** Every action completed. */
  public StatusChange complete(String reason, Instant now) {
    return moveTo(RequestStatus.COMPLETED, reason, now);
  }

  /** An action failed for a reason of its own; a person decides what happens next. */
  public StatusChange fail(String reason, Instant now) {
    return moveTo(RequestStatus.FAILED, reason, now);
  }

  /** The request stopped progressing (no progress in time, or its message was dead-lettered). */
  public StatusChange markStuck(String reason, Instant now) {
    return moveTo(RequestStatus.STUCK, reason, now);
  }

  /**
   * A person asked for a retry: only the outputs of the actions kept (those before the retried one)
   * remain; the failed attempt's are dropped.
   */
  public StatusChange retry(Map<String, Object> keptOutputs, String reason, Instant now) {
    ensureCanBecome(RequestStatus.RETRYING);
    outputs = new LinkedHashMap<>(keptOutputs);
    return moveTo(RequestStatus.RETRYING, reason, now);
  }

  /** A person gave the request up (one in progress cannot be: its action is running). */
  public StatusChange abort(String reason, Instant now) {
    return abort(reason, now, false);
  }

  /**
   * A person gave the request up; one in progress only while its current action waits ({@code
   * actionWaiting}): no worker runs it, so nothing else will change it meanwhile.
   */
  public StatusChange abort(String reason, Instant now, boolean actionWaiting) {
    if (status == RequestStatus.IN_PROGRESS && !actionWaiting) {
      throw IllegalTransitionException.actionRunning(id);
    }
    return moveTo(RequestStatus.ABORTED, reason, now);
  }

  /**
   * The request waits for an approval (before its first action, or before a bundle component's)
   * until {@code dueAt}, when an undecided approval escalates.
   */
  public StatusChange awaitApproval(String reason, Instant now, Instant dueAt) {
    StatusChange change = moveTo(RequestStatus.AWAITING_APPROVAL, reason, now);
    approvalDueAt = dueAt;
    return change;
  }

  /** Enough approvals were given: the request is queued for its next action. */
  public StatusChange approve(String reason, Instant now) {
    requireAwaitingApproval();
    approvalDueAt = null;
    return moveTo(RequestStatus.QUEUED, reason, now);
  }

  /** An approver rejected the request: it ends. */
  public StatusChange reject(String reason, Instant now) {
    StatusChange change = moveTo(RequestStatus.REJECTED, reason, now);
    approvalDueAt = null;
    return change;
  }

  /**
   * Checks that an approval decision fits the request now.
   *
   * @throws IllegalTransitionException unless it is awaiting approval
   */
  public void requireAwaitingApproval() {
    if (status != RequestStatus.AWAITING_APPROVAL) {
      throw IllegalTransitionException.notAwaitingApproval(id, status);
    }
  }

  /** When an undecided approval escalates; none unless the request awaits approval. */
  public Instant approvalDueAt() {
    return approvalDueAt;
  }

  /** A person handed the request to support. */
  public StatusChange escalate(String reason, Instant now) {
    return moveTo(RequestStatus.ESCALATED, reason, now);
  }

  /**
   * Checks, without changing anything, that the request may become {@code next}.
   *
   * @throws IllegalTransitionException if the state machine forbids it
   */
  public void ensureCanBecome(RequestStatus next) {
    if (!status.canTransitionTo(next)) {
      throw new IllegalTransitionException(id, status, next);
    }
  }

  private StatusChange moveTo(RequestStatus next, String reason, Instant now) {
    ensureCanBecome(next);
    RequestStatus from = status;
    if (from == RequestStatus.AWAITING_APPROVAL) {
      approvalDueAt = null;
    }
    status = next;
    statusReason = reason;
    updatedAt = now;
    lastProgressAt = now;
    if (next.terminal()) {
      finishedAt = now;
    }
    return new StatusChange(from, next, reason, now);
  }

  /** Pins the catalog commit and the plan context (metadata namespace, sensitive paths). */
  public void pin(String commit, Map<String, Object> planContext, String key) {
    this.catalogCommit = commit;
    this.plan = new LinkedHashMap<>(planContext);
    this.idempotencyKey = key;
  }

  /** Moves on to action {@code index}; progress resets the watchdog's clock. */
  public void advanceTo(int index, Instant now) {
    currentActionIndex = index;
    lastProgressAt = now;
    updatedAt = now;
  }

  /** Adds the outputs of a completed action to the {@code .output} namespace. */
  public void addOutputs(Map<String, Object> produced, Instant now) {
    // A new map, not an in-place change: converted attributes are compared by value on flush.
    Map<String, Object> merged = new LinkedHashMap<>(outputs);
    merged.putAll(produced);
    outputs = merged;
    updatedAt = now;
    lastProgressAt = now;
  }

  /** Records the support ticket its escalation created (the key as the support JIRA names it). */
  public void recordSupportTicket(String key, String url, Instant now) {
    supportTicketKey = key;
    supportTicketUrl = url;
    updatedAt = now;
  }

  /** The escalation's support ticket, if one was created. */
  public Optional<SupportTicket> supportTicket() {
    return supportTicketKey == null
        ? Optional.empty()
        : Optional.of(new SupportTicket(supportTicketKey, supportTicketUrl));
  }

  public UUID id() {
    return id;
  }

  public RequestId requestId() {
    return new RequestId(id);
  }

  public String catalogCommit() {
    return catalogCommit;
  }

  public Map<String, Object> plan() {
    return Collections.unmodifiableMap(plan);
  }

  /** The dotted paths of the form fields marked sensitive, pinned with the plan. */
  public List<String> sensitivePaths() {
    Object paths = plan.get("sensitive");
    return paths instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Instant lastProgressAt() {
    return lastProgressAt;
  }

  public CatalogRef catalog() {
    return new CatalogRef(catalogKind, catalogItemId, catalogItemVersion);
  }

  public RequestStatus status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  public Requester requester() {
    return new Requester(requesterSubject, requesterEmail, requesterName, requesterTeams);
  }

  public Map<String, Object> formData() {
    return Collections.unmodifiableMap(formData);
  }

  public Map<String, Object> outputs() {
    return Collections.unmodifiableMap(outputs);
  }

  public String correlationId() {
    return correlationId;
  }

  public int currentActionIndex() {
    return currentActionIndex;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  /** Which catalog document a request was made against, pinned at submission. */
  public record CatalogRef(String kind, String id, String version) {}

  /** The ticket in the support JIRA project an escalation created. */
  public record SupportTicket(String key, String url) {}

  /** Who made a request. */
  public record Requester(String subject, String email, String name, List<String> teams) {}
}
