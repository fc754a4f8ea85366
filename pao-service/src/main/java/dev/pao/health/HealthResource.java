package dev.pao.health;

import dev.pao.security.CurrentUserProducer;
import dev.pao.security.PublicEndpoint;
import dev.pao.security.Role;
import dev.pao.shared.api.Envelope;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Health in the API's envelope (the MicroProfile Health endpoints under {@code /health} serve the
 * same checks to orchestrators).
 */
@Path("health")
@PublicEndpoint
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public class HealthResource {
  @Inject @Readiness @Any Instance<DetailedCheck> readinessChecks;
  @Inject QueueCheck queue;
  @Inject CurrentUserProducer users;

  @GET
  @Operation(summary = "Service health: the service is up and answering")
  public Envelope<Map<String, Object>> health() {
    return Envelope.of(Map.of("status", "UP"));
  }

  @GET
  @Path("ready")
  @Operation(
      summary =
          "Readiness: this instance can take requests (database reachable and migrated, catalog loaded)",
      description =
          "200 with each readiness check when ready; 503 UNAVAILABLE naming the failing checks."
              + " The queue is listed under dependencies with its status and does not affect"
              + " readiness: while it is down, submissions are accepted and wait in the outbox."
              + " Why a check is down is told only to a caller with an admin token.")
  public Envelope<Map<String, Object>> ready() {
    boolean admin = users.ifAuthenticated().map(user -> user.has(Role.ADMIN)).orElse(false);
    return Envelope.of(ReadinessReport.run(readinessChecks, List.of(queue), admin));
  }
}
