package dev.pao.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.load.CatalogLoader;
import dev.pao.catalog.load.RepositoryFiles;
import dev.pao.catalog.rules.Access;
import dev.pao.catalog.rules.PolicyRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GovernanceRulesTest {
  private static final String ITEM =
      """
      apiVersion: pao/v1
      kind: CatalogItem
      metadata: {id: cache, name: Cache, version: 1.0.0, category: databases}
      spec:
        access: {teams: [team-data], roles: [admin]}
        approval:
          approvers: {teams: [team-ops]}
          when: "form.environment == 'prod'"
          timeout: 48h
        form:
          fields:
            - {id: environment, type: select, options: [dev, prod], default: dev}
        fulfillment:
          actions:
            - {id: call, type: rest, method: POST, url: "https://example.com"}
      """;

  private static CatalogLoader.Result load(Map<String, String> files) {
    return new CatalogLoader()
        .load(
            new RepositoryFiles("c1", files, Optional.empty()),
            CatalogSnapshot.empty(),
            Instant.EPOCH);
  }

  private static String policy(String rules) {
    return """
        apiVersion: pao/v1
        kind: CatalogPolicy
        metadata: {id: guardrails, name: Guardrails, version: 1.0.0}
        spec:
          appliesTo: {items: [cache]}
          rules:
        """
        + rules;
  }

  @Test
  void aPolicyIsServedApartFromTheRequestableDocuments() {
    CatalogLoader.Result result =
        load(
            Map.of(
                "catalog/databases/cache.yaml",
                ITEM,
                "policies/guardrails.yaml",
                policy(
                    """
                        - {id: small-dev, type: autoApprove, when: "form.environment == 'dev'"}
                        - {id: two-open, type: quota, maxOpen: 2}
                        - {id: prod-for-ops, type: allowedValues, field: environment, values: [prod], teams: [team-ops]}
                    """)));
    assertEquals(List.of(), result.rejected());
    assertTrue(result.snapshot().find("guardrails").isEmpty(), "a policy is not requestable");
    assertEquals(1, result.snapshot().policies().size());
    List<PolicyRule> rules = result.snapshot().policies().get(0).rules();
    assertEquals("guardrails/small-dev", rules.get(0).name());
    assertTrue(rules.get(1) instanceof PolicyRule.Quota quota && quota.perTeam());
    assertEquals(2, result.snapshot().size());
  }

  @Test
  void conditionsAreCheckedAtPublishTimeWithTheirPosition() {
    CatalogLoader.Result result =
        load(
            Map.of(
                "catalog/databases/cache.yaml",
                ITEM.replace("form.environment == 'prod'", "form.environment =="),
                "policies/guardrails.yaml",
                policy(
                        """
                        - {id: auto, type: autoApprove, when: "1 + 2"}
                        - {id: auto, type: quota, maxOpen: 1}
                    """)
                    .replace("items: [cache]", "items: [cache, nothing-like-it]")));
    List<String> problems =
        result.rejected().stream().map(r -> r.path() + ": " + r.reason()).toList();
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("spec.approval.when: invalid condition")),
        problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("spec.rules[0].when: invalid condition")),
        problems.toString());
    assertTrue(
        problems.contains("spec.rules[1].id: duplicate rule id 'auto'"), problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.contains("unknown catalog item or bundle 'nothing-like-it'")),
        problems.toString());
    Rejection when =
        result.rejected().stream()
            .filter(r -> r.path().equals("spec.approval.when"))
            .findFirst()
            .orElseThrow();
    assertEquals(8, when.line());
  }

  @Test
  void aPolicyBelongsInThePoliciesFolderAndNeedsWhatItsRuleTypeReads() {
    CatalogLoader.Result misplaced =
        load(
            Map.of(
                "catalog/databases/cache.yaml",
                ITEM,
                "bundles/guardrails.yaml",
                policy("    - {id: q, type: quota, maxOpen: 1}\n")));
    assertTrue(
        misplaced.rejected().stream().anyMatch(r -> r.reason().contains("policies/<file>.yaml")),
        misplaced.rejected().toString());
    CatalogLoader.Result incomplete =
        load(
            Map.of(
                "catalog/databases/cache.yaml",
                ITEM,
                "policies/guardrails.yaml",
                policy("    - {id: q, type: quota}\n")));
    assertTrue(
        incomplete.rejected().stream().anyMatch(r -> r.reason().contains("maxOpen")),
        incomplete.rejected().toString());
  }

  @Test
  void accessAllowsTheListedTeamsAndRolesOnly() {
    CatalogDocument cache =
        load(Map.of("catalog/databases/cache.yaml", ITEM)).snapshot().find("cache").orElseThrow();
    assertEquals(DocumentKind.ITEM, cache.kind());
    assertTrue(Access.decide(cache, List.of("team-data"), List.of()).allowed());
    assertTrue(Access.decide(cache, List.of(), List.of("admin")).allowed());
    Access.Decision refused = Access.decide(cache, List.of("team-web"), List.of("developer"));
    assertEquals(false, refused.allowed());
    assertEquals("cache/spec.access", refused.rule());
    assertEquals(
        "only team team-data or role admin may request item 'cache' (spec.access)",
        refused.reason());
  }
}
