package dev.pao.request.infra;

import dev.pao.request.domain.IdempotencyClaims;
import dev.pao.request.domain.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * {@link IdempotencyClaims} on the {@code idempotency_keys} table: the first use inserts the key
 * (an expired row is taken over); the table's primary key serialises concurrent first uses. Rows of
 * submissions have the column default {@code endpoint = 'POST /requests'}.
 */
@ApplicationScoped
public class JpaIdempotencyClaims implements IdempotencyClaims {
  private static final String CLAIM =
      "INSERT INTO idempotency_keys (owner_subject, idempotency_key, request_hash, request_id,"
          + " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, now(), now() + interval '24 hours')"
          + " ON CONFLICT (owner_subject, endpoint, idempotency_key) DO UPDATE"
          + " SET request_hash = EXCLUDED.request_hash, request_id = EXCLUDED.request_id,"
          + " created_at = now(), expires_at = EXCLUDED.expires_at"
          + " WHERE idempotency_keys.expires_at < now()";
  private static final String HELD =
      "SELECT request_hash, CAST(request_id AS text) FROM idempotency_keys"
          + " WHERE owner_subject = ?1 AND idempotency_key = ?2 AND endpoint = 'POST /requests'";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  public Claim claim(String owner, String key, String bodyHash, RequestId newRequest) {
    int claimed =
        em.createNativeQuery(CLAIM)
            .setParameter(1, owner)
            .setParameter(2, key)
            .setParameter(3, bodyHash)
            .setParameter(4, newRequest.value())
            .executeUpdate();
    if (claimed == 1) {
      return Claim.claimed();
    }
    Object[] row =
        (Object[])
            ((List<?>)
                    em.createNativeQuery(HELD)
                        .setParameter(1, owner)
                        .setParameter(2, key)
                        .getResultList())
                .get(0);
    return Claim.heldBy(
        String.valueOf(row[0]), new RequestId(UUID.fromString(String.valueOf(row[1]))));
  }
}
