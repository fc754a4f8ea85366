package dev.pao.health;

import dev.pao.security.PublicEndpoint;
import dev.pao.shared.api.Envelope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which build is running. */
@Path("version")
@PublicEndpoint
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public class VersionResource {
  private static final BuildInfo BUILD = BuildInfo.load();

  @GET
  @Operation(summary = "Version, git commit and build time of the running service")
  public Envelope<BuildInfo> version() {
    return Envelope.of(BUILD);
  }
}
