package dev.pao.security.dev;

import dev.pao.security.PublicEndpoint;
import dev.pao.security.Role;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.Envelope;
import dev.pao.shared.api.ErrorDetail;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Mints signed tokens for local use and tests; exists only in development mode. */
@Path("dev/token")
@PublicEndpoint
@Tag(name = "development")
public class DevTokenResource {
  @Inject DevMode devMode;
  @Inject DevTokenSigner signer;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mint a development token (development mode only; 404 otherwise)")
  public Envelope<Map<String, String>> mint(DevTokenRequest request) {
    if (!devMode.enabled()) {
      throw new NotFoundException();
    }
    List<ErrorDetail> problems = new ArrayList<>();
    if (request == null || request.email() == null || !request.email().contains("@")) {
      problems.add(new ErrorDetail("email", "required, an e-mail address"));
    }
    if (request != null && request.roles() != null) {
      for (String role : request.roles()) {
        if (Role.fromClaim(role).isEmpty()) {
          problems.add(new ErrorDetail("roles", "unknown role '" + role + "'"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.validation("The token request is invalid", problems);
    }
    return Envelope.of(Map.of("token", signer.sign(request)));
  }
}
