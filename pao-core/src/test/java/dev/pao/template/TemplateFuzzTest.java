package dev.pao.template;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws thousands of random templates and values at the engine: whatever the input, the only
 * exception is {@link TemplateException} and no output grows past the limit.
 */
class TemplateFuzzTest {

  private static final String[] FRAGMENTS = {
    "{{",
    "}}",
    "{",
    "}",
    ".",
    "..",
    "current",
    "output",
    "metadata",
    "system",
    "name",
    "tags",
    "net",
    "pw",
    "item-x",
    "version",
    "user",
    "email",
    "|",
    " | ",
    " ",
    "\t",
    "\n",
    "\"",
    "\\",
    "\\\"",
    "\\u00e9",
    "\\u12",
    "upper",
    "lower",
    "trim",
    "join",
    "\",\"",
    "replace",
    "\"a\"",
    "\"\"",
    "default",
    "slug",
    "truncate",
    "3",
    "0",
    "-1",
    "99999",
    "1234567890",
    "urlencode",
    "base64",
    "json",
    "quote",
    "nope",
    "\u00e9",
    "\uD83D\uDE00",
    "\uD800",
    "x",
    "-",
    "_",
    "'",
    "{{.current.name}}",
    "{{ .current.tags | join \"--\" }}",
    "{{\"{{\"}}",
    ".current.",
    "#",
    ":"
  };

  private static final TemplateLimits SMALL =
      new TemplateLimits(2_000, 20, 4, 4, 3_000, 40_000, 6, 6, 200);

  @Test
  void onlyTemplateExceptionsAndBoundedOutputForRandomInput() {
    Random random = new Random(0xC0FFEEL);
    RandomValues values = new RandomValues(random);
    TemplateEngine[] engines = {new TemplateEngine(), new TemplateEngine(SMALL)};
    TemplateContext context =
        TemplateContext.builder()
            .currentFields("name", "tags", "net.secret", "pw")
            .earlierOutputs(List.of("key"))
            .metadataItem("item-x", List.of())
            .build();
    int rendered = 0;
    int withReferences = 0;
    for (int i = 0; i < 4_000; i++) {
      TemplateEngine engine = engines[i % 2];
      String source = randomTemplate(random);
      Namespaces namespaces = values.namespaces();
      Escaping escaping = Escaping.values()[random.nextInt(Escaping.values().length)];
      try {
        assertNotNull(engine.validate(source, context));
        Rendering rendering = engine.render(source, namespaces, escaping);
        int limit = engine.limits().maxOutputChars();
        assertTrue(rendering.text().length() <= limit, source);
        assertTrue(rendering.maskedText().length() <= limit, source);
        TreeRendering tree =
            engine.renderTree(Map.of("a", List.of(source, 1), "b", source), namespaces, escaping);
        assertNotNull(tree.value());
        rendered++;
        withReferences += rendering.references().isEmpty() ? 0 : 1;
      } catch (TemplateException expected) {
        assertTrue(expected.line() >= 1 && expected.column() >= 1, expected.getMessage());
        assertNotNull(expected.kind());
      } catch (RuntimeException | Error unexpected) {
        fail("template " + quoted(source) + " threw " + unexpected, unexpected);
      }
    }
    assertTrue(rendered > 1_000, "too few random templates were valid: " + rendered);
    assertTrue(withReferences > 300, "too few random templates had references: " + withReferences);
  }

  @Test
  void randomValuesNeverBreakAValidTemplate() {
    Random random = new Random(7L);
    RandomValues values = new RandomValues(random);
    TemplateEngine engine = new TemplateEngine();
    Template template =
        engine.parse(
            "{{.current.name}} {{.current.tags | join \", \"}} {{.current.net | json}}"
                + " {{.current.a | upper | slug}} {{.current.b | truncate 3 | quote}}"
                + " {{.output.key | base64}} {{.system.user | urlencode}}"
                + " {{.metadata.item-x.version | default \"none\" | replace \"a\" \"bb\"}}");
    for (int i = 0; i < 2_000; i++) {
      Namespaces namespaces = values.namespaces();
      for (Escaping escaping : Escaping.values()) {
        try {
          engine.render(template, namespaces, escaping);
        } catch (TemplateException tooLarge) {
          assertTrue(tooLarge.kind() == TemplateException.Kind.LIMIT, tooLarge.getMessage());
        }
      }
    }
  }

  private static String randomTemplate(Random random) {
    StringBuilder source = new StringBuilder();
    int fragments = 1 + random.nextInt(24);
    for (int i = 0; i < fragments; i++) {
      if (random.nextInt(10) == 0) {
        source.append((char) random.nextInt(0x3000));
      } else {
        source.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      }
    }
    return source.toString();
  }

  private static String quoted(String source) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : source.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return out.append('"').toString();
  }
}
