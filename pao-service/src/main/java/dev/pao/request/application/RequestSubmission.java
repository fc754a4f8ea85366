package dev.pao.request.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.FormData;
import dev.pao.catalog.sync.CatalogService;
import dev.pao.catalog.validation.FormFields;
import dev.pao.governance.ApprovalDurations;
import dev.pao.governance.ApprovalGate;
import dev.pao.governance.ApprovalPlanner;
import dev.pao.governance.ConditionInputs;
import dev.pao.governance.Entitlements;
import dev.pao.governance.PolicyVerdict;
import dev.pao.governance.Quotas;
import dev.pao.governance.SubmissionPolicies;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.outbox.OutboxWriter;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestRepository;
import dev.pao.security.CurrentUser;
import dev.pao.serviceaccount.application.ServiceAccountScope;
import dev.pao.shared.correlation.Correlation;
import dev.pao.shared.crypto.DataKeys;
import dev.pao.shared.domain.IdempotencyKeyReusedException;
import dev.pao.shared.domain.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts a request: checks the caller's entitlement, validates the form data against the item's or
 * bundle's form, applies the catalog's policies, plans its actions and approval gates, and in ONE
 * transaction enforces its quotas and stores the request, its actions, the first action's outbox
 * message (none while it awaits approval) and the audit events. No queue call happens here; the
 * outbox relay sends the message.
 */
@ApplicationScoped
public class RequestSubmission {
  @Inject CatalogService catalog;
  @Inject RequestRepository repository;
  @Inject IdempotencyKeys idempotency;
  @Inject OutboxWriter outbox;
  @Inject AuditLog audit;
  @Inject RequestSubmission self;
  @Inject RequestMetrics metrics;
  @Inject Quotas quotas;
  @Inject RequestTransitions transitions;
  @Inject ServiceAccountScope serviceAccountScope;

  @Inject
  @ConfigProperty(name = "pao.approvals.default-timeout", defaultValue = "72h")
  String defaultApprovalTimeout;

  private final Clock clock = Clock.systemUTC();

  /**
   * The outcome: the request, and whether it was created now or found by its idempotency key. A
   * request created now comes with what was stored ({@code stored}), so answering needs no read.
   */
  public record Submitted(RequestId requestId, boolean created, RequestQueries.Detail stored) {}

  /** A validated, planned request ready to be stored. */
  public record Prepared(
      CatalogSnapshot snapshot,
      CatalogDocument document,
      Map<String, Object> formData,
      RequestPlan plan,
      Map<String, Object> canonicalBody,
      PolicyVerdict policy,
      List<ApprovalGate> gates) {}

