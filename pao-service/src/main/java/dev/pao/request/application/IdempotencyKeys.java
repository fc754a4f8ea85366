package dev.pao.request.application;

import dev.pao.request.domain.IdempotencyClaims;
import dev.pao.request.domain.RequestId;
import dev.pao.shared.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code Idempotency-Key} for submissions, per caller, kept 24 hours: the first use claims the key
 * for a body (by hash) inside the submission's transaction; a repeat with the same body gets the
 * same request back; a different body is refused with {@code IDEMPOTENCY_KEY_REUSED}. Two
 * concurrent first uses are serialised by the table's primary key.
 */
@ApplicationScoped
public class IdempotencyKeys {
  @Inject IdempotencyClaims claims;

  protected IdempotencyKeys() {}

  IdempotencyKeys(IdempotencyClaims claims) {
    this.claims = claims;
  }

  /** The outcome of a claim: new, a repeat of an earlier identical call, or a conflict. */
  public record Claim(Optional<RequestId> earlier, boolean conflict) {}

  /**
   * Claims {@code key} for {@code requestId}, or answers the request an earlier identical call
   * created, or that the key was used with another body.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Claim claim(String owner, String key, Object body, RequestId requestId) {
    String hash = hash(body);
    IdempotencyClaims.Claim claim = claims.claim(owner, key, hash, requestId);
    if (claim.claimedNow()) {
      return new Claim(Optional.empty(), false);
    }
    if (!hash.equals(claim.heldHash())) {
      return new Claim(Optional.empty(), true);
    }
    return new Claim(claim.heldBy(), false);
  }

  static String hash(Object body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JsonCodec.write(canonical(body)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(IdempotencyKeys::canonical).toList();
    }
    if (value instanceof Number number) {
      return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return value;
  }
}
