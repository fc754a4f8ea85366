package dev.pao.shared.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class JwtSignerTest {
  @Test
  void signsRs256WithThePemKeyAndKeepsTheClaimsInOrder() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("pao-dev");
    claims.setSubject("dev@example.com");
    claims.setStringListClaim("groups", List.of("data"));
    claims.setClaim("iat", 1700000000L);

    String[] parts = JwtSigner.fromPkcs8Pem(pem).sign(claims).split("\\.");

    assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", decode(parts[0]));
    assertEquals(
        "{\"iss\":\"pao-dev\",\"sub\":\"dev@example.com\",\"groups\":[\"data\"],\"iat\":1700000000}",
        decode(parts[1]));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(keys.getPublic());
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
  }

  @Test
  void aKeyThatIsNotPkcs8IsRefused() {
    assertThrows(IllegalArgumentException.class, () -> JwtSigner.fromPkcs8Pem("not a key"));
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
