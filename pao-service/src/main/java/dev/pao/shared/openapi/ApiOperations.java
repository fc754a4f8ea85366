package dev.pao.shared.openapi;

import static dev.pao.shared.openapi.Access.ADMIN;
import static dev.pao.shared.openapi.Access.PLATFORM;
import static dev.pao.shared.openapi.Access.PUBLIC;
import static dev.pao.shared.openapi.Access.SIGNED;
import static dev.pao.shared.openapi.Access.TOKEN;
import static dev.pao.shared.openapi.ErrorAnswer.FORBIDDEN;
import static dev.pao.shared.openapi.ErrorAnswer.IDEMPOTENCY_KEY_REUSED;
import static dev.pao.shared.openapi.ErrorAnswer.INVALID_STATE;
import static dev.pao.shared.openapi.ErrorAnswer.NOT_FOUND;
import static dev.pao.shared.openapi.ErrorAnswer.RATE_LIMITED;
import static dev.pao.shared.openapi.ErrorAnswer.UNAVAILABLE;
import static dev.pao.shared.openapi.ErrorAnswer.UNSUPPORTED_MEDIA_TYPE;
import static dev.pao.shared.openapi.ErrorAnswer.VALIDATION_ERROR;
import static dev.pao.shared.openapi.OperationDoc.AS_DECLARED;
import static dev.pao.shared.openapi.OperationDoc.NO_BODY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every operation of the API, keyed by {@code "METHOD path"} as the document names it. An operation
 * missing here keeps no operationId, which the document tests report.
 */
final class ApiOperations {
  private static final String API = "/api/v1";
  private static final Map<String, OperationDoc> TABLE = new LinkedHashMap<>();

