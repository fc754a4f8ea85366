package dev.pao.request.api;

import dev.pao.request.application.ApprovalInbox;
import dev.pao.security.CurrentUserProducer;
import dev.pao.shared.api.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /approvals}: what waits for the caller's approval. */
@Path("approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "approvals", description = "Requests awaiting approval, and the approvers' decisions")
@ApplicationScoped
public class ApprovalResource {
  @Inject CurrentUserProducer users;
  @Inject ApprovalInbox inbox;

  @GET
  @Operation(
      summary = "List the requests awaiting an approval the caller may give",
      description =
          "Newest first, in cursor pages. A request is listed while it is awaiting_approval, the"
              + " caller is one of its pending approval's approvers (never the requester) and has"
              + " not decided on it yet.")
  @APIResponse(responseCode = "200", description = "A page of pending approvals")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: a bad limit or cursor")
  public Envelope<List<ApprovalView>> list(
      @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("cursor") String cursor) {
    ApprovalInbox.Page page = inbox.waitingFor(users.current(), cursor, limit);
    return Envelope.page(page.pending().stream().map(ApprovalView::of).toList(), page.nextCursor());
  }
}
