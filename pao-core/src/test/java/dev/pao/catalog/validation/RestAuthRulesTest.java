package dev.pao.catalog.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.catalog.document.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Publish-time rules of a REST action's auth. */
class RestAuthRulesTest {
  private static final String REST =
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
            - id: token
              label: Token
              type: string
        fulfillment:
          actions:
            - id: call
              type: rest
              method: POST
              url: https://api.example.com/x
              auth:
                secret: AUTH
      """;

  private List<Rejection> rejections(String text) {
    DocumentValidator validator = new DocumentValidator();
    DocumentValidator.ParseResult parsed = validator.parse("catalog/compute/tiny.yaml", text, "c1");
    assertEquals(List.of(), parsed.rejections());
    return validator.check(parsed.parsed(), Optional.of("compute"), Map.of()).rejections();
  }

  @Test
  void aLiteralAuthIsAccepted() {
    assertEquals(List.of(), rejections(REST.replace("AUTH", "cloud-api-token")));
  }

  @Test
  void aTemplatedAuthIsRefusedSoARequesterCannotChooseTheSecret() {
    // The schema allows only {secret: NAME} with a literal name, so no template can get in.
    List<Rejection> rejections =
        new DocumentValidator()
            .parse(
                "catalog/compute/tiny.yaml", REST.replace("AUTH", "\"{{.current.token}}\""), "c1")
            .rejections();
    assertEquals(1, rejections.size(), rejections.toString());
    assertEquals("spec.fulfillment.actions[0].auth.secret", rejections.get(0).path());
    assertTrue(rejections.get(0).reason().contains("does not match"));
  }
}
