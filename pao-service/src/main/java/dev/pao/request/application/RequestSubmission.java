package dev.pao.request.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.sync.CatalogService;
import dev.pao.catalog.validation.FormFields;
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
import java.util.UUID;

/**
 * Accepts a request: validates the form data against the item's or bundle's form, plans its
 * actions, and in ONE transaction stores the request, its actions, the first action's outbox
 * message and the audit event. No queue call happens here; the outbox relay sends the message.
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
  @Inject ServiceAccountScope serviceAccountScope;

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
      Map<String, Object> canonicalBody) {}

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
    Map<String, Object> formData =
        FormDataValidator.validate(FormFields.formOf(document.definition()), submittedForm);
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("catalog_item_id", catalogItemId);
    canonical.put("form_data", submittedForm == null ? Map.of() : submittedForm);
    Prepared prepared =
        new Prepared(
            snapshot, document, formData, RequestPlanner.plan(document, snapshot), canonical);
    StoreOutcome outcome = self.store(prepared, user, idempotencyKey);
    if (outcome.conflict()) {
      throw new IdempotencyKeyReusedException(
          "This Idempotency-Key was used with a different body within the last 24 hours");
    }
    return outcome.submitted();
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
    request.pin(prepared.snapshot().commit(), plan.context(), idempotencyKey);
    List<RequestAction> actions = new ArrayList<>();
    for (int i = 0; i < plan.actions().size(); i++) {
      RequestPlan.PlannedAction planned = plan.actions().get(i);
      actions.add(new RequestAction(id, i, planned.step(), planned.config(), planned.dependsOn()));
    }
    if (!actions.isEmpty()) {
      actions.get(0).queue(1);
    }
    repository.add(request, actions);
    metrics.submitted(request);
    if (!actions.isEmpty()) {
      outbox.enqueue(new ActionMessage(id, 0, 1, correlationId));
    }
    audit.append(
        new AuditEvent(
            "request.submitted",
            AuditEvent.Actor.user(user.email()),
            id,
            correlationId,
            new AuditEvent.Transition(null, "submitted", "submitted by " + user.email()),
            Map.of(
                "catalog_item_id", document.id(),
                "catalog_item_version", String.valueOf(document.version()),
                "actions", plan.actions().size()),
            now));
    return new StoreOutcome(
        new Submitted(requestId, true, new RequestQueries.Detail(request, actions, null)), false);
  }
}
