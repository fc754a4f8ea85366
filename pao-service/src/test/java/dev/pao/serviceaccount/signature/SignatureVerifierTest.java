package dev.pao.serviceaccount.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signature base and verification, from RFC 9421's Ed25519 example (B.2.6) on. */
class SignatureVerifierTest {
  /** RFC 9421 B.1.4, test-key-ed25519. */
  static final String PUBLIC_PEM =
      "-----BEGIN PUBLIC KEY-----\n"
          + "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n"
          + "-----END PUBLIC KEY-----\n";

  static final String PRIVATE_PKCS8 =
      "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";

  private static final Instant CREATED = Instant.ofEpochSecond(1618884473);

  /** The request of RFC 9421 B.2 with the covered fields of B.2.6. */
  private static final SignedMessage RFC_REQUEST =
      new SignedMessage(
          "POST",
          "https://example.com/foo?param=Value&Pet=dog",
          "example.com",
          "/foo",
          "?param=Value&Pet=dog",
          headers(
              Map.of(
                  "date", "Tue, 20 Apr 2021 02:07:55 GMT",
                  "content-type", "application/json",
                  "content-length", "18",
                  "content-digest",
                      "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:")));

  private static final String RFC_INPUT =
      "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\""
          + " \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";

  private static final String RFC_SIGNATURE =
      "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";

  @Test
  void buildsTheSignatureBaseOfTheRfcExample() {
    String base =
        new String(
            SignatureBase.of(SignatureInput.parse(RFC_INPUT), RFC_REQUEST), StandardCharsets.UTF_8);
    assertEquals(
        "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n"
            + "\"@method\": POST\n"
            + "\"@path\": /foo\n"
            + "\"@authority\": example.com\n"
            + "\"content-type\": application/json\n"
            + "\"content-length\": 18\n"
            + "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\""
            + " \"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"",
        base);
  }

  @Test
  void theRfcEd25519SignatureVerifiesWithItsTestKey() {
    SignatureInput input = SignatureInput.parse(RFC_INPUT);
    byte[] base = SignatureBase.of(input, RFC_REQUEST);
    byte[] signature =
        Base64.getDecoder().decode(SignatureVerifier.signatureOf(RFC_SIGNATURE, "sig-b26"));
    SignatureAlgorithm.Key key = SignatureAlgorithm.read(PUBLIC_PEM);
    assertEquals(SignatureAlgorithm.ED25519, key.algorithm());
    assertTrue(key.algorithm().verifies(key.publicKey(), base, signature));
    // Ed25519 is deterministic: signing the base with the private test key gives the RFC's bytes.
    assertEquals(Base64.getEncoder().encodeToString(signature), sign(base));
  }

  @Test
  void acceptsASignedCallAndRefusesReplaysDigestsAndRevokedKeys() {
    byte[] body = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
    Instant now = Instant.now();
    Signed signed = signed("POST", "/api/v1/requests", body, now.getEpochSecond());
    SignatureVerifier verifier = new SignatureVerifier(Duration.ofSeconds(300));
    assertEquals(
        "k1",
        verifier
            .verify(signed.input, signed.signature, signed.message, body, now, this::key)
            .input()
            .keyId());

    SignatureException late =
        assertThrows(
            SignatureException.class,
            () ->
                verifier.verify(
                    signed.input,
                    signed.signature,
                    signed.message,
                    body,
                    now.plusSeconds(301),
                    this::key));
    assertTrue(late.getMessage().contains("outside the allowed 300 seconds"), late.getMessage());

    byte[] changed = "{\"a\": 2}".getBytes(StandardCharsets.UTF_8);
    SignatureException digest =
        assertThrows(
            SignatureException.class,
            () ->
                verifier.verify(
                    signed.input, signed.signature, signed.message, changed, now, this::key));
    assertEquals("Content-Digest does not match the request body", digest.getMessage());

    SignatureException revoked =
        assertThrows(
            SignatureException.class,
            () ->
                verifier.verify(
                    signed.input,
                    signed.signature,
                    signed.message,
                    body,
                    now,
                    id ->
                        key(id).map(k -> new SignatureVerifier.RegisteredKey(id, k.key(), true))));
    assertTrue(revoked.getMessage().contains("revoked"), revoked.getMessage());

    SignatureException unknown =
        assertThrows(
            SignatureException.class,
            () ->
                verifier.verify(
                    signed.input,
                    signed.signature,
                    signed.message,
                    body,
                    now,
                    id -> Optional.empty()));
    assertEquals("unknown keyid 'k1'", unknown.getMessage());

    SignedMessage otherPath =
        new SignedMessage("POST", "", "", "/api/v1/other", "?", signed.message.headers());
    assertThrows(
        SignatureException.class,
        () -> verifier.verify(signed.input, signed.signature, otherPath, body, now, this::key));
  }

  @Test
  void refusesSignaturesThatCoverTooLittle() {
    SignatureVerifier verifier = new SignatureVerifier(Duration.ofSeconds(300));
    long now = Instant.now().getEpochSecond();
    SignedMessage message = new SignedMessage("POST", "", "", "/x", "?", headers(Map.of()));
    byte[] body = {1};
    assertEquals(
        "the signature must cover \"@method\"",
        refusal(verifier, "s=(\"@path\");created=" + now + ";keyid=\"k1\"", message, body));
    assertEquals(
        "the signature must cover \"@path\" or \"@target-uri\"",
        refusal(verifier, "s=(\"@method\");created=" + now + ";keyid=\"k1\"", message, body));
    assertEquals(
        "the signature must cover \"content-digest\" of the body",
        refusal(
            verifier, "s=(\"@method\" \"@path\");created=" + now + ";keyid=\"k1\"", message, body));
    assertEquals(
        "the signature parameter created is required",
        refusal(verifier, "s=(\"@method\" \"@path\");keyid=\"k1\"", message, new byte[0]));
    assertEquals(
        "the signature parameter keyid is required",
        refusal(verifier, "s=(\"@method\" \"@path\");created=" + now, message, new byte[0]));
  }

  @Test
  void contentDigestIsTheSha256OfTheBody() {
    assertEquals(
        "sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:",
        ContentDigest.of("{\"hello\": \"world\"}\n".getBytes(StandardCharsets.UTF_8)));
  }

  private String refusal(
      SignatureVerifier verifier, String input, SignedMessage message, byte[] body) {
    return assertThrows(
            SignatureException.class,
            () -> verifier.verify(input, "s=:AAAA:", message, body, Instant.now(), this::key))
        .getMessage();
  }

  private Optional<SignatureVerifier.RegisteredKey> key(String id) {
    return Optional.of(
        new SignatureVerifier.RegisteredKey(id, SignatureAlgorithm.read(PUBLIC_PEM), false));
  }

  private record Signed(String input, String signature, SignedMessage message) {}

  static Signed signed(String method, String path, byte[] body, long created) {
    SignedMessage message =
        new SignedMessage(
            method,
            "http://localhost" + path,
            "localhost",
            path,
            "?",
            headers(Map.of("content-digest", ContentDigest.of(body))));
    String input =
        "sig1=(\"@method\" \"@path\" \"content-digest\");created="
            + created
            + ";keyid=\"k1\";alg=\"ed25519\"";
    byte[] base = SignatureBase.of(SignatureInput.parse(input), message);
    return new Signed(input, "sig1=:" + sign(base) + ":", message);
  }

  static String sign(byte[] base) {
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_PKCS8)));
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(base);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SignedMessage.HeaderSource headers(Map<String, String> values) {
    return name -> values.containsKey(name) ? List.of(values.get(name)) : List.of();
  }
}
