package dev.pao.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.validation.FormFields;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sample catalog passes validation and covers the whole format. */
class CatalogSamplesTest {
  private final CatalogLoader.Result result =
      new CatalogLoader()
          .load(SampleCatalog.files("c0ffee"), CatalogSnapshot.empty(), Instant.now());

  @Test
  void everySamplePassesValidation() {
    assertEquals(List.of(), result.rejected());
    assertEquals(SampleCatalog.files("x").documents().size(), result.snapshot().size());
  }

  @Test
  void atLeastEightItemsInFourCategoriesAndTwoBundles() {
    List<CatalogDocument> items = result.snapshot().items();
    assertTrue(items.size() >= 8, "items: " + items.size());
    Set<String> categories =
        items.stream().map(CatalogDocument::category).collect(Collectors.toSet());
    assertTrue(categories.size() >= 4, categories.toString());
    long bundles =
        result.snapshot().documents().stream().filter(d -> d.kind() == DocumentKind.BUNDLE).count();
    assertTrue(bundles >= 2);
  }

  @Test
  void everyActionTypeAndFieldTypeIsUsed() {
    Set<String> actionTypes = new HashSet<>();
    Set<String> fieldTypes = new HashSet<>();
    boolean groups = false;
    for (CatalogDocument item : result.snapshot().items()) {
      for (Object action : ReadOnly.listAt(ReadOnly.mapAt(item.spec(), "fulfillment"), "actions")) {
        actionTypes.add(String.valueOf(((Map<?, ?>) action).get("type")));
      }
      FormFields.of(FormFields.formOf(item.definition()))
          .forEach(field -> fieldTypes.add(field.type()));
      groups |= !ReadOnly.listAt(FormFields.formOf(item.definition()), "groups").isEmpty();
    }
    assertEquals(
        Set.of("jira", "rest", "github-commit", "github-workflow", "terraform"), actionTypes);
    assertEquals(
        Set.of(
            "string",
            "text",
            "integer",
            "number",
            "boolean",
            "select",
            "multiselect",
            "email",
            "url",
            "date"),
        fieldTypes);
    assertTrue(groups, "a sample uses group fields");
    assertTrue(result.snapshot().items().stream().anyMatch(item -> !item.custom().isEmpty()));
  }

  @Test
  void aBundleChainsThreeComponents() {
    CatalogDocument starter = result.snapshot().find("service-starter").orElseThrow();
    List<?> components = ReadOnly.listAt(starter.spec(), "components");
    assertEquals(3, components.size());
    assertEquals(List.of("repo"), ((Map<?, ?>) components.get(2)).get("dependsOn"));
    assertEquals(List.of("database"), ((Map<?, ?>) components.get(1)).get("dependsOn"));
  }

  @Test
  void ownersComeFromCodeOwners() {
    assertEquals("team-data", result.snapshot().find("postgres-database").orElseThrow().owner());
    assertEquals("team-security", result.snapshot().find("vpn-access").orElseThrow().owner());
    assertEquals("team-platform", result.snapshot().find("service-starter").orElseThrow().owner());
  }
}
