package dev.pao.serviceaccount.api;

import dev.pao.security.CurrentUserProducer;
import dev.pao.security.RequiresRole;
import dev.pao.security.Role;
import dev.pao.serviceaccount.application.ServiceAccount;
import dev.pao.serviceaccount.application.ServiceAccountRegistry;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.Envelope;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service accounts for automation (role admin): register a pipeline's public key, list, read,
 * revoke. The account's calls are signed with HTTP Message Signatures (RFC 9421) naming its {@code
 * key_id}.
 */
@Path("service-accounts")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "service-accounts", description = "Signed automation callers (role admin)")
public class ServiceAccountResource {
  @Inject ServiceAccountRegistry registry;
  @Inject CurrentUserProducer users;

  @POST
  @Operation(
      summary = "Register a service account",
      description =
          "name, public_key (PEM: Ed25519, ECDSA P-256 or RSA), teams, optional items (catalog"
              + " item ids it may request; none: any) and description. Answers 201 with its id"
              + " and key_id.")
  @APIResponse(responseCode = "201", description = "Registered")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
  public Response register(ServiceAccountRegistration body) {
    if (body == null) {
      throw ApiException.validation(
          "A service account is required",
          List.of(new dev.pao.shared.api.ErrorDetail("body", "name, public_key, teams")));
    }
    ServiceAccount account =
        registry.register(
            new ServiceAccountRegistry.Registration(
                body.name(), body.publicKey(), body.teams(), body.items(), body.description()),
            users.current());
    return Response.status(Response.Status.CREATED)
        .entity(Envelope.of(ServiceAccountView.of(account)))
        .header("Location", "/api/v1/service-accounts/" + account.id())
        .build();
  }

  @GET
  @Operation(summary = "List service accounts, newest first, revoked ones included")
  @APIResponse(responseCode = "200", description = "The service accounts")
  public Envelope<List<ServiceAccountView>> list() {
    return Envelope.of(registry.all().stream().map(ServiceAccountView::of).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a service account")
  @APIResponse(responseCode = "200", description = "The service account")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public Envelope<ServiceAccountView> get(@PathParam("id") String id) {
    return Envelope.of(ServiceAccountView.of(registry.get(uuid(id))));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Revoke a service account",
      description =
          "Its signed calls answer 401 from now on. The account is kept (revoked_at, revoked_by)"
              + " for the audit log; revoking again changes nothing.")
  @APIResponse(responseCode = "200", description = "The revoked service account")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public Envelope<ServiceAccountView> revoke(@PathParam("id") String id) {
    return Envelope.of(ServiceAccountView.of(registry.revoke(uuid(id), users.current())));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No service account " + id);
    }
  }
}
