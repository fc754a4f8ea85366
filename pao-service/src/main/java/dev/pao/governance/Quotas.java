package dev.pao.governance;

import dev.pao.catalog.rules.PolicyRule;
import dev.pao.security.CurrentUser;
import dev.pao.shared.domain.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Holds a submission to its quotas inside the transaction that stores it: each counted scope (the
 * item and a team of the requester, or the item and the requester) is locked for the rest of the
 * transaction, so concurrent submissions on any instance are counted one after the other and the
 * N+1th is refused however close together they arrive. Open means not yet finished.
 */
@ApplicationScoped
public class Quotas {
  private static final String OPEN =
      " AND status NOT IN ('completed', 'aborted', 'rejected', 'escalated')";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  /**
   * @throws ForbiddenException naming the quota rule the submission would exceed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enforce(List<PolicyRule.Quota> quotas, String itemId, CurrentUser user) {
    for (PolicyRule.Quota quota : quotas) {
      if (quota.perTeam() && !user.teams().isEmpty()) {
        for (String team : user.teams().stream().sorted().toList()) {
          lock("quota:" + itemId + ":team:" + team);
          long open =
              count(
                  "SELECT count(*) FROM requests WHERE catalog_item_id = ?1"
                      + " AND requester_teams @> jsonb_build_array(CAST(?2 AS text))"
                      + OPEN,
                  itemId,
                  team);
          refuseOver(quota, open, "team " + team, itemId);
        }
      } else {
        lock("quota:" + itemId + ":requester:" + user.subject());
        long open =
            count(
                "SELECT count(*) FROM requests WHERE catalog_item_id = ?1"
                    + " AND requester_subject = ?2"
                    + OPEN,
                itemId,
                user.subject());
        refuseOver(quota, open, "you", itemId);
      }
    }
  }

  private static void refuseOver(PolicyRule.Quota quota, long open, String whose, String itemId) {
    if (open >= quota.maxOpen()) {
      throw new ForbiddenException(
          "Quota reached: "
              + whose
              + " already "
              + (whose.equals("you") ? "have " : "has ")
              + open
              + " open "
              + (open == 1 ? "request" : "requests")
              + " for '"
              + itemId
              + "' (at most "
              + quota.maxOpen()
              + ", policy rule "
              + quota.name()
              + ")",
          quota.name());
    }
  }

  private void lock(String scope) {
    em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, scope)
        .getSingleResult();
  }

  private long count(String sql, String itemId, String scope) {
    Object result =
        em.createNativeQuery(sql).setParameter(1, itemId).setParameter(2, scope).getSingleResult();
    return ((Number) result).longValue();
  }
}
