package dev.pao.security.dev;

import dev.pao.security.IdentitySettings;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import dev.pao.shared.jwt.JwtSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Signs RS256 JWTs with the development private key ({@code pao.dev.signing-key}, a PKCS#8 PEM
 * file) whose public half the server verifies tokens with. The tokens carry the configured issuer
 * and audience ({@code mp.jwt.verify.audiences}, which the server requires), the teams as {@code
 * groups} and the roles asked for in the PAO-specific {@code pao_roles} claim.
 */
@ApplicationScoped
public class DevTokenSigner {
  @Inject
  @ConfigProperty(name = "pao.dev.signing-key")
  Optional<String> keyPath;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "pao-dev")
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "pao")
  List<String> audiences;

  @Inject
  @ConfigProperty(name = "pao.dev.token-ttl", defaultValue = "PT8H")
  Duration ttl;

  private volatile JwtSigner signer;

  String sign(DevTokenRequest request) {
    long now = Instant.now().getEpochSecond();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audiences.get(0));
    claims.setSubject(request.email());
    claims.setClaim("upn", request.email());
    claims.setClaim("email", request.email());
    claims.setClaim("name", request.name() == null ? request.email() : request.name());
    claims.setStringListClaim("groups", list(request.teams()));
    claims.setStringListClaim(IdentitySettings.ROLES_CLAIM, list(request.roles()));
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + ttl.toSeconds()));
    claims.setJwtId(UUID.randomUUID().toString());
    return signer().sign(claims);
  }

  private JwtSigner signer() {
    JwtSigner loaded = signer;
    if (loaded == null) {
      if (keyPath.isEmpty() || keyPath.get().isBlank()) {
        throw new ApiException(
            ErrorCode.UNAVAILABLE, "Development mode has no signing key (pao.dev.signing-key)");
      }
      try {
        loaded =
            JwtSigner.fromPkcs8Pem(
                Files.readString(Path.of(keyPath.get()), StandardCharsets.US_ASCII));
        signer = loaded;
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException("Cannot read the development signing key " + keyPath, e);
      }
    }
    return loaded;
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }
}
