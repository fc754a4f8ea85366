package dev.pao.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * At publish time a form field's pattern must run in linear time: patterns that need backtracking
 * or expand into a huge program are refused, naming the field and the pattern.
 */
class PublishedPatternsTest {
  private static final String ITEM =
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
            - id: name
              type: string
              pattern: 'PATTERN'
            - id: size
              type: number
              max: MAX
        fulfillment:
          actions:
            - id: t
              type: jira
              project: X
              issueType: Task
              summary: "{{.current.name}} {{.current.size}}"
      """;

  private final DocumentValidator validator = new DocumentValidator();

  private List<Rejection> rejections(String pattern, String max) {
    DocumentValidator.ParseResult parsed =
        validator.parse(
            "catalog/compute/tiny.yaml",
            ITEM.replace("PATTERN", pattern).replace("MAX", max),
            "c1");
    assertEquals(List.of(), parsed.rejections());
    return validator.check(parsed.parsed(), Optional.of("compute"), Map.of()).rejections();
  }

  @Test
  void anOrdinaryPatternIsAccepted() {
    assertEquals(List.of(), rejections("^[a-z][a-z0-9-]{2,50}$", "10"));
  }

  @Test
  void aBackreferenceIsRefusedNamingTheFieldAndPattern() {
    List<Rejection> rejections = rejections("^(a+)\\1$", "10");
    assertEquals(1, rejections.size(), rejections.toString());
    assertEquals("spec.form.fields[0].pattern", rejections.get(0).path());
    String reason = rejections.get(0).reason();
    assertTrue(
        reason.startsWith("pattern '^(a+)\\1$' of field 'name' is refused: invalid escape"),
        reason);
    assertTrue(reason.contains("no backreferences, lookaround"), reason);
  }

  @Test
  void lookaroundIsRefused() {
    List<Rejection> rejections = rejections("^(?!admin)[a-z]+$", "10");
    assertEquals(1, rejections.size(), rejections.toString());
    assertTrue(rejections.get(0).reason().contains("of field 'name' is refused"));
  }

  @Test
  void nestedCountedRepetitionsAreRefusedBeforeTheyAreCompiled() {
    // RE2J would build a program of a billion instructions for this and run out of memory.
    List<Rejection> rejections = rejections("^((a{1000}){1000}){1000}$", "10");
    assertEquals(1, rejections.size(), rejections.toString());
    assertTrue(
        rejections.get(0).reason().contains("counted repetitions expand beyond"),
        rejections.get(0).reason());
  }

  @Test
  void aHugeBoundIsRefused() {
    List<Rejection> huge = rejections("^[a-z]+$", "1" + "0".repeat(400));
    assertEquals(1, huge.size(), huge.toString());
    assertEquals("spec.form.fields[1].max", huge.get(0).path());
    assertTrue(huge.get(0).reason().endsWith("is out of range (1e-300 to 1e300)"), huge.toString());
    assertEquals(1, rejections("^[a-z]+$", "1.0e+301").size());
  }
}
