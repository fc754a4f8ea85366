package dev.pao;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pao.template.Escaping;
import dev.pao.template.Namespaces;
import dev.pao.template.Rendering;
import dev.pao.template.TemplateContext;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the template parser, validator and renderer: any text is a template or
 * a {@link TemplateException} with a position, rendering stays within the output limit, and every
 * input is answered within a second.
 */
class TemplateParserFuzzTest {
  private static final FuzzBudget BUDGET = new FuzzBudget("template");
  private static final TemplateContext CONTEXT =
      TemplateContext.builder()
          .currentFields("name", "tags", "net.vpc", "pw")
          .earlierOutputs(List.of("key"))
          .metadataItem("item-x", List.of("sla"))
          .build();
  private static final Namespaces VALUES =
      new Namespaces(
          Map.of(
              "name",
              "orders",
              "tags",
              List.of("a", "b"),
              "net",
              Map.of("vpc", "vpc-1"),
              "pw",
              "secret",
              "n",
              new java.math.BigDecimal("1e300")),
          Map.of("key", "OPS-1"),
          Map.of("item-x", Map.of("version", "1.0.0", "sla", "gold")),
          Map.of("requestId", "r-1", "user", Map.of("email", "dev@example.com")),
          Set.of("pw"));

  private static final TemplateEngine ENGINE = new TemplateEngine();

  static {
    check("{{.current.name | upper}} {{.output.key | json}}"); // warm-up, before timed inputs
  }

  @FuzzTest(maxDuration = "15s")
  void template(byte[] input) {
    String source = new String(input, StandardCharsets.UTF_8);
    BUDGET.run(source, () -> check(source));
  }

  private static void check(String source) {
    try {
      ENGINE.validate(source, CONTEXT);
      for (Escaping escaping : Escaping.values()) {
        Rendering rendering = ENGINE.render(source, VALUES, escaping);
        if (rendering.text().length() > ENGINE.limits().maxOutputChars()) {
          throw new AssertionError("output beyond the limit");
        }
      }
    } catch (TemplateException expected) {
      if (expected.line() < 1 || expected.column() < 1 || expected.kind() == null) {
        throw new AssertionError("a template problem without a position", expected);
      }
    }
  }
}
