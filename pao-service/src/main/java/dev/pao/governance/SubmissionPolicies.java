package dev.pao.governance;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.rules.CatalogPolicy;
import dev.pao.catalog.rules.Condition;
import dev.pao.catalog.rules.ConditionException;
import dev.pao.catalog.rules.PolicyRule;
import dev.pao.security.CurrentUser;
import dev.pao.shared.domain.ForbiddenException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the catalog's policies to a submission, in the order the policy files and their rules are
 * written: an allowed-values rule the form breaks refuses it at once; the first auto-approve rule
 * that holds waives its approvals; the quotas that apply are returned to be enforced when the
 * request is stored (under a lock, so two submissions cannot both take the last place).
 */
public final class SubmissionPolicies {
  private SubmissionPolicies() {}

  /**
   * @throws ForbiddenException naming the allowed-values rule the form data breaks
   */
  public static PolicyVerdict evaluate(
      CatalogSnapshot snapshot,
      CatalogDocument document,
      Map<String, Object> formData,
      CurrentUser user) {
    Condition.ConditionInput input = ConditionInputs.of(document, formData, user);
    Optional<String> autoApproved = Optional.empty();
    List<PolicyRule.Quota> quotas = new ArrayList<>();
    for (CatalogPolicy policy : snapshot.policies()) {
      if (!policy.appliesTo(document)) {
        continue;
      }
      for (PolicyRule rule : policy.rules()) {
        if (rule instanceof PolicyRule.AllowedValues allowed) {
          checkAllowed(allowed, formData, user);
        } else if (rule instanceof PolicyRule.AutoApprove auto) {
          if (autoApproved.isEmpty() && holds(auto.when(), input)) {
            autoApproved = Optional.of(auto.name());
          }
        } else if (rule instanceof PolicyRule.Quota quota
            && (quota.when().isEmpty() || holds(quota.when().get(), input))) {
          quotas.add(quota);
        }
      }
    }
    return new PolicyVerdict(autoApproved, quotas);
  }

  /** A condition that cannot be evaluated does not hold: no approval is waived on a doubt. */
  private static boolean holds(Condition condition, Condition.ConditionInput input) {
    try {
      return condition.test(input);
    } catch (ConditionException e) {
      return false;
    }
  }

  private static void checkAllowed(
      PolicyRule.AllowedValues rule, Map<String, Object> formData, CurrentUser user) {
    Object value = valueAt(formData, rule.field());
    if (value == null || rule.teams().stream().anyMatch(user::memberOf)) {
      return;
    }
    boolean restricted = rule.values().stream().anyMatch(allowed -> same(allowed, value));
    if (restricted) {
      throw new ForbiddenException(
          "Only "
              + (rule.teams().size() == 1 ? "team " : "teams ")
              + String.join(", ", rule.teams())
              + " may choose "
              + rule.field()
              + " = "
              + value
              + " (policy rule "
              + rule.name()
              + ")",
          rule.name());
    }
  }

  private static Object valueAt(Map<String, Object> formData, String path) {
    Object current = formData;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  private static boolean same(Object allowed, Object value) {
    if (allowed instanceof Number a && value instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (value instanceof List<?> chosen) {
      return chosen.stream().anyMatch(each -> same(allowed, each));
    }
    return String.valueOf(allowed).equals(String.valueOf(value));
  }
}