  static {
    put(
        "POST /requests",
        "submitRequest",
        TOKEN,
        "SubmitRequest",
        ok("202", "RequestEnvelope"),
        VALIDATION_ERROR,
        FORBIDDEN,
        UNSUPPORTED_MEDIA_TYPE,
        IDEMPOTENCY_KEY_REUSED,
        RATE_LIMITED);
    put(
        "POST /requests/preview",
        "previewRequest",
        TOKEN,
        "SubmitRequest",
        ok("200", "PreviewResultEnvelope"),
        VALIDATION_ERROR,
        UNSUPPORTED_MEDIA_TYPE);
    put(
        "GET /requests",
        "listRequests",
        TOKEN,
        NO_BODY,
        ok("200", "RequestPageEnvelope"),
        VALIDATION_ERROR);
    put(
        "GET /requests/{id}",
        "getRequest",
        TOKEN,
        NO_BODY,
        ok("200", "RequestEnvelope"),
        NOT_FOUND);
    put(
        "GET /requests/{id}/status",
        "getRequestStatus",
        TOKEN,
        NO_BODY,
        ok("200", "RequestStatusEnvelope"),
        NOT_FOUND);
    put(
        "GET /requests/{id}/logs",
        "getRequestLogs",
        TOKEN,
        NO_BODY,
        ok("200", "RequestLogEnvelope"),
        NOT_FOUND);
    put(
        "POST /requests/{id}/retry",
        "retryRequest",
        TOKEN,
        "Decision",
        Map.of("200", "RetryPlanEnvelope", "202", "RequestEnvelope"),
        VALIDATION_ERROR,
        NOT_FOUND,
        INVALID_STATE,
        UNSUPPORTED_MEDIA_TYPE,
        IDEMPOTENCY_KEY_REUSED);
    put(
        "POST /requests/{id}/abort",
        "abortRequest",
        TOKEN,
        "Decision",
        ok("200", "RequestEnvelope"),
        VALIDATION_ERROR,
        NOT_FOUND,
        INVALID_STATE,
        UNSUPPORTED_MEDIA_TYPE,
        IDEMPOTENCY_KEY_REUSED);
    put(
        "POST /requests/{id}/escalate",
        "escalateRequest",
        TOKEN,
        "Decision",
        ok("200", "RequestEnvelope"),
        VALIDATION_ERROR,
        NOT_FOUND,
        INVALID_STATE,
        UNSUPPORTED_MEDIA_TYPE,
        IDEMPOTENCY_KEY_REUSED);
    put(
        "POST /requests/{id}/approve",
        "approveRequest",
        TOKEN,
        "Decision",
        ok("200", "ApprovalEnvelope"),
        VALIDATION_ERROR,
        FORBIDDEN,
        NOT_FOUND,
        INVALID_STATE,
        UNSUPPORTED_MEDIA_TYPE,
        IDEMPOTENCY_KEY_REUSED);
    put(
        "POST /requests/{id}/reject",
        "rejectRequest",
        TOKEN,
        "Decision",
        ok("200", "ApprovalEnvelope"),
        VALIDATION_ERROR,
        FORBIDDEN,
        NOT_FOUND,
        INVALID_STATE,
        UNSUPPORTED_MEDIA_TYPE,
        IDEMPOTENCY_KEY_REUSED);
    put(
        "GET /approvals",
        "listApprovals",
        TOKEN,
        NO_BODY,
        ok("200", "ApprovalPageEnvelope"),
        VALIDATION_ERROR);
    put(
        "GET /catalog",
        "listCatalog",
        TOKEN,
        NO_BODY,
        ok("200", "CatalogEntryPageEnvelope"),
        VALIDATION_ERROR);
    put(
        "GET /catalog/{id}",
        "getCatalogEntry",
        TOKEN,
        NO_BODY,
        ok("200", "CatalogItemEnvelope"),
        NOT_FOUND);
    put(
        "GET /catalog/{id}/form",
        "getCatalogForm",
        TOKEN,
        NO_BODY,
        ok("200", "FormEnvelope"),
        NOT_FOUND);
    put("GET /catalog/schema", "getCatalogSchema", TOKEN, NO_BODY, ok("200", "JsonSchemaEnvelope"));
    put(
        "GET /catalog/sync",
        "getCatalogSync",
        TOKEN,
        NO_BODY,
        ok("200", "SyncReportEnvelope"),
        NOT_FOUND);
    put(
        "POST /catalog/refresh",
        "refreshCatalog",
        PLATFORM,
        NO_BODY,
        ok("200", "SyncReportEnvelope"),
        VALIDATION_ERROR,
        INVALID_STATE,
        IDEMPOTENCY_KEY_REUSED);
    put(
        "POST /webhooks/github",
        "receiveGithubPush",
        SIGNED,
        AS_DECLARED,
        ok("200", "WebhookResultEnvelope"),
        VALIDATION_ERROR,
        RATE_LIMITED);
    put(
        "POST /tools/validate",
        "validateCatalogDocument",
        PLATFORM,
        AS_DECLARED,
        ok("200", "DocumentCheckEnvelope"),
        VALIDATION_ERROR,
        UNSUPPORTED_MEDIA_TYPE);
    put(
        "POST /tools/preview",
        "previewCatalogDocument",
        PLATFORM,
        "PreviewRequest",
        ok("200", "PreviewResultEnvelope"),
        VALIDATION_ERROR,
        UNSUPPORTED_MEDIA_TYPE);
    put(
        "POST /tools/test-variables",
        "testTemplateVariables",
        PLATFORM,
        "TestVariablesRequest",
        ok("200", "TestVariablesResultEnvelope"),
        VALIDATION_ERROR,
        UNSUPPORTED_MEDIA_TYPE);
    put(
        "GET /queue/stats",
        "getQueueStats",
        ADMIN,
        NO_BODY,
        ok("200", "QueueStatsEnvelope"),
        UNAVAILABLE);
    put(
        "GET /queue/messages",
        "listQueueMessages",
        ADMIN,
        NO_BODY,
        ok("200", "QueuedMessageListEnvelope"),
        VALIDATION_ERROR,
        UNAVAILABLE);
    put(
        "GET /queue/messages/{message-group-id}",
        "listQueueGroupMessages",
        ADMIN,
        NO_BODY,
        ok("200", "QueuedMessageListEnvelope"),
        UNAVAILABLE);
    put(
        "GET /queue/dlq/messages",
        "listDeadLetters",
        ADMIN,
        NO_BODY,
        ok("200", "DeadLetterListEnvelope"),
        VALIDATION_ERROR,
        UNAVAILABLE);
    put(
        "POST /queue/dlq/{message-id}/redrive",
        "redriveDeadLetter",
        ADMIN,
        NO_BODY,
        ok("200", "RedrivenEnvelope"),
        VALIDATION_ERROR,
        NOT_FOUND,
        INVALID_STATE,
        IDEMPOTENCY_KEY_REUSED,
        UNAVAILABLE);
    put(
        "GET /audit",
        "listAuditEvents",
        ADMIN,
        NO_BODY,
        ok("200", "AuditEventListEnvelope"),
        VALIDATION_ERROR);
    put(
        "GET /audit/export",
        "exportAuditEvents",
        ADMIN,
        NO_BODY,
        ok("200", "AuditEventLine"),
        VALIDATION_ERROR);
    put(
        "POST /service-accounts",
        "registerServiceAccount",
        ADMIN,
        "ServiceAccountRegistration",
        ok("201", "ServiceAccountEnvelope"),
        VALIDATION_ERROR,
        INVALID_STATE,
        UNSUPPORTED_MEDIA_TYPE);
    put(
        "GET /service-accounts",
        "listServiceAccounts",
        ADMIN,
        NO_BODY,
        ok("200", "ServiceAccountListEnvelope"));
    put(
        "GET /service-accounts/{id}",
        "getServiceAccount",
        ADMIN,
        NO_BODY,
        ok("200", "ServiceAccountEnvelope"),
        NOT_FOUND);
    put(
        "DELETE /service-accounts/{id}",
        "revokeServiceAccount",
        ADMIN,
        NO_BODY,
        ok("200", "ServiceAccountEnvelope"),
        NOT_FOUND);
    put("GET /me", "getCurrentIdentity", TOKEN, NO_BODY, ok("200", "IdentityEnvelope"));
    put(
        "POST /dev/token",
        "createDevToken",
        PUBLIC,
        "DevTokenRequest",
        ok("200", "DevTokenEnvelope"),
        VALIDATION_ERROR,
        NOT_FOUND,
        UNSUPPORTED_MEDIA_TYPE,
        UNAVAILABLE);
    put(
        "GET /portal/config",
        "getPortalConfig",
        PUBLIC,
        NO_BODY,
        ok("200", "PortalConfigEnvelope"));
    put("GET /health", "getHealth", PUBLIC, NO_BODY, ok("200", "HealthEnvelope"));
    put(
        "GET /health/ready",
        "getReadiness",
        PUBLIC,
        NO_BODY,
        ok("200", "HealthEnvelope"),
        UNAVAILABLE);
    put("GET /version", "getVersion", PUBLIC, NO_BODY, ok("200", "BuildInfoEnvelope"));
  }

