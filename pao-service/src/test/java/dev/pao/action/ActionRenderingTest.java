package dev.pao.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pao.shared.json.JsonCodec;
import dev.pao.template.Namespaces;
import dev.pao.template.TemplateEngine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionRenderingTest {
  private final ActionRendering rendering = new ActionRendering(new TemplateEngine());
  private final Namespaces namespaces =
      new Namespaces(
          Map.of("name", "a b/c", "quote", "say \"hi\"\nbye", "password", "p@ss"),
          Map.of("ticket", "DBA-1"),
          Map.of(),
          Map.of("requestId", "r-1"),
          Set.of("password"));

  @Test
  void aRestUrlEncodesInsertedValues() {
    ActionRendering.Rendered rendered =
        rendering.render(
            "rest",
            Map.of("url", "https://api.example.com/ns/{{.current.name}}?t={{.output.ticket}}"),
            namespaces);
    assertEquals("https://api.example.com/ns/a%20b%2Fc?t=DBA-1", rendered.spec().get("url"));
  }

  @Test
  void aRawJsonBodyStaysValidJson() {
    ActionRendering.Rendered rendered =
        rendering.render("rest", Map.of("body", "{\"n\": \"{{.current.quote}}\"}"), namespaces);
    Object parsed = JsonCodec.parse(String.valueOf(rendered.spec().get("body")));
    assertEquals(Map.of("n", "say \"hi\"\nbye"), parsed);
  }

  @Test
  void aMapBodyKeepsItsShapeAndSensitiveValuesAreMaskedOnlyInTheMaskedCopy() {
    ActionRendering.Rendered rendered =
        rendering.render(
            "rest",
            Map.of(
                "body", Map.of("name", "{{.current.name}}", "secret", "{{.current.password}}"),
                "outputs", Map.of("id", "$.body.id")),
            namespaces);
    assertEquals(Map.of("name", "a b/c", "secret", "p@ss"), rendered.spec().get("body"));
    assertEquals(Map.of("name", "a b/c", "secret", "***"), rendered.masked().get("body"));
    assertEquals(Map.of("id", "$.body.id"), rendered.spec().get("outputs"));
    assertFalse(rendered.masked().toString().contains("p@ss"));
  }

  @Test
  void jiraFieldsRenderAsText() {
    ActionRendering.Rendered rendered =
        rendering.render(
            "jira",
            Map.of(
                "summary",
                "Create {{.current.name}} for {{.system.requestId}}",
                "labels",
                List.of("pao", "{{.output.ticket}}")),
            namespaces);
    assertEquals("Create a b/c for r-1", rendered.spec().get("summary"));
    assertEquals(List.of("pao", "DBA-1"), rendered.spec().get("labels"));
  }

  @Test
  void aCommittedYamlFileGetsYamlEscapingSoAValueCannotAddKeys() {
    Namespaces injected =
        new Namespaces(
            Map.of("team", "payments\nadmin: true"), Map.of(), Map.of(), Map.of(), Set.of());
    ActionRendering.Rendered rendered =
        rendering.render(
            "github-commit",
            Map.of("path", "teams/{{.current.team}}.yaml", "content", "team: {{.current.team}}\n"),
            injected);
    Object parsed =
        new org.yaml.snakeyaml.Yaml().load(String.valueOf(rendered.spec().get("content")));
    assertEquals(Map.of("team", "payments\nadmin: true"), parsed);
  }

  @Test
  void aJsonBodyDeclaredByContentTypeIsJsonEscaped() {
    ActionRendering.Rendered rendered =
        rendering.render(
            "rest",
            Map.of(
                "headers",
                Map.of("Content-Type", "application/json"),
                "body",
                "  \"{{.current.quote}}\""),
            namespaces);
    assertEquals("say \"hi\"\nbye", JsonCodec.parse(String.valueOf(rendered.spec().get("body"))));
  }

  @Test
  void authIsNeverRenderedSoAFormValueCannotChooseTheSecret() {
    Map<String, Object> auth = Map.of("secret", "{{.current.name}}");
    ActionRendering.Rendered rendered =
        rendering.render("rest", Map.of("url", "https://x.example.com", "auth", auth), namespaces);
    assertEquals(auth, rendered.spec().get("auth"));
  }
}
