package dev.pao.it;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Hand-made tokens: ones the server must refuse (expired, signed with a key it does not trust,
 * issued for another audience or none) and validly signed ones with claims the development endpoint
 * would never write (a generic {@code roles} claim).
 */
final class Tokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  /** The audience the test server requires (its default, {@code mp.jwt.verify.audiences}). */
  static final String AUDIENCE = "pao";

  static String expired(Path devPrivateKey) {
    Instant past = Instant.now().minusSeconds(7200);
    return sign(devKey(devPrivateKey), past, past.plusSeconds(600), mallory(AUDIENCE));
  }

  /** A valid dev-key token for {@code audience} ({@code null}: without an {@code aud} claim). */
  static String forAudience(Path devPrivateKey, String audience) {
    Instant now = Instant.now();
    return sign(devKey(devPrivateKey), now, now.plusSeconds(600), mallory(audience));
  }

  /** A valid dev-key token whose claims are exactly {@code claims} plus issuer and times. */
  static String withClaims(Path devPrivateKey, JsonObjectBuilder claims) {
    Instant now = Instant.now();
    return sign(devKey(devPrivateKey), now, now.plusSeconds(600), claims);
  }

  static String forged() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Instant now = Instant.now();
      return sign(
          generator.generateKeyPair().getPrivate(), now, now.plusSeconds(3600), mallory(AUDIENCE));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey devKey(Path pem) {
    try {
      String base64 =
          Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObjectBuilder mallory(String audience) {
    JsonObjectBuilder claims =
        Json.createObjectBuilder()
            .add("sub", "mallory@example.com")
            .add("upn", "mallory@example.com")
            .add("email", "mallory@example.com")
            .add("groups", Json.createArrayBuilder().add("admin"))
            .add("pao_roles", Json.createArrayBuilder().add("admin"));
    return audience == null ? claims : claims.add("aud", audience);
  }

  private static String sign(
      PrivateKey key, Instant issued, Instant expires, JsonObjectBuilder payload) {
    String claims =
        payload
            .add("iss", "pao-dev")
            .add("iat", issued.getEpochSecond())
            .add("exp", expires.getEpochSecond())
            .build()
            .toString();
    String input = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
