package dev.pao.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A document's templates that read its own {@code .metadata.<id>.<key>} are checked against the
 * document itself, not against the catalog's current version of the same id (an edit adding a
 * custom key is valid at once, in the authoring tools as in devctl).
 */
class SelfMetadataTest {
  private static final String ITEM =
      """
      apiVersion: pao/v1
      kind: CatalogItem
      metadata:
        id: tiny
        name: Tiny
        version: VERSION
        category: compute
        custom: CUSTOM
      spec:
        form:
          fields:
            - id: name
              type: string
        fulfillment:
          actions:
            - id: t
              type: jira
              project: X
              issueType: Task
              summary: "{{.current.name}} SUMMARY"
      """;

  private final DocumentValidator validator = new DocumentValidator();

  private DocumentValidator.Parsed parsed(String version, String custom, String summary) {
    DocumentValidator.ParseResult result =
        validator.parse(
            "catalog/compute/tiny.yaml",
            ITEM.replace("VERSION", version).replace("CUSTOM", custom).replace("SUMMARY", summary),
            "c1");
    assertEquals(List.of(), result.rejections());
    return result.parsed();
  }

  @Test
  void anEditThatAddsACustomKeyMayReadItAtOnce() {
    CatalogDocument published = parsed("1.0.0", "{sla: gold}", "").document();
    DocumentValidator.Parsed edited =
        parsed("1.1.0", "{sla: gold, tier: one}", "{{.metadata.tiny.tier}}");
    DocumentValidator.Outcome outcome =
        validator.check(edited, Optional.empty(), Map.of("tiny", published));
    assertEquals(List.of(), outcome.rejections());
  }

  @Test
  void aKeyTheDocumentItselfNoLongerHasIsRefusedEvenIfTheCatalogVersionHasIt() {
    CatalogDocument published = parsed("1.0.0", "{sla: gold, tier: one}", "").document();
    DocumentValidator.Parsed edited = parsed("1.1.0", "{sla: gold}", "{{.metadata.tiny.tier}}");
    List<Rejection> rejections =
        validator.check(edited, Optional.empty(), Map.of("tiny", published)).rejections();
    assertEquals(1, rejections.size(), rejections.toString());
    assertTrue(rejections.get(0).reason().contains("tier"), rejections.get(0).reason());
  }
}
