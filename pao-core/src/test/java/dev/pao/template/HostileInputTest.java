package dev.pao.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Inputs built to exhaust memory or time must fail fast with a clear limit error. */
class HostileInputTest {

  private final TemplateEngine engine = new TemplateEngine();

  private static TemplateException assertLimit(Executable hostile, String reason) {
    TemplateException error = assertThrows(TemplateException.class, hostile);
    assertEquals(TemplateException.Kind.LIMIT, error.kind(), error.getMessage());
    assertTrue(error.reason().contains(reason), error.getMessage());
    return error;
  }

  private static Namespaces current(String key, Object value) {
    return new Namespaces(Map.of(key, value), null, null, null, null);
  }

  @Test
  void rejectsAHugeTemplate() {
    String huge = "x".repeat(64 * 1024 + 1);

    TemplateException error = assertLimit(() -> engine.parse(huge), "the limit is 65536");
    assertEquals(1, error.line());
    assertTrue(
        engine
            .validate(huge, TemplateContext.builder().build())
            .get(0)
            .message()
            .contains("characters long"));
  }

  @Test
  void acceptsATemplateAtTheSizeLimit() {
    assertTrue(engine.parse("x".repeat(64 * 1024)).isConstant());
  }

  @Test
  void rejectsAThousandDeepPipe() {
    String pipe = "{{.current.x" + " | upper".repeat(1_000) + "}}";

    TemplateException error = assertLimit(() -> engine.parse(pipe), "more than 16 functions");
    assertEquals(1 + 12 + 16 * 8 + 1, error.column());
  }

  @Test
  void acceptsAPipeAtTheLimit() {
    String pipe = "{{.current.x" + " | trim".repeat(16) + "}}";

    assertEquals("v", engine.render(pipe, current("x", " v "), Escaping.TEXT).text());
  }

  @Test
  void rejectsTooManyExpressions() {
    String many = "{{.current.x}}".repeat(1_001);

    assertLimit(() -> engine.parse(many), "more than 1000 expressions");
  }

  @Test
  void rejectsADeepPath() {
    String deep = "{{.current" + ".a".repeat(17) + "}}";

    assertLimit(() -> engine.parse(deep), "deeper than 16 names");
  }

  @Test
  void capsJoinAmplification() {
    List<String> list = Collections.nCopies(100_000, "x");
    String separator = "y".repeat(60_000);

    assertLimit(
        () ->
            engine.render(
                "{{.current.list | join \"" + separator + "\"}}",
                current("list", list),
                Escaping.TEXT),
        "longer than the limit of 1048576 characters");
  }

  @Test
  void capsReplaceAmplification() {
    String grow = " | replace \"a\" \"aaaaaaaaaa\"".repeat(16);

    TemplateException error =
        assertLimit(
            () -> engine.render("{{.current.x" + grow + "}}", current("x", "a"), Escaping.TEXT),
            "longer than the limit");
    assertEquals(1, error.column());
  }

  @Test
  void capsRepetitionOfALargeValue() {
    String template = "{{.current.x}}".repeat(1_000);

    assertLimit(
        () -> engine.render(template, current("x", "z".repeat(10_000)), Escaping.TEXT),
        "longer than the limit");
  }

  @Test
  void capsWorkThatProducesLittleOutput() {
    String template =
        ("{{.current.x" + " | upper | lower".repeat(7) + " | truncate 0}}").repeat(400);

    assertLimit(
        () -> engine.render(template, current("x", "q".repeat(50_000)), Escaping.TEXT),
        "units of work");
  }

  @Test
  void capsExponentiallySharedValues() {
    List<Object> value = List.of("0123456789");
    for (int i = 0; i < 40; i++) {
      value = List.of(value, value);
    }
    Namespaces namespaces = current("x", value);

    assertLimit(() -> engine.render("{{.current.x}}", namespaces, Escaping.TEXT), "limit");
    assertLimit(() -> engine.render("{{.current.x | json}}", namespaces, Escaping.TEXT), "limit");
  }

  @Test
  void stopsCyclicValues() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);
    List<Object> loop = new ArrayList<>();
    loop.add(loop);

    assertLimit(
        () -> engine.render("{{.current.x}}", current("x", cyclic), Escaping.TEXT),
        "nested deeper than 64 levels");
    assertLimit(
        () -> engine.render("{{.current.x | join \",\"}}", current("x", loop), Escaping.YAML),
        "nested deeper than 64 levels");
  }

  @Test
  void stopsDeepAndCyclicStructures() {
    Object deep = "leaf";
    for (int i = 0; i < 1_000; i++) {
      deep = List.of(deep);
    }
    Map<String, Object> cyclic = new LinkedHashMap<>();
    cyclic.put("self", cyclic);
    Object deepTree = deep;

    assertLimit(
        () -> engine.renderTree(deepTree, Namespaces.empty(), Escaping.TEXT), "deeper than 64");
    assertLimit(
        () -> engine.renderTree(cyclic, Namespaces.empty(), Escaping.TEXT), "deeper than 64");
    assertEquals(1, engine.validateTree(deepTree, TemplateContext.builder().build()).size());
  }

  @Test
  void capsTheWholeOutputOfAStructure() {
    List<String> body = Collections.nCopies(200, "{{.current.x}}");

    assertLimit(
        () -> engine.renderTree(body, current("x", "w".repeat(10_000)), Escaping.TEXT),
        "longer than the limit");
  }

  @Test
  void capsEscapingGrowth() {
    String quotes = "\u0001".repeat(200_000);

    assertLimit(
        () -> engine.render("{{.current.x}}", current("x", quotes), Escaping.JSON_STRING),
        "longer than the limit");
  }
}
