package dev.pao.serviceaccount.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies a request's service-account signature: the covered components must include {@code
 * @method}, {@code @path} or {@code @target-uri}, and {@code content-digest} when there is a body;
 * the parameters {@code created} (within the allowed skew of now) and {@code keyid} (a registered,
 * unrevoked key); {@code alg}, if given, must be the key's; the digest must match the body and the
 * signature the base.
 */
public final class SignatureVerifier {
  private final Duration maxSkew;

  public SignatureVerifier(Duration maxSkew) {
    this.maxSkew = maxSkew;
  }

  /** A registered key, as the verifier needs it. */
  public record RegisteredKey(String keyId, SignatureAlgorithm.Key key, boolean revoked) {}

  /** A signature that held: its entry and its bytes (base64, as sent, for replay detection). */
  public record Verified(SignatureInput input, String signature) {}

  /**
   * Verifies, or throws {@link SignatureException} naming the first thing that is wrong.
   *
   * @param keys the registered key of a key id, if any
   */
  public Verified verify(
      String signatureInput,
      String signatureHeader,
      SignedMessage message,
      byte[] body,
      Instant now,
      Function<String, Optional<RegisteredKey>> keys) {
    SignatureInput input = SignatureInput.parse(signatureInput);
    List<String> covered = input.components();
    if (!covered.contains("@method")) {
      throw new SignatureException("the signature must cover \"@method\"");
    }
    if (!covered.contains("@path") && !covered.contains("@target-uri")) {
      throw new SignatureException("the signature must cover \"@path\" or \"@target-uri\"");
    }
    boolean hasBody = body != null && body.length > 0;
    if (hasBody && !covered.contains("content-digest")) {
      throw new SignatureException("the signature must cover \"content-digest\" of the body");
    }
    if (input.created() == null) {
      throw new SignatureException("the signature parameter created is required");
    }
    if (input.keyId() == null) {
      throw new SignatureException("the signature parameter keyid is required");
    }
    Instant created = Instant.ofEpochSecond(input.created());
    if (Duration.between(created, now).abs().compareTo(maxSkew) > 0) {
      throw new SignatureException(
          "the signature was created at "
              + created
              + ", outside the allowed "
              + maxSkew.toSeconds()
              + " seconds of the server's time ("
              + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              + ")");
    }
    RegisteredKey key =
        keys.apply(input.keyId())
            .orElseThrow(() -> new SignatureException("unknown keyid '" + input.keyId() + "'"));
    if (key.revoked()) {
      throw new SignatureException(
          "the service account of keyid '" + input.keyId() + "' is revoked");
    }
    if (input.alg() != null && !input.alg().equals(key.key().algorithm().wireName())) {
      throw new SignatureException(
          "alg '" + input.alg() + "' is not the key's (" + key.key().algorithm().wireName() + ")");
    }
    if (covered.contains("content-digest") || hasBody) {
      List<String> digest = message.headers().values("content-digest");
      ContentDigest.check(
          digest == null || digest.isEmpty() ? null : String.join(",", digest),
          body == null ? new byte[0] : body);
    }
    String signature = signatureOf(signatureHeader, input.label());
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new SignatureException("the Signature of '" + input.label() + "' is not base64");
    }
    byte[] base = SignatureBase.of(input, message);
    if (!key.key().algorithm().verifies(key.key().publicKey(), base, bytes)) {
      throw new SignatureException(
          "the signature does not verify with the key of keyid '" + input.keyId() + "'");
    }
    return new Verified(input, signature);
  }

  /** The base64 of the {@code Signature} member with the given label. */
  static String signatureOf(String header, String label) {
    if (header == null || header.isBlank()) {
      throw new SignatureException("the Signature header is missing");
    }
    for (String member : header.split(",")) {
      String trimmed = member.trim();
      int equals = trimmed.indexOf('=');
      if (equals > 0 && trimmed.substring(0, equals).trim().equals(label)) {
        String value = trimmed.substring(equals + 1).trim();
        if (value.length() < 2 || !value.startsWith(":") || !value.endsWith(":")) {
          throw new SignatureException("the Signature of '" + label + "' is not :base64:");
        }
        return value.substring(1, value.length() - 1);
      }
    }
    throw new SignatureException("the Signature header has no '" + label + "' entry");
  }
}
