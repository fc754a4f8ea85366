package dev.pao.catalog.validation;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.rules.Condition;
import dev.pao.catalog.rules.ConditionException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The publish-time rules of approvals and policies: every condition compiles and type-checks, a
 * policy names only documents that exist and gives each rule its own id.
 */
final class GovernanceRules {
  private GovernanceRules() {}

  static void check(
      DocumentKind kind,
      Map<String, Object> spec,
      Map<String, CatalogDocument> known,
      List<Problem> problems) {
    switch (kind) {
      case ITEM -> condition(ReadOnly.mapAt(spec, "approval"), "spec.approval.when", problems);
      case BUNDLE -> {
        condition(ReadOnly.mapAt(spec, "approval"), "spec.approval.when", problems);
        List<?> components = ReadOnly.listAt(spec, "components");
        for (int i = 0; i < components.size(); i++) {
          if (components.get(i) instanceof Map<?, ?> component
              && component.get("approval") instanceof Map<?, ?> approval) {
            condition(approval, "spec.components[" + i + "].approval.when", problems);
          }
        }
      }
      case POLICY -> policy(spec, known, problems);
    }
  }

  private static void policy(
      Map<String, Object> spec, Map<String, CatalogDocument> known, List<Problem> problems) {
    List<?> items = ReadOnly.listAt(ReadOnly.mapAt(spec, "appliesTo"), "items");
    for (int i = 0; i < items.size(); i++) {
      if (!known.containsKey(String.valueOf(items.get(i)))) {
        problems.add(
            Problem.at(
                "spec.appliesTo.items[" + i + "]",
                "unknown catalog item or bundle '" + items.get(i) + "'"));
      }
    }
    Set<String> ids = new HashSet<>();
    List<?> rules = ReadOnly.listAt(spec, "rules");
    for (int i = 0; i < rules.size(); i++) {
      Map<?, ?> rule = (Map<?, ?>) rules.get(i);
      String at = "spec.rules[" + i + "]";
      if (!ids.add(String.valueOf(rule.get("id")))) {
        problems.add(Problem.at(at + ".id", "duplicate rule id '" + rule.get("id") + "'"));
      }
      condition(rule, at + ".when", problems);
    }
  }

  private static void condition(Map<?, ?> holder, String path, List<Problem> problems) {
    Object when = holder.get("when");
    if (when == null) {
      return;
    }
    try {
      Condition.compile(String.valueOf(when));
    } catch (ConditionException e) {
      problems.add(Problem.at(path, "invalid condition: " + e.getMessage()));
    }
  }
}
