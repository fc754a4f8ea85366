package dev.pao.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.FormData;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.validation.FormFields;
import dev.pao.template.Escaping;
import dev.pao.template.Expression;
import dev.pao.template.Namespace;
import dev.pao.template.Namespaces;
import dev.pao.template.TemplateEngine;
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

  /**
   * Every sample bundle component renders its item's templates with a value wherever the item has a
   * default or the bundle fixes one, even before the bundle's own form data is laid over it.
   */
  @Test
  void sampleBundleComponentsRenderNoEmptyValueWhereTheItemHasADefault() {
    TemplateEngine engine = new TemplateEngine();
    int checked = 0;
    for (CatalogDocument bundle : result.snapshot().documents()) {
      if (bundle.kind() != DocumentKind.BUNDLE) {
        continue;
      }
      for (Object raw : ReadOnly.listAt(bundle.spec(), "components")) {
        Map<?, ?> component = (Map<?, ?>) raw;
        CatalogDocument item =
            result.snapshot().item(String.valueOf(component.get("item"))).orElseThrow();
        Map<String, Object> current = FormData.componentBase(item, component.get("values"));
        Set<String> provided = new HashSet<>();
        for (FormFields.Field field : FormFields.of(FormFields.formOf(item.definition()))) {
          if (field.definition().get("default") != null
              || FormData.flatten(component.get("values")).containsKey(field.path())) {
            provided.add(field.path());
          }
        }
        for (Object action :
            ReadOnly.listAt(ReadOnly.mapAt(item.spec(), "fulfillment"), "actions")) {
          for (String template : strings(action)) {
            for (Expression expression : engine.parse(template).references()) {
              if (expression.namespace() == Namespace.CURRENT
                  && provided.contains(expression.pathText())) {
                String rendered =
                    engine
                        .render(
                            "{{" + expression.reference() + "}}",
                            new Namespaces(current, Map.of(), Map.of(), Map.of(), Set.of()),
                            Escaping.TEXT)
                        .text();
                assertFalse(
                    rendered.isEmpty(),
                    bundle.id() + "/" + component.get("id") + ": " + expression.source());
                checked++;
              }
            }
          }
        }
      }
    }
    assertTrue(checked >= 5, "expressions checked: " + checked);
  }

  private static List<String> strings(Object node) {
    List<String> found = new java.util.ArrayList<>();
    if (node instanceof String text && text.contains("{{")) {
      found.add(text);
    } else if (node instanceof Map<?, ?> map) {
      map.values().forEach(value -> found.addAll(strings(value)));
    } else if (node instanceof List<?> list) {
      list.forEach(value -> found.addAll(strings(value)));
    }
    return found;
  }
}
