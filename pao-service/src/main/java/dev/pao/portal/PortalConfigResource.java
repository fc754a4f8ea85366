package dev.pao.portal;

import dev.pao.security.PublicEndpoint;
import dev.pao.security.dev.DevMode;
import dev.pao.shared.api.Envelope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The portal's sign-in configuration: public, it holds no secret (PKCE needs none). */
@Path("portal/config")
@PublicEndpoint
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "portal", description = "What the developer portal reads before sign-in")
public class PortalConfigResource {
  @Inject DevMode devMode;

  @Inject
  @ConfigProperty(name = "pao.oidc.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "pao.oidc.client-id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "pao.oidc.scope", defaultValue = "openid profile email")
  String scope;

  @GET
  @Operation(
      summary = "How to sign in to the portal",
      description =
          "dev_mode: development tokens can be minted; oidc (when PAO_OIDC_ISSUER and"
              + " PAO_OIDC_CLIENT_ID are set): issuer, client_id and scope for the authorization"
              + " code flow with PKCE. The tokens are then verified as any bearer token.")
  public Envelope<PortalConfig> config() {
    PortalConfig.Oidc oidc = null;
    if (issuer.filter(s -> !s.isBlank()).isPresent()
        && clientId.filter(s -> !s.isBlank()).isPresent()) {
      oidc = new PortalConfig.Oidc(issuer.get().trim(), clientId.get().trim(), scope);
    }
    return Envelope.of(new PortalConfig(devMode.enabled(), oidc));
  }
}
