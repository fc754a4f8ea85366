package dev.pao.governance;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.rules.ApprovalRule;
import dev.pao.catalog.rules.Condition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approval gates of one submission: the document's own {@code approval} (before the first
 * action) and, for a bundle, each component's (before that component's first action): the
 * component's {@code approval}, or else its item's own, so a bundle is no way around an item's
 * approval. Each is kept only when its condition holds: the document's for the form data, a
 * component's for that component's values ({@code .current}). Two gates before the same action
 * merge into the first one written.
 */
public final class ApprovalPlanner {
  private ApprovalPlanner() {}

  /** What the planner needs to know of a bundle's component. */
  public record Component(
      int firstAction, Optional<CatalogDocument> item, Condition.ConditionInput input) {}

  /**
   * @param components each bundle component by id
   * @param defaultTimeout the wait of an approval whose rule names none
   */
  public static List<ApprovalGate> gates(
      CatalogDocument document,
      Map<String, Component> components,
      Condition.ConditionInput input,
      Duration defaultTimeout) {
    List<ApprovalGate> gates = new ArrayList<>();
    ApprovalRule.at(document.spec(), "approval")
        .filter(rule -> rule.appliesTo(input))
        .ifPresent(
            rule ->
                gates.add(gate(rule, 0, null, document.id() + "/spec.approval", defaultTimeout)));
    List<?> declared = ReadOnly.listAt(document.spec(), "components");
    for (Object raw : declared) {
      @SuppressWarnings("unchecked")
      Map<String, Object> declaration = (Map<String, Object>) raw;
      String id = String.valueOf(declaration.get("id"));
      Component component = components.get(id);
      if (component == null) {
        continue;
      }
      Optional<ApprovalRule> own = ApprovalRule.at(declaration, "approval");
      Optional<ApprovalRule> rule =
          own.isPresent()
              ? own
              : component.item().flatMap(item -> ApprovalRule.at(item.spec(), "approval"));
      Condition.ConditionInput seen = component.input() == null ? input : component.input();
      if (rule.isEmpty()
          || !rule.get().appliesTo(seen)
          || ApprovalGate.before(gates, component.firstAction()).isPresent()) {
        continue;
      }
      String name =
          own.isPresent()
              ? document.id() + "/spec.components[" + id + "].approval"
              : component.item().orElseThrow().id() + "/spec.approval";
      gates.add(gate(rule.get(), component.firstAction(), id, name, defaultTimeout));
    }
    gates.sort(java.util.Comparator.comparingInt(ApprovalGate::actionIndex));
    return gates;
  }

  private static ApprovalGate gate(
      ApprovalRule rule, int index, String component, String name, Duration defaultTimeout) {
    return new ApprovalGate(
        index,
        component,
        rule.approvers(),
        rule.minApprovals(),
        rule.timeout().orElse(defaultTimeout),
        name);
  }
}
