package dev.pao.catalog.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.template.Escaping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escaping the preview and the runtime share, chosen from where the text lands. */
class ActionEscapingTest {

  @Test
  void committedFilesAreEscapedForTheirFormat() {
    assertEquals(
        Escaping.YAML,
        ActionEscaping.of(
            "github-commit", "content", "a: {{.current.x}}", Map.of("path", "a.yml")));
    assertEquals(
        Escaping.JSON_DOCUMENT,
        ActionEscaping.of("github-commit", "content", "{}", Map.of("path", "cfg/a.JSON")));
    assertEquals(
        Escaping.TEXT,
        ActionEscaping.of("github-commit", "content", "x", Map.of("path", "README.md")));
  }

  @Test
  void restBodiesFollowTheirContentType() {
    Map<String, Object> yaml = Map.of("headers", Map.of("content-type", "application/yaml"));
    assertEquals(Escaping.YAML, ActionEscaping.of("rest", "body", "a: b", yaml));
    Map<String, Object> form =
        Map.of("headers", Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertEquals(Escaping.URL_COMPONENT, ActionEscaping.of("rest", "body", "a=b", form));
    assertEquals(Escaping.JSON_DOCUMENT, ActionEscaping.of("rest", "body", " [1]", Map.of()));
    assertEquals(Escaping.TEXT, ActionEscaping.of("rest", "body", "plain", Map.of()));
  }

  @Test
  void structuredBodiesRenderTheirLeavesAsTextForTheJsonSerialiser() {
    // The preview used to JSON-string-escape these leaves, which the runtime never did.
    assertEquals(Escaping.TEXT, ActionEscaping.of("rest", "body", Map.of("a", "b"), Map.of()));
    assertEquals(Escaping.TEXT, ActionEscaping.of("rest", "body", List.of("b"), Map.of()));
  }
}
