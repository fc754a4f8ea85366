package dev.pao.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema problems name the offending path, its line and column, and what the value must be. */
class SchemaValidationTest {
  private static final String VALID =
      """
      apiVersion: pao/v1
      kind: CatalogItem
      metadata:
        id: tiny
        name: Tiny
        version: 1.0.0
        category: compute
      spec:
        form:
          fields:
            - id: size
              label: Size
              type: select
              options: [small, {value: large, label: Large}]
        fulfillment:
          actions:
            - id: t
              type: jira
              project: X
              issueType: Task
              summary: "{{.current.size}}"
      """;

  private final DocumentValidator validator = new DocumentValidator();

  private List<Rejection> rejections(String text) {
    return validator.parse("catalog/compute/tiny.yaml", text, "c1").rejections();
  }

  private static Rejection only(List<Rejection> rejections) {
    assertEquals(1, rejections.size(), rejections.toString());
    return rejections.get(0);
  }

  @Test
  void aConformingDocumentHasNoSchemaProblem() {
    DocumentValidator.ParseResult result =
        validator.parse("catalog/compute/tiny.yaml", VALID, "c1");
    assertEquals(List.of(), result.rejections());
    assertNotNull(result.parsed());
  }

  @Test
  void anUnknownActionTypeNamesItsPathPositionAndTheAllowedTypes() {
    Rejection rejection = only(rejections(VALID.replace("type: jira", "type: jiraa")));
    assertEquals("spec.fulfillment.actions[0].type", rejection.path());
    assertEquals(18, rejection.line());
    assertEquals(15, rejection.column());
    assertTrue(rejection.reason().startsWith("must be one of ["), rejection.reason());
    assertTrue(rejection.reason().contains("jira"), rejection.reason());
  }

  @Test
  void anUnknownKeyIsReportedAtTheKeyItself() {
    Rejection rejection =
        only(rejections(VALID.replace("  category: compute", "  categry: compute")));
    assertEquals("metadata.categry", rejection.path());
    assertEquals("unknown key 'categry'", rejection.reason());
    assertEquals(7, rejection.line());
  }

  @Test
  void aMissingKeyIsReportedAtItsParent() {
    Rejection rejection = only(rejections(VALID.replace("  name: Tiny\n", "")));
    assertEquals("metadata", rejection.path());
    assertEquals("'name' is required", rejection.reason());
    assertEquals(4, rejection.line());
  }

  @Test
  void anUnknownActionTypeNamesTheOffendingValue() {
    Rejection rejection = only(rejections(VALID.replace("type: jira", "type: ftp-upload")));
    assertEquals(
        "must be one of [jira, rest, github-commit, github-workflow, terraform], not 'ftp-upload'",
        rejection.reason());
  }

  @Test
  void aScalarOfTheWrongTypeIsNamedWithItsValue() {
    Rejection rejection = only(rejections(VALID.replace("project: X", "project: 42")));
    assertEquals("spec.fulfillment.actions[0].project", rejection.path());
    assertEquals("must be a string, not the number 42", rejection.reason());
  }

  @Test
  void aLongOffendingValueIsShortened() {
    String longText = "v".repeat(500);
    Rejection rejection = only(rejections(VALID.replace("version: 1.0.0", "version: " + longText)));
    assertEquals(
        "'" + "v".repeat(60) + "… (500 characters)' does not match ^(0|",
        rejection.reason().substring(0, rejection.reason().indexOf("^(0|") + 4));
  }

  @Test
  void aValueOfTheWrongTypeGetsOnlyTheTypeProblem() {
    Rejection rejection = only(rejections(VALID.replace("id: tiny", "id: [tiny]")));
    assertEquals("metadata.id", rejection.path());
    assertEquals("must be a string, not a list", rejection.reason());
  }

  @Test
  void aPatternProblemQuotesTheTextAndThePattern() {
    Rejection rejection = only(rejections(VALID.replace("version: 1.0.0", "version: one")));
    assertEquals("metadata.version", rejection.path());
    assertTrue(rejection.reason().startsWith("'one' does not match ^(0|"), rejection.reason());
    assertEquals(6, rejection.line());
    assertEquals(12, rejection.column());
  }

  @Test
  void anOptionOfNoAllowedFormIsOneProblemAtTheOption() {
    Rejection rejection =
        only(rejections(VALID.replace("{value: large, label: Large}", "{label: Large}")));
    assertEquals("spec.form.fields[0].options[1]", rejection.path());
    assertEquals("does not match any of the allowed forms", rejection.reason());
    assertEquals(14, rejection.line());
  }

  @Test
  void aNestedProblemInsideAnOptionIsReportedAtTheOption() {
    Rejection rejection = only(rejections(VALID.replace("{value: large,", "{value: [large],")));
    assertEquals("spec.form.fields[0].options[1]", rejection.path());
    assertEquals("does not match any of the allowed forms", rejection.reason());
  }

  @Test
  void aWrongConstantNamesTheExpectedValue() {
    Rejection rejection = only(rejections(VALID.replace("pao/v1", "pao/v2")));
    assertEquals("apiVersion", rejection.path());
    assertEquals("must be 'pao/v1', not 'pao/v2'", rejection.reason());
    assertEquals(1, rejection.line());
  }

  @Test
  void problemsAreListedInDocumentOrder() {
    List<Rejection> rejections =
        rejections(VALID.replace("pao/v1", "pao/v2").replace("  name: Tiny\n", "  name: \"\"\n"));
    assertEquals(
        List.of("apiVersion", "metadata.name"), rejections.stream().map(Rejection::path).toList());
    assertEquals("must be at least 1 characters long", rejections.get(1).reason());
  }
}
