package dev.pao.request.application;

import dev.pao.shared.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code Idempotency-Key} for submissions, per caller, kept 24 hours: the first use claims the key
 * for a body (by hash) inside the submission's transaction; a repeat with the same body gets the
 * same request back; a different body is refused with {@code IDEMPOTENCY_KEY_REUSED}. Two
 * concurrent first uses are serialised by the table's primary key.
 */
@ApplicationScoped
public class IdempotencyKeys {
  @PersistenceContext(unitName = "pao")
  EntityManager em;

  /** The outcome of a claim: new, a repeat of an earlier identical call, or a conflict. */
  public record Claim(Optional<UUID> earlier, boolean conflict) {}

  /**
   * Claims {@code key} for {@code requestId}, or answers the request an earlier identical call
   * created, or that the key was used with another body.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Claim claim(String owner, String key, Object body, UUID requestId) {
    String hash = hash(body);
    int claimed =
        em.createNativeQuery(
                "INSERT INTO idempotency_keys (owner_subject, idempotency_key, request_hash,"
                    + " request_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, now(), now() +"
                    + " interval '24 hours') ON CONFLICT (owner_subject, idempotency_key) DO UPDATE"
                    + " SET request_hash = EXCLUDED.request_hash, request_id = EXCLUDED.request_id,"
                    + " created_at = now(), expires_at = EXCLUDED.expires_at"
                    + " WHERE idempotency_keys.expires_at < now()")
            .setParameter(1, owner)
            .setParameter(2, key)
            .setParameter(3, hash)
            .setParameter(4, requestId)
            .executeUpdate();
    if (claimed == 1) {
      return new Claim(Optional.empty(), false);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT request_hash, CAST(request_id AS text) FROM idempotency_keys"
                    + " WHERE owner_subject = ?1 AND idempotency_key = ?2")
            .setParameter(1, owner)
            .setParameter(2, key)
            .getResultList();
    Object[] row = rows.get(0);
    if (!hash.equals(row[0])) {
      return new Claim(Optional.empty(), true);
    }
    return new Claim(Optional.of(UUID.fromString(String.valueOf(row[1]))), false);
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
