package dev.pao.serviceaccount.application;

import dev.pao.shared.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code service_accounts} table and the replay guard {@code service_account_nonces}. */
@ApplicationScoped
public class ServiceAccounts {
  private static final String COLUMNS =
      "CAST(id AS text), name, key_id, algorithm, public_key, CAST(teams AS text), CAST(items AS text),"
          + " description, created_at, created_by, revoked_at, revoked_by";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void add(ServiceAccount account) {
    em.createNativeQuery(
            "INSERT INTO service_accounts (id, name, key_id, algorithm, public_key, teams, items,"
                + " description, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5,"
                + " CAST(?6 AS jsonb), CAST(?7 AS jsonb), ?8, ?9, ?10)")
        .setParameter(1, account.id())
        .setParameter(2, account.name())
        .setParameter(3, account.keyId())
        .setParameter(4, account.algorithm())
        .setParameter(5, account.publicKey())
        .setParameter(6, JsonCodec.write(account.teams()))
        .setParameter(7, JsonCodec.write(account.items()))
        .setParameter(8, account.description())
        .setParameter(9, account.createdAt().atOffset(ZoneOffset.UTC))
        .setParameter(10, account.createdBy())
        .executeUpdate();
  }

  public boolean nameTaken(String name) {
    return !em.createNativeQuery("SELECT 1 FROM service_accounts WHERE name = ?1")
        .setParameter(1, name)
        .getResultList()
        .isEmpty();
  }

  public List<ServiceAccount> all() {
    return rows(
        em.createNativeQuery(
                "SELECT " + COLUMNS + " FROM service_accounts ORDER BY created_at DESC, id DESC")
            .getResultList());
  }

  public Optional<ServiceAccount> byId(UUID id) {
    return rows(
            em.createNativeQuery("SELECT " + COLUMNS + " FROM service_accounts WHERE id = ?1")
                .setParameter(1, id)
                .getResultList())
        .stream()
        .findFirst();
  }

  public Optional<ServiceAccount> byKeyId(String keyId) {
    return rows(
            em.createNativeQuery("SELECT " + COLUMNS + " FROM service_accounts WHERE key_id = ?1")
                .setParameter(1, keyId)
                .getResultList())
        .stream()
        .findFirst();
  }

  /** Marks the account revoked, once; whether this call revoked it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean revoke(UUID id, String by, Instant at) {
    return em.createNativeQuery(
                "UPDATE service_accounts SET revoked_at = ?1, revoked_by = ?2"
                    + " WHERE id = ?3 AND revoked_at IS NULL")
            .setParameter(1, at.atOffset(ZoneOffset.UTC))
            .setParameter(2, by)
            .setParameter(3, id)
            .executeUpdate()
        == 1;
  }

  /**
   * Remembers a signature seen at {@code at}, forgetting this key's signatures older than {@code
   * forgetBefore}; false when it was seen before (a replay), on any instance.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstSighting(String keyId, String signature, Instant at, Instant forgetBefore) {
    em.createNativeQuery("DELETE FROM service_account_nonces WHERE key_id = ?1 AND seen_at < ?2")
        .setParameter(1, keyId)
        .setParameter(2, forgetBefore.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    return em.createNativeQuery(
                "INSERT INTO service_account_nonces (key_id, signature, seen_at)"
                    + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
            .setParameter(1, keyId)
            .setParameter(2, signature)
            .setParameter(3, at.atOffset(ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }

  private static List<ServiceAccount> rows(List<?> rows) {
    return rows.stream().map(row -> account((Object[]) row)).toList();
  }

  private static ServiceAccount account(Object[] row) {
    return new ServiceAccount(
        UUID.fromString((String) row[0]),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        strings(row[5]),
        strings(row[6]),
        (String) row[7],
        instant(row[8]),
        (String) row[9],
        instant(row[10]),
        (String) row[11]);
  }

  private static List<String> strings(Object json) {
    if (json == null) {
      return List.of();
    }
    Object parsed = JsonCodec.parse((String) json);
    return parsed instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("a time read as " + value.getClass());
  }
}
