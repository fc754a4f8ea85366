package dev.pao.security.dev;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs RS256 JWTs with the development private key ({@code pao.dev.signing-key}, a PKCS#8 PEM
 * file) whose public half the server verifies tokens with.
 */
@ApplicationScoped
public class DevTokenSigner {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  @Inject
  @ConfigProperty(name = "pao.dev.signing-key")
  Optional<String> keyPath;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "pao-dev")
  String issuer;

  @Inject
  @ConfigProperty(name = "pao.dev.token-ttl", defaultValue = "PT8H")
  Duration ttl;

  private volatile PrivateKey key;

  String sign(DevTokenRequest request) {
    Instant now = Instant.now();
    JsonObjectBuilder claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", request.email())
            .add("upn", request.email())
            .add("email", request.email())
            .add("name", request.name() == null ? request.email() : request.name())
            .add("groups", array(request.teams()))
            .add("roles", array(request.roles()))
            .add("iat", now.getEpochSecond())
            .add("exp", now.plus(ttl).getEpochSecond())
            .add("jti", UUID.randomUUID().toString());
    String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String payload = encode(claims.build().toString());
    String signingInput = header + "." + payload;
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Development token signing failed", e);
    }
  }

  private PrivateKey privateKey() {
    PrivateKey loaded = key;
    if (loaded == null) {
      if (keyPath.isEmpty() || keyPath.get().isBlank()) {
        throw new ApiException(
            ErrorCode.UNAVAILABLE, "Development mode has no signing key (pao.dev.signing-key)");
      }
      try {
        String pem = Files.readString(Path.of(keyPath.get()), StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        loaded =
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        key = loaded;
      } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalStateException("Cannot read the development signing key " + keyPath, e);
      }
    }
    return loaded;
  }

  private static JsonArrayBuilder array(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    if (values != null) {
      values.forEach(array::add);
    }
    return array;
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
