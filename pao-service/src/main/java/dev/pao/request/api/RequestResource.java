package dev.pao.request.api;

import dev.pao.request.application.ApprovalCommands;
import dev.pao.request.application.RequestCommands;
import dev.pao.request.application.RequestListing;
import dev.pao.request.application.RequestQueries;
import dev.pao.request.application.RequestSubmission;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestNotFoundException;
import dev.pao.security.CurrentUserProducer;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.Envelope;
import dev.pao.shared.api.ErrorDetail;
import dev.pao.shared.api.OptionalJsonBody;
import dev.pao.shared.idempotency.Idempotent;
import dev.pao.shared.limits.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The request endpoints: submit, list, read, status, logs, retry, abort, escalate, approve, reject.
 */
@Path("requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "requests")
@ApplicationScoped
public class RequestResource {
  /** Properties a status poll cannot read from the request row alone. */
  private static final Set<String> BEYOND_THE_ROW =
      Set.of("requester", "form_data", "outputs", "actions", "queue_position");

  // One instance for all calls (no per-call injection); the caller is read per call.
  @Inject CurrentUserProducer users;
  @Inject RequestSubmission submission;
  @Inject RequestQueries queries;
  @Inject RequestListing listing;
  @Inject RequestCommands commands;
  @Inject ApprovalCommands approvals;
  @Inject RateLimits limits;

  /** A reason given with abort, escalate or retry. */
  public record Decision(String reason) {}

  @POST
  @Operation(
      summary = "Submit a request for a catalog item or bundle",
      description =
          "Validates form_data against the form (every problem in details), stores the request"
              + " and answers 202. Idempotency-Key: the same key and body answer the same request;"
              + " the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED.")
  @APIResponse(responseCode = "202", description = "Accepted; the request id and links")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
  @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
  @APIResponse(responseCode = "429", description = "RATE_LIMITED, with Retry-After")
  public Response submit(SubmitRequest body, @HeaderParam("Idempotency-Key") String key) {
    if (key != null && (key.isBlank() || key.length() > 200)) {
      throw ApiException.validation(
          "Invalid Idempotency-Key",
          List.of(new ErrorDetail("Idempotency-Key", "1 to 200 characters")));
    }
    limits.submission(users.current().subject());
    RequestSubmission.Submitted submitted =
        submission.submit(
            body == null ? null : body.catalogItemId(),
            body == null ? null : body.formData(),
            users.current(),
            key);
    RequestView view =
        submitted.stored() != null
            ? RequestViews.detail(submitted.stored())
            : detail(submitted.requestId());
    return Response.accepted(Envelope.of(view))
        .header("Location", "/api/v1/requests/" + submitted.requestId())
        .build();
  }

  @GET
  @Operation(summary = "List your and your teams' requests (admins: all), newest first")
  public Envelope<List<Map<String, Object>>> list(
      @QueryParam("status") String status,
      @QueryParam("catalog_item_id") String catalogItemId,
      @QueryParam("created_after") String createdAfter,
      @QueryParam("created_before") String createdBefore,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("fields") String fields) {
    RequestListing.Page page =
        listing.list(
            users.current(),
            new RequestListing.Filter(status, catalogItemId, createdAfter, createdBefore),
            cursor,
            limit);
    List<RequestView> views = page.requests().stream().map(RequestViews::summary).toList();
    return Envelope.page(Fields.select(views, fields, RequestView.class), page.nextCursor());
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "A request with its actions, outputs and queue position",
      description =
          "?fields=id,status keeps only those properties. Asking only for properties of the"
              + " request itself (not requester, form_data, outputs, actions or queue_position)"
              + " reads one row: the cheap way to poll a request's status.")
  public Envelope<RequestView> get(
      @PathParam("id") String id, @QueryParam("fields") String fields) {
    RequestId requestId = requestId(id);
    Set<String> wanted = Fields.wanted(fields, RequestView.class);
    if (wanted == null) {
      return Envelope.of(detail(requestId));
    }
    RequestView view =
        Collections.disjoint(wanted, BEYOND_THE_ROW)
            ? RequestViews.row(queries.row(requestId, users.current()))
            : detail(requestId);
    return Envelope.of(RequestViews.only(view, wanted));
  }

  @GET
  @Path("{id}/status")
  @Operation(summary = "Current state, progress, and live status of external tickets")
  public Envelope<Map<String, Object>> status(@PathParam("id") String id) {
    return Envelope.of(RequestLogViews.status(queries.status(requestId(id), users.current())));
  }

  @GET
  @Path("{id}/logs")
  @Operation(
      summary = "The execution log",
      description =
          "attempts: every attempt of every action with masked payload, response and error;"
              + " events: the audit trail (transitions with actor and reason), oldest first.")
  public Envelope<Map<String, Object>> logs(@PathParam("id") String id) {
    return Envelope.of(RequestLogViews.logs(queries.logs(requestId(id), users.current())));
  }

  @POST
  @Idempotent
  @Path("{id}/retry")
  @Operation(
      summary = "Retry a failed or stuck request from its failed action",
      description =
          "?dry_run=true answers which actions would run again, and which have side effects.")
  @APIResponse(responseCode = "200", description = "The dry-run preview")
  @APIResponse(responseCode = "202", description = "Re-queued from the failed action")
  @APIResponse(responseCode = "409", description = "INVALID_STATE")
  @Consumes(MediaType.WILDCARD)
  public Response retry(
      @PathParam("id") String id,
      @QueryParam("dry_run") boolean dryRun,
      @Context HttpHeaders headers,
      String body) {
    RequestId requestId = requestId(id);
    Decision decision = decision(headers, body);
    if (dryRun) {
      return Response.ok(
              Envelope.of(RetryPlanView.of(commands.previewRetry(requestId, users.current()))))
          .build();
    }
    commands.retry(requestId, users.current(), decision == null ? null : decision.reason());
    return Response.accepted(Envelope.of(detail(requestId))).build();
  }

  @POST
  @Idempotent
  @Path("{id}/abort")
  @Operation(
      summary =
          "Abort a failed or stuck request, one not started yet, or one whose action is waiting"
              + " (the wait is dropped; its DLQ messages are removed)")
  @APIResponse(responseCode = "200", description = "Aborted")
  @APIResponse(responseCode = "409", description = "INVALID_STATE")
  @Consumes(MediaType.WILDCARD)
  public Envelope<RequestView> abort(
      @PathParam("id") String id, @Context HttpHeaders headers, String body) {
    Decision decision = decision(headers, body);
    commands.abort(requestId(id), users.current(), decision == null ? null : decision.reason());
    return Envelope.of(detail(requestId(id)));
  }

  @POST
  @Idempotent
  @Path("{id}/escalate")
  @Operation(summary = "Escalate a failed or stuck request to support, with an optional reason")
  @APIResponse(responseCode = "200", description = "Escalated")
  @APIResponse(responseCode = "409", description = "INVALID_STATE")
  @Consumes(MediaType.WILDCARD)
  public Envelope<RequestView> escalate(
      @PathParam("id") String id, @Context HttpHeaders headers, String body) {
    Decision decision = decision(headers, body);
    commands.escalate(requestId(id), users.current(), decision == null ? null : decision.reason());
    return Envelope.of(detail(requestId(id)));
  }

  @POST
  @Idempotent
  @Path("{id}/approve")
  @Operation(
      summary = "Approve a request awaiting approval, with an optional reason",
      description =
          "Only one of the pending approval's approvers may, never the requester. With enough"
              + " distinct approvals the request is queued; otherwise it keeps waiting.")
  @APIResponse(responseCode = "200", description = "The approval and where the request stands")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not an approver of this request")
  @APIResponse(responseCode = "409", description = "INVALID_STATE: not awaiting approval")
  @Consumes(MediaType.WILDCARD)
  public Envelope<ApprovalView> approve(
      @PathParam("id") String id, @Context HttpHeaders headers, String body) {
    Decision decision = decision(headers, body);
    return Envelope.of(
        ApprovalView.of(
            approvals.approve(
                requestId(id), users.current(), decision == null ? null : decision.reason())));
  }

  @POST
  @Idempotent
  @Path("{id}/reject")
  @Operation(
      summary = "Reject a request awaiting approval, with a reason (required); it ends rejected")
  @APIResponse(responseCode = "200", description = "Rejected")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: no reason")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not an approver of this request")
  @APIResponse(responseCode = "409", description = "INVALID_STATE: not awaiting approval")
  @Consumes(MediaType.WILDCARD)
  public Envelope<ApprovalView> reject(
      @PathParam("id") String id, @Context HttpHeaders headers, String body) {
    Decision decision = decision(headers, body);
    return Envelope.of(
        ApprovalView.of(
            approvals.reject(
                requestId(id), users.current(), decision == null ? null : decision.reason())));
  }

  /** The optional {@code {"reason"}}: no body, an empty one or one without a type is none. */
  private static Decision decision(HttpHeaders headers, String body) {
    return OptionalJsonBody.read(body, headers.getMediaType(), Decision.class);
  }

  private RequestView detail(RequestId id) {
    return RequestViews.detail(queries.detail(id, users.current()));
  }

  private static RequestId requestId(String id) {
    return RequestId.parse(id).orElseThrow(() -> new RequestNotFoundException(id));
  }
}
