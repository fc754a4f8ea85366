package dev.pao.governance;

import dev.pao.catalog.rules.PolicyRule;
import java.util.List;
import java.util.Optional;

/**
 * What the policies decided for one submission: the auto-approve rule that waives its approvals, if
 * one matched, and the quotas to hold it to when it is stored.
 */
public record PolicyVerdict(Optional<String> autoApprovedBy, List<PolicyRule.Quota> quotas) {
  public PolicyVerdict {
    quotas = List.copyOf(quotas);
  }

  /** The names of the rules that applied, for the audit trail. */
  public List<String> applied() {
    List<String> names = new java.util.ArrayList<>();
    autoApprovedBy.ifPresent(names::add);
    quotas.forEach(quota -> names.add(quota.name()));
    return names;
  }
}
