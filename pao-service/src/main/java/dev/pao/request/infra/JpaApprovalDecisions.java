package dev.pao.request.infra;

import dev.pao.request.domain.ApprovalDecisions;
import dev.pao.request.domain.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** {@link ApprovalDecisions} on the {@code request_approvals} table. */
@ApplicationScoped
public class JpaApprovalDecisions implements ApprovalDecisions {
  private static final String SELECT =
      "SELECT gate, approver_subject, approver_email, decision, reason, decided_at"
          + " FROM request_approvals WHERE request_id = ?1";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean add(Decision decision) {
    return em.createNativeQuery(
                "INSERT INTO request_approvals (request_id, gate, approver_subject,"
                    + " approver_email, decision, reason, decided_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                    + " ON CONFLICT (request_id, gate, approver_subject) DO NOTHING")
            .setParameter(1, decision.requestId().value())
            .setParameter(2, decision.gate())
            .setParameter(3, decision.approverSubject())
            .setParameter(4, decision.approverEmail())
            .setParameter(5, decision.approved() ? "approved" : "rejected")
            .setParameter(6, decision.reason())
            .setParameter(7, Timestamp.from(decision.decidedAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Decision> of(RequestId requestId, int gate) {
    return read(
        em.createNativeQuery(SELECT + " AND gate = ?2 ORDER BY decided_at, id")
            .setParameter(1, requestId.value())
            .setParameter(2, gate)
            .getResultList(),
        requestId);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Decision> of(RequestId requestId) {
    return read(
        em.createNativeQuery(SELECT + " ORDER BY decided_at, id")
            .setParameter(1, requestId.value())
            .getResultList(),
        requestId);
  }

  private static List<Decision> read(List<?> rows, RequestId requestId) {
    List<Decision> decisions = new ArrayList<>();
    for (Object raw : rows) {
      Object[] row = (Object[]) raw;
      decisions.add(
          new Decision(
              requestId,
              ((Number) row[0]).intValue(),
              String.valueOf(row[1]),
              String.valueOf(row[2]),
              "approved".equals(row[3]),
              row[4] == null ? null : String.valueOf(row[4]),
              ((Timestamp) row[5]).toInstant()));
    }
    return decisions;
  }
}
