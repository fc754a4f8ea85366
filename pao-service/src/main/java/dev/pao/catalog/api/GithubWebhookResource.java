package dev.pao.catalog.api;

import dev.pao.catalog.sync.CatalogService;
import dev.pao.catalog.sync.CatalogSettings;
import dev.pao.security.PublicEndpoint;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.Envelope;
import dev.pao.shared.api.ErrorCode;
import dev.pao.shared.api.ErrorDetail;
import dev.pao.shared.limits.RateLimits;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GitHub push webhook of the catalog repository. Authenticated by {@code X-Hub-Signature-256}, not
 * by a token: a missing or wrong signature answers 401 and changes nothing.
 */
@Path("webhooks/github")
@PublicEndpoint
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks", description = "Events from the catalog repository")
public class GithubWebhookResource {
  @Inject CatalogService catalog;
  @Inject CatalogSettings settings;
  @Inject RateLimits limits;
  @Inject WebhookAudit audit;
  @Context HttpServletRequest http;

  @POST
  @Operation(
      summary = "GitHub push event: synchronise the catalog",
      description =
          "Verifies X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the configured secret)."
              + " Ignores pings, other events, pushes to other branches and pushes that change"
              + " nothing under catalog/ or bundles/ (data.status ignored); otherwise syncs and"
              + " answers data.status synced with the sync report.")
  @APIResponse(responseCode = "200", description = "Synced, or ignored with the reason")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: the body is not an event")
  @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: missing or wrong signature")
  @APIResponse(responseCode = "429", description = "RATE_LIMITED, with Retry-After")
  public Envelope<Map<String, Object>> push(
      @HeaderParam("X-Hub-Signature-256") String signature,
      @HeaderParam("X-GitHub-Event") String event,
      @HeaderParam("X-GitHub-Delivery") String delivery,
      byte[] body) {
    // Before the signature check, so a flood of unsigned deliveries is throttled too.
    limits.webhook(http.getRemoteAddr());
    byte[] raw = body == null ? new byte[0] : body;
    if (!WebhookSignature.verify(settings.webhookSecret().orElse(null), raw, signature)) {
      audit.rejected(delivery, event, http.getRemoteAddr(), signature == null);
      throw new ApiException(
          ErrorCode.UNAUTHENTICATED, "The webhook signature (X-Hub-Signature-256) is not valid");
    }
    if (event != null && !event.equals("push")) {
      audit.received(delivery, event, PushEvent.pusherOf(raw).orElse(null), null);
      return ignored("event '" + event + "' is not a push");
    }
    PushEvent push =
        PushEvent.parse(raw)
            .orElseThrow(
                () ->
                    ApiException.validation(
                        "The body is not a GitHub push event",
                        List.of(new ErrorDetail("body", "a JSON object with ref and commits"))));
    audit.received(delivery, "push", push.pusher(), push.commit());
    String branchRef = "refs/heads/" + catalog.branch();
    if (!branchRef.equals(push.ref())) {
      return ignored("push to '" + push.ref() + "', the catalog follows '" + branchRef + "'");
    }
    if (!push.touchesCatalog()) {
      return ignored("no change under catalog/ or bundles/");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "synced");
    answer.put(
        "sync", CatalogViews.sync(catalog.sync("webhook", WebhookAudit.actor(push.pusher()))));
    return Envelope.of(answer);
  }

  private static Envelope<Map<String, Object>> ignored(String reason) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "ignored");
    answer.put("reason", reason);
    return Envelope.of(answer);
  }
}
