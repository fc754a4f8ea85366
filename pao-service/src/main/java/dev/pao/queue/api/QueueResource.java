package dev.pao.queue.api;

import dev.pao.queue.admin.DeadLetterRedrive;
import dev.pao.queue.admin.OutboxQueueListing;
import dev.pao.queue.admin.QueueStatistics;
import dev.pao.queue.admin.QueueStats;
import dev.pao.queue.admin.QueuedMessage;
import dev.pao.queue.admin.Redriven;
import dev.pao.queue.domain.DeadLetter;
import dev.pao.queue.domain.DeadLetters;
import dev.pao.security.CurrentUser;
import dev.pao.security.RequiresRole;
import dev.pao.security.Role;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.Envelope;
import dev.pao.shared.api.ErrorDetail;
import dev.pao.shared.idempotency.Idempotent;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Queue and DLQ operations for operators. Looking never changes the main queue. */
@Path("queue")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue", description = "Action queue and dead-letter queue (role admin)")
public class QueueResource {
  private static final int MAX_LIMIT = 200;

  @Inject QueueStatistics statistics;
  @Inject OutboxQueueListing listing;
  @Inject DeadLetters deadLetters;
  @Inject DeadLetterRedrive redrive;
  @Inject CurrentUser user;

  @GET
  @Path("stats")
  @Operation(
      summary = "Queue statistics",
      description =
          "Main queue and DLQ: depth, in_flight, delayed, oldest_message_age_seconds (main: the"
              + " oldest sent and unfinished action message, from the database), and the messages"
              + " this instance processed per minute over the last rate_window_minutes.")
  @APIResponse(responseCode = "200", description = "The statistics")
  @APIResponse(responseCode = "503", description = "UNAVAILABLE: the queue or database is down")
  public Envelope<QueueStats> stats() {
    return Envelope.of(statistics.current());
  }

  @GET
  @Path("messages")
  @Operation(
      summary = "Messages on the main queue",
      description =
          "Action messages sent (or still to be sent) and not yet finished, newest first, as the"
              + " database records them: reading never receives from the queue. Each has"
              + " message_id, message_group_id (the request id), deduplication_id, request_id,"
              + " action_index, attempt, state (pending|queued|in_progress), request_status,"
              + " created_at, sent_at, send_attempts, last_error.")
  @APIResponse(responseCode = "200", description = "A page; meta.next_cursor leads on")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: bad limit or cursor")
  public Envelope<List<QueuedMessage>> messages(
      @Parameter(description = "Page size, 1-200 (default 50)")
          @QueryParam("limit")
          @DefaultValue("50")
          int limit,
      @Parameter(description = "meta.next_cursor of the previous page") @QueryParam("cursor")
          String cursor) {
    OutboxQueueListing.Page page = listing.page(checkedLimit(limit), cursor);
    return Envelope.page(page.messages(), page.nextCursor());
  }

  @GET
  @Path("messages/{message-group-id}")
  @Operation(
      summary = "Messages of one group",
      description =
          "The unfinished messages of one message group (a request), in queue order; an empty"
              + " list when it has none.")
  @APIResponse(responseCode = "200", description = "The group's messages")
  public Envelope<List<QueuedMessage>> group(@PathParam("message-group-id") String groupId) {
    return Envelope.of(listing.group(groupId, MAX_LIMIT));
  }

  @GET
  @Path("dlq/messages")
  @Operation(
      summary = "Messages on the dead-letter queue",
      description =
          "Up to limit dead letters, oldest first: message_id, message_group_id, body,"
              + " receive_count, sent_at, first_received_at. They are read and released at once"
              + " (hidden only for the moment of the read), never deleted.")
  @APIResponse(responseCode = "200", description = "The dead letters")
  @APIResponse(responseCode = "503", description = "UNAVAILABLE: the queue is down")
  public Envelope<List<DeadLetter>> deadLetters(
      @Parameter(description = "At most this many, 1-100 (default 100)")
          @QueryParam("limit")
          @DefaultValue("100")
          int limit) {
    if (limit < 1 || limit > 100) {
      throw invalidLimit("1-100");
    }
    return Envelope.of(deadLetters.browse(limit));
  }

  @POST
  @Idempotent
  @Path("dlq/{message-id}/redrive")
  @Operation(
      summary = "Redrive one dead letter",
      description =
          "Moves the message back to the main queue (same group and body), exactly once, and"
              + " records the audit event queue.message_redriven. Answers the new message id.")
  @APIResponse(responseCode = "200", description = "Moved")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such message in the DLQ")
  @APIResponse(responseCode = "503", description = "UNAVAILABLE: the queue is down")
  public Envelope<Redriven> redrive(@PathParam("message-id") String messageId) {
    return Envelope.of(redrive.redrive(messageId, user.email()));
  }

  private static int checkedLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw invalidLimit("1-" + MAX_LIMIT);
    }
    return limit;
  }

  private static ApiException invalidLimit(String range) {
    return ApiException.validation(
        "Invalid limit", List.of(new ErrorDetail("limit", "must be " + range)));
  }
}
