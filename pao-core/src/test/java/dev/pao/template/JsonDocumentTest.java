package dev.pao.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonDocumentTest {

  private final TemplateEngine engine = new TemplateEngine();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quote \" here",
        "line one\nline two\r\n\ttabbed",
        "back\\slash \\\" and \\n literal",
        "\"}, \"admin\": true, \"x\": {\"",
        "control \u0000\u0007\u001f and \u2028 separators",
        "emoji \uD83D\uDE00 and lone \uD800 surrogate",
        ""
      })
  void keepsAJsonBodyValidWhateverTheValue(String name) {
    Namespaces namespaces = new Namespaces(Map.of("name", name), null, null, null, null);

    Rendering rendering =
        engine.render("{\"n\": \"{{.current.name}}\"}", namespaces, Escaping.JSON_DOCUMENT);

    Object parsed = JsonSyntax.parse(rendering.text());
    assertEquals(Map.of("n", name), parsed);
  }

  @Test
  void keepsValuesInBarePositionsValid() {
    Namespaces namespaces =
        new Namespaces(
            Map.of("name", "x\"}", "tags", List.of("a\"", 1, true), "n", 4),
            null,
            null,
            null,
            null);

    Rendering rendering =
        engine.render(
            "{\"name\": {{.current.name}}, \"tags\": {{.current.tags}}, \"n\": {{.current.n}},"
                + " \"missing\": {{.current.missing}},"
                + " \"list\": [{{.current.n}}, {{.current.name}}]}",
            namespaces,
            Escaping.JSON_DOCUMENT);

    Object parsed = JsonSyntax.parse(rendering.text());
    assertTrue(parsed instanceof Map<?, ?>);
    assertEquals("x\"}", ((Map<?, ?>) parsed).get("name"));
    assertEquals("", ((Map<?, ?>) parsed).get("missing"));
  }

  @Test
  void everyRandomValueKeepsEveryRandomDocumentValid() {
    Random random = new Random(20240611L);
    RandomValues values = new RandomValues(random);
    for (int i = 0; i < 1_500; i++) {
      String template = document(random, 0);
      Namespaces namespaces = values.namespaces();

      Rendering rendering = engine.render(template, namespaces, Escaping.JSON_DOCUMENT);

      assertTrue(JsonSyntax.isValid(rendering.text()), () -> template + " -> " + rendering.text());
      assertTrue(JsonSyntax.isValid(rendering.maskedText()), rendering::maskedText);
      Rendering asString = engine.render(template, namespaces, Escaping.JSON_STRING);
      assertTrue(JsonSyntax.isValid("\"" + asString.text() + "\""), asString::maskedText);
      assertTrue(JsonSyntax.isValid("\"" + asString.maskedText() + "\""), asString::maskedText);
    }
  }

  private static final String[] REFERENCES = {
    ".current.name",
    ".current.tags",
    ".current.pw",
    ".current.net",
    ".current.net.secret",
    ".current.missing",
    ".output.key",
    ".metadata.item-x.tags",
    ".system.user"
  };

  private static final String[] PIPES = {
    "",
    " | upper",
    " | json",
    " | quote",
    " | default \"d\\\"\"",
    " | join \"\\\\\"",
    " | base64",
    " | urlencode",
    " | truncate 2",
    " | slug",
    " | replace \"a\" \"\\\"\""
  };

  private static String expression(Random random) {
    return "{{"
        + REFERENCES[random.nextInt(REFERENCES.length)]
        + PIPES[random.nextInt(PIPES.length)]
        + "}}";
  }

  private static String document(Random random, int depth) {
    int kind = random.nextInt(depth < 3 ? 6 : 3);
    return switch (kind) {
      case 0 -> expression(random);
      case 1 -> "\"pre \\\" " + expression(random) + " \\\\ post" + expression(random) + "\"";
      case 2 ->
          switch (random.nextInt(3)) {
            case 0 -> "12.5";
            case 1 -> "\"\\\\" + expression(random) + "\"";
            default -> "\"\\" + expression(random) + "\"";
          };
      case 3, 4 -> {
        StringBuilder object = new StringBuilder("{");
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          object.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": ");
          object.append(document(random, depth + 1));
        }
        yield object.append('}').toString();
      }
      default -> {
        StringBuilder array = new StringBuilder("[");
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          array.append(i == 0 ? "" : ",").append(document(random, depth + 1));
        }
        yield array.append(']').toString();
      }
    };
  }
}