  private ApiOperations() {}

  /**
   * The POSTs that honour {@code Idempotency-Key} through the idempotency filter (submission reads
   * the header itself, so its parameter is generated from the resource).
   */
  static final Set<String> IDEMPOTENT =
      Set.of(
          "POST /requests/{id}/retry",
          "POST /requests/{id}/abort",
          "POST /requests/{id}/escalate",
          "POST /requests/{id}/approve",
          "POST /requests/{id}/reject",
          "POST /queue/dlq/{message-id}/redrive",
          "POST /catalog/refresh");

  /** Whether the operation (as {@code find} names it) honours Idempotency-Key via the filter. */
  static boolean idempotent(String method, String path) {
    return path.startsWith(API) && IDEMPOTENT.contains(method + " " + path.substring(API.length()));
  }

  /** The entry for an operation, e.g. {@code find("GET", "/api/v1/requests/{id}")}. */
  static Optional<OperationDoc> find(String method, String path) {
    return Optional.ofNullable(TABLE.get(method + " " + path));
  }

  private static void put(
      String key,
      String operationId,
      Access access,
      String body,
      Map<String, String> answers,
      ErrorAnswer... errors) {
    int space = key.indexOf(' ');
    TABLE.put(
        key.substring(0, space) + " " + API + key.substring(space + 1),
        new OperationDoc(operationId, access, body, answers, Set.copyOf(List.of(errors))));
  }

  private static Map<String, String> ok(String status, String schema) {
    return Map.of(status, schema);
  }
}
