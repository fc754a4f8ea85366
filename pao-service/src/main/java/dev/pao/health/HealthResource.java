package dev.pao.health;

import dev.pao.security.PublicEndpoint;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.Envelope;
import dev.pao.shared.api.ErrorCode;
import dev.pao.shared.api.ErrorDetail;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
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
  @Inject @Readiness @Any Instance<HealthCheck> readinessChecks;

  @GET
  @Operation(summary = "Service health: the service is up and answering")
  public Envelope<Map<String, Object>> health() {
    return Envelope.of(Map.of("status", "UP"));
  }

  @GET
  @Path("ready")
  @Operation(
      summary = "Readiness: database and queue usable",
      description = "200 with each check when ready; 503 UNAVAILABLE naming the failing checks.")
  public Envelope<Map<String, Object>> ready() {
    List<Map<String, Object>> checks = new ArrayList<>();
    List<ErrorDetail> failures = new ArrayList<>();
    for (HealthCheck check : readinessChecks) {
      HealthCheckResponse response = check.call();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", response.getName());
      entry.put("status", response.getStatus().name());
      response.getData().ifPresent(data -> entry.put("data", data));
      checks.add(entry);
      if (response.getStatus() != HealthCheckResponse.Status.UP) {
        Object problem = response.getData().map(data -> data.get("problem")).orElse("down");
        failures.add(new ErrorDetail(response.getName(), String.valueOf(problem)));
      }
    }
    if (!failures.isEmpty()) {
      throw new ApiException(ErrorCode.UNAVAILABLE, "The service is not ready", failures);
    }
    return Envelope.of(Map.of("status", "UP", "checks", checks));
  }
}
