package dev.pao.audit.api;

import dev.pao.audit.application.AuditQuery;
import dev.pao.security.RequiresRole;
import dev.pao.security.Role;
import dev.pao.shared.api.Envelope;
import dev.pao.shared.json.Jsons;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit log for administrators: a filtered, cursor-paged listing and the same selection as a
 * JSON lines download for compliance archives.
 */
@Path("audit")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The append-only audit log (role admin)")
public class AuditResource {
  /** The media type of the export: one JSON object per line. */
  public static final String NDJSON = "application/x-ndjson";

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Inject AuditQuery query;

  @GET
  @Operation(
      summary = "List audit events, newest first",
      description =
          "Events of requests and of none (catalog syncs, webhooks, service accounts), newest"
              + " first with ties broken by id. Each has id, occurred_at, event_type, actor,"
              + " actor_type, request_id, correlation_id, from, to, reason and payload.")
  @APIResponse(responseCode = "200", description = "A page; meta.next_cursor leads on")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_ERROR: bad request_id, type, time, limit or cursor")
  public Envelope<List<AuditEventView>> list(
      @Parameter(description = "Only events of this request (UUID)") @QueryParam("request_id")
          String requestId,
      @Parameter(description = "Only events of this actor (an e-mail, pusher or component)")
          @QueryParam("actor")
          String actor,
      @Parameter(description = "An event type (request.submitted) or a prefix (request.*)")
          @QueryParam("type")
          String type,
      @Parameter(description = "From this time on (RFC 3339 or a date), inclusive")
          @QueryParam("since")
          String since,
      @Parameter(description = "Before this time (RFC 3339 or a date), exclusive")
          @QueryParam("until")
          String until,
      @Parameter(description = "meta.next_cursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "Page size, 1-200 (default 50)")
          @QueryParam("limit")
          @DefaultValue("50")
          int limit) {
    AuditQuery.Page page =
        query.list(new AuditQuery.Filter(requestId, actor, type, since, until), cursor, limit);
    return Envelope.page(
        page.events().stream().map(AuditEventView::of).toList(), page.nextCursor());
  }

  @GET
  @Path("export")
  @Produces({NDJSON, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Export audit events as JSON lines",
      description =
          "The events GET /audit selects with the same filters, newest first, streamed as one"
              + " JSON object per line (the listing's items), read from the database a chunk at a"
              + " time. Content-Disposition names a file.")
  @APIResponse(responseCode = "200", description = "The events, one JSON object per line")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: bad request_id, type or time")
  public Response export(
      @Parameter(description = "Only events of this request (UUID)") @QueryParam("request_id")
          String requestId,
      @Parameter(description = "Only events of this actor") @QueryParam("actor") String actor,
      @Parameter(description = "An event type or a prefix (request.*)") @QueryParam("type")
          String type,
      @Parameter(description = "From this time on, inclusive") @QueryParam("since") String since,
      @Parameter(description = "Before this time, exclusive") @QueryParam("until") String until) {
    AuditQuery.Export export =
        query.export(new AuditQuery.Filter(requestId, actor, type, since, until));
    StreamingOutput body =
        output -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
          try {
            export.run(event -> line(writer, AuditEventView.of(event)));
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          writer.flush();
        };
    return Response.ok(body, NDJSON)
        .header(
            "Content-Disposition",
            "attachment; filename=\"pao-audit-" + FILE_TIME.format(Instant.now()) + ".jsonl\"")
        .build();
  }

  private static void line(Writer writer, AuditEventView view) {
    try {
      writer.write(Jsons.API.toJson(view));
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
