package dev.pao.request.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.sync.CatalogService;
import dev.pao.catalog.validation.FormFields;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.request.api.SubmitRequest;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.infra.RequestStore;
import dev.pao.security.CurrentUser;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import dev.pao.shared.api.ErrorDetail;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
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
  @Inject RequestStore store;
  @Inject IdempotencyKeys idempotency;
  @Inject AuditLog audit;
  @Inject RequestSubmission self;

  private final Clock clock = Clock.systemUTC();

  /** The outcome: the request, and whether it was created now or found by its idempotency key. */
  public record Submitted(UUID requestId, boolean created) {}

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
  public Submitted submit(SubmitRequest body, CurrentUser user, String idempotencyKey) {
    if (body == null || body.catalogItemId() == null || body.catalogItemId().isBlank()) {
      throw ApiException.validation(
          "catalog_item_id is required", List.of(new ErrorDetail("catalog_item_id", "required")));
    }
    CatalogSnapshot snapshot = catalog.current();
    CatalogDocument document =
        snapshot
            .find(body.catalogItemId())
            .orElseThrow(
                () ->
                    ApiException.validation(
                        "No catalog item or bundle '" + body.catalogItemId() + "'",
                        List.of(new ErrorDetail("catalog_item_id", "unknown catalog item"))));
    Map<String, Object> formData =
        FormDataValidator.validate(FormFields.formOf(document.definition()), body.formData());
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("catalog_item_id", body.catalogItemId());
    canonical.put("form_data", body.formData() == null ? Map.of() : body.formData());
    Prepared prepared =
        new Prepared(
            snapshot, document, formData, RequestPlanner.plan(document, snapshot), canonical);
    StoreOutcome outcome = self.store(prepared, user, idempotencyKey);
    if (outcome.conflict()) {
      throw new ApiException(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used with a different body within the last 24 hours");
    }
    return outcome.submitted();
  }

  /** What storing gave: the request, or an idempotency conflict (nothing stored). */
  public record StoreOutcome(Submitted submitted, boolean conflict) {}

  /** ONE transaction: the request, its actions, the first outbox message, the audit event. */
  @Transactional
  public StoreOutcome store(Prepared prepared, CurrentUser user, String idempotencyKey) {
    UUID id = UUID.randomUUID();
    if (idempotencyKey != null) {
      IdempotencyKeys.Claim claim =
          idempotency.claim(user.subject(), idempotencyKey, prepared.canonicalBody(), id);
      if (claim.conflict()) {
        return new StoreOutcome(null, true);
      }
      if (claim.earlier().isPresent()) {
        return new StoreOutcome(new Submitted(claim.earlier().get(), false), false);
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
            prepared.formData(),
            correlationId,
            now);
    request.pin(prepared.snapshot().commit(), plan.context(), idempotencyKey);
    store.add(request);
    for (int i = 0; i < plan.actions().size(); i++) {
      RequestPlan.PlannedAction planned = plan.actions().get(i);
      RequestAction action =
          new RequestAction(id, i, planned.step(), planned.config(), planned.dependsOn());
      if (i == 0) {
        action.queue(1);
        store.add(
            new OutboxMessage(id, 0, 1, new ActionMessage(id, 0, 1, correlationId).toBody(), now));
      }
      store.add(action);
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
    return new StoreOutcome(new Submitted(id, true), false);
  }
}
