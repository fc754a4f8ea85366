package dev.pao.catalog.rules;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.ReadOnly;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code CatalogPolicy} document ({@code policies/<file>.yaml}): the items it applies to (by id
 * or category; every item and bundle without {@code appliesTo}) and its rules, evaluated at
 * submission in the order written.
 */
public record CatalogPolicy(
    String id, List<String> items, List<String> categories, List<PolicyRule> rules) {

  public CatalogPolicy {
    items = List.copyOf(items);
    categories = List.copyOf(categories);
    rules = List.copyOf(rules);
  }

  /** The policy a schema-valid {@code CatalogPolicy} document describes. */
  public static CatalogPolicy of(CatalogDocument document) {
    Map<String, Object> spec = document.spec();
    Map<String, Object> appliesTo = ReadOnly.mapAt(spec, "appliesTo");
    List<PolicyRule> rules = new ArrayList<>();
    for (Object rule : ReadOnly.listAt(spec, "rules")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) rule;
      rules.add(PolicyRule.of(document.id(), fields));
    }
    return new CatalogPolicy(
        document.id(),
        Principals.strings(appliesTo, "items"),
        Principals.strings(appliesTo, "categories"),
        rules);
  }

  /** Whether the policy applies to {@code document} (an item or a bundle). */
  public boolean appliesTo(CatalogDocument document) {
    if (items.isEmpty() && categories.isEmpty()) {
      return true;
    }
    return items.contains(document.id())
        || (document.category() != null && categories.contains(document.category()));
  }
}