  /**
   * Validates and plans outside any transaction (a rejected request never opens one), then stores
   * it in one transaction.
   */
  public Submitted submit(
      String catalogItemId,
      Map<String, Object> submittedForm,
      CurrentUser user,
      String idempotencyKey) {
    if (catalogItemId == null || catalogItemId.isBlank()) {
      throw ValidationException.of("catalog_item_id is required", "catalog_item_id", "required");
    }
    CatalogSnapshot snapshot = catalog.served();
    CatalogDocument document =
        snapshot
            .find(catalogItemId)
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "No catalog item or bundle '" + catalogItemId + "'",
                        "catalog_item_id",
                        "unknown catalog item"));
    serviceAccountScope.check(user, document.id());
    Entitlements.require(document, snapshot, user);
    Map<String, Object> formData =
        FormDataValidator.validate(FormFields.formOf(document.definition()), submittedForm);
    PolicyVerdict policy = SubmissionPolicies.evaluate(snapshot, document, formData, user);
    RequestPlan plan = RequestPlanner.plan(document, snapshot);
    List<ApprovalGate> gates =
        policy.autoApprovedBy().isPresent()
            ? List.of()
            : ApprovalPlanner.gates(
                document,
                components(snapshot, plan, formData, user),
                ConditionInputs.of(document, formData, user),
                ApprovalDurations.parse(defaultApprovalTimeout));
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("catalog_item_id", catalogItemId);
    canonical.put("form_data", submittedForm == null ? Map.of() : submittedForm);
    Prepared prepared = new Prepared(snapshot, document, formData, plan, canonical, policy, gates);
    StoreOutcome outcome = self.store(prepared, user, idempotencyKey);
    if (outcome.conflict()) {
      throw new IdempotencyKeyReusedException(
          "This Idempotency-Key was used with a different body within the last 24 hours");
    }
    return outcome.submitted();
  }

  /**
   * Each bundle component: its first action, its item, and what its conditions see (its own {@code
   * .current}: the values the bundle fixes for it overlaid by the bundle's form data).
   */
  private static Map<String, ApprovalPlanner.Component> components(
      CatalogSnapshot snapshot, RequestPlan plan, Map<String, Object> formData, CurrentUser user) {
    Map<String, ApprovalPlanner.Component> components = new LinkedHashMap<>();
    for (int i = 0; i < plan.actions().size(); i++) {
      RequestAction.Step step = plan.actions().get(i).step();
      if (step.component() == null || components.containsKey(step.component())) {
        continue;
      }
      Optional<CatalogDocument> item = snapshot.item(step.catalogItemId());
      Map<String, Object> current =
          plan.componentValues().get(step.component()) instanceof Map<?, ?> base
              ? FormData.overlay(base, formData)
              : formData;
      CatalogDocument subject = item.orElse(null);
      components.put(
          step.component(),
          new ApprovalPlanner.Component(
              i, item, subject == null ? null : ConditionInputs.of(subject, current, user)));
    }
    return components;
  }

  private static Map<String, Object> submittedPayload(
      CatalogDocument document, RequestPlan plan, PolicyVerdict policy) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("catalog_item_id", document.id());
    payload.put("catalog_item_version", String.valueOf(document.version()));
    payload.put("actions", plan.actions().size());
    if (!policy.applied().isEmpty()) {
      payload.put("policy_rules", policy.applied());
    }
    policy.autoApprovedBy().ifPresent(rule -> payload.put("auto_approved_by", rule));
    return payload;
  }

  /** What storing gave: the request, or an idempotency conflict (nothing stored). */
  public record StoreOutcome(Submitted submitted, boolean conflict) {}

  /** ONE transaction: the request, its actions, the first outbox message, the audit event. */
  @Transactional
  public StoreOutcome store(Prepared prepared, CurrentUser user, String idempotencyKey) {
    RequestId requestId = RequestId.random();
    UUID id = requestId.value();
    if (idempotencyKey != null) {
      IdempotencyKeys.Claim claim =
          idempotency.claim(user.subject(), idempotencyKey, prepared.canonicalBody(), requestId);
      if (claim.conflict()) {
        return new StoreOutcome(null, true);
      }
      if (claim.earlier().isPresent()) {
        return new StoreOutcome(new Submitted(claim.earlier().get(), false, null), false);
      }
    }
    CatalogDocument document = prepared.document();
    RequestPlan plan = prepared.plan();
    quotas.enforce(prepared.policy().quotas(), document.id(), user);
    Instant now = clock.instant();
    String correlationId = Correlation.current() == null ? id.toString() : Correlation.current();
    Request request =
        new Request(
            id,
            new Request.CatalogRef(document.kind().apiName(), document.id(), document.version()),
            new Request.Requester(user.subject(), user.email(), user.name(), user.teams()),
            SealedFormData.seal(DataKeys::cipher, id, prepared.formData(), plan.sensitivePaths()),
            correlationId,
            now);
    Map<String, Object> context = new LinkedHashMap<>(plan.context());
    context.put("approvals", prepared.gates().stream().map(ApprovalGate::toMap).toList());
    request.pin(prepared.snapshot().commit(), context, idempotencyKey);
    Optional<ApprovalGate> firstGate = ApprovalGate.before(prepared.gates(), 0);
    List<RequestAction> actions = new ArrayList<>();
    for (int i = 0; i < plan.actions().size(); i++) {
      RequestPlan.PlannedAction planned = plan.actions().get(i);
      actions.add(new RequestAction(id, i, planned.step(), planned.config(), planned.dependsOn()));
    }
    boolean runNow = !actions.isEmpty() && firstGate.isEmpty();
    if (runNow) {
      actions.get(0).queue(1);
    }
    repository.add(request, actions);
    metrics.submitted(request);
    if (runNow) {
      outbox.enqueue(new ActionMessage(id, 0, 1, correlationId));
    }
    audit.append(
        new AuditEvent(
            "request.submitted",
            AuditEvent.Actor.user(user.email()),
            id,
            correlationId,
            new AuditEvent.Transition(null, "submitted", "submitted by " + user.email()),
            submittedPayload(document, plan, prepared.policy()),
            now));
    if (firstGate.isPresent()) {
      ApprovalGate gate = firstGate.get();
      transitions.record(
          request,
          request.awaitApproval(
              "awaiting approval by " + gate.approvers().describe() + " (" + gate.rule() + ")",
              now,
              now.plus(gate.timeout())),
          AuditEvent.Actor.system("approvals"),
          Map.of("rule", gate.rule(), "action_index", 0, "min_approvals", gate.minApprovals()));
    }
    return new StoreOutcome(
        new Submitted(requestId, true, new RequestQueries.Detail(request, actions, null)), false);
  }
}
