package dev.pao.shared.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * {@link IdempotentAnswers} on {@code idempotency_keys}, each step in a transaction of its own (the
 * claim must be visible to a concurrent repeat before the call runs). A claim left without an
 * answer for five minutes (its server stopped mid-call) is taken over.
 */
@ApplicationScoped
public class JpaIdempotentAnswers implements IdempotentAnswers {
  private static final String CLAIM =
      "INSERT INTO idempotency_keys (owner_subject, endpoint, idempotency_key, request_hash,"
          + " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, now(), now() + interval '24 hours')"
          + " ON CONFLICT (owner_subject, endpoint, idempotency_key) DO UPDATE"
          + " SET request_hash = EXCLUDED.request_hash, response_status = NULL,"
          + " response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at"
          + " WHERE idempotency_keys.expires_at < now() OR (idempotency_keys.response_status IS"
          + " NULL AND idempotency_keys.created_at < now() - interval '5 minutes')";
  private static final String HELD =
      "SELECT request_hash, response_status, CAST(response_body AS text) FROM idempotency_keys"
          + " WHERE owner_subject = ?1 AND endpoint = ?2 AND idempotency_key = ?3";
  private static final String ANSWER =
      "UPDATE idempotency_keys SET response_status = ?4, response_body = CAST(?5 AS jsonb)"
          + " WHERE owner_subject = ?1 AND endpoint = ?2 AND idempotency_key = ?3";
  private static final String RELEASE =
      "DELETE FROM idempotency_keys"
          + " WHERE owner_subject = ?1 AND endpoint = ?2 AND idempotency_key = ?3";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Held claim(String owner, String endpoint, String key, String fingerprint) {
    int claimed =
        em.createNativeQuery(CLAIM)
            .setParameter(1, owner)
            .setParameter(2, endpoint)
            .setParameter(3, key)
            .setParameter(4, fingerprint)
            .executeUpdate();
    if (claimed == 1) {
      return null;
    }
    List<?> rows =
        em.createNativeQuery(HELD)
            .setParameter(1, owner)
            .setParameter(2, endpoint)
            .setParameter(3, key)
            .getResultList();
    Object[] row = (Object[]) rows.get(0);
    return new Held(
        String.valueOf(row[0]),
        row[1] == null ? null : ((Number) row[1]).intValue(),
        row[2] == null ? null : String.valueOf(row[2]));
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void answer(String owner, String endpoint, String key, int status, String body) {
    em.createNativeQuery(ANSWER)
        .setParameter(1, owner)
        .setParameter(2, endpoint)
        .setParameter(3, key)
        .setParameter(4, status)
        .setParameter(5, body)
        .executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(String owner, String endpoint, String key) {
    em.createNativeQuery(RELEASE)
        .setParameter(1, owner)
        .setParameter(2, endpoint)
        .setParameter(3, key)
        .executeUpdate();
  }
}
