package dev.pao.audit.infra;

import dev.pao.audit.domain.AuditEntry;
import dev.pao.audit.domain.AuditReads;
import dev.pao.shared.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link AuditReads} on PostgreSQL. Every page is one query on a fresh entity manager, closed
 * afterwards, so a long export holds no more than one page in memory.
 */
@ApplicationScoped
public class JpaAuditReads implements AuditReads {
  @PersistenceUnit(unitName = "pao")
  EntityManagerFactory factory;

  protected JpaAuditReads() {}

  /** Reads through {@code factory} (tests give one of their own). */
  public static JpaAuditReads on(EntityManagerFactory factory) {
    JpaAuditReads reads = new JpaAuditReads();
    reads.factory = factory;
    return reads;
  }

  @Override
  public Slice page(Listing listing) {
    AuditListingQuery sql = AuditListingQuery.of(listing);
    EntityManager em = factory.createEntityManager();
    try {
      Query query = em.createNativeQuery(sql.text());
      List<Object> parameters = sql.parameters();
      for (int i = 0; i < parameters.size(); i++) {
        query.setParameter(i + 1, parameters.get(i));
      }
      List<AuditEntry> rows =
          ((List<?>) query.getResultList()).stream().map(row -> entry((Object[]) row)).toList();
      boolean more = rows.size() > listing.limit();
      return new Slice(more ? rows.subList(0, listing.limit()) : rows, more);
    } finally {
      em.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static AuditEntry entry(Object[] row) {
    Object payload = row[10] == null ? null : JsonCodec.parse((String) row[10]);
    return new AuditEntry(
        ((Number) row[0]).longValue(),
        instant(row[1]),
        (String) row[2],
        (String) row[3],
        (String) row[4],
        row[5] == null ? null : UUID.fromString((String) row[5]),
        (String) row[6],
        (String) row[7],
        (String) row[8],
        (String) row[9],
        payload instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("occurred_at read as " + value.getClass());
  }
}
