package dev.pao.it;

import jakarta.json.Json;
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

/** Tokens the server must refuse: expired ones, and ones signed with a key it does not trust. */
final class Tokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  static String expired(Path devPrivateKey) {
    Instant past = Instant.now().minusSeconds(7200);
    return sign(devKey(devPrivateKey), past, past.plusSeconds(600));
  }

  static String forged() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Instant now = Instant.now();
      return sign(generator.generateKeyPair().getPrivate(), now, now.plusSeconds(3600));
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

  private static String sign(PrivateKey key, Instant issued, Instant expires) {
    String claims =
        Json.createObjectBuilder()
            .add("iss", "pao-dev")
            .add("sub", "mallory@example.com")
            .add("upn", "mallory@example.com")
            .add("email", "mallory@example.com")
            .add("groups", Json.createArrayBuilder().add("admin"))
            .add("roles", Json.createArrayBuilder().add("admin"))
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
