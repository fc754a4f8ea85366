package dev.pao.security;

import dev.pao.shared.api.Envelope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, as the service understands their token (for the portal and devctl). */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class MeResource {
  @Inject CurrentUser user;

  /** The caller's identity, teams and roles. */
  public record Identity(
      String subject, String email, String name, List<String> teams, List<String> roles) {}

  @GET
  @Operation(summary = "The authenticated caller: e-mail, name, teams and roles")
  public Envelope<Identity> me() {
    List<String> roles = user.roles().stream().sorted().map(Role::claimValue).toList();
    return Envelope.of(
        new Identity(user.subject(), user.email(), user.name(), user.teams(), roles));
  }
}
