package dev.pao.portal;

/**
 * What the portal needs before anyone is signed in.
 *
 * @param devMode development tokens can be minted ({@code POST /api/v1/dev/token})
 * @param oidc the identity provider for the authorization code flow with PKCE, or {@code null}
 */
public record PortalConfig(boolean devMode, Oidc oidc) {

  /** The OpenID Connect provider (its discovery document lies under the issuer) and client. */
  public record Oidc(String issuer, String clientId, String scope) {}
}
