package dev.pao.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateRenderingTest {

  private final TemplateEngine engine = new TemplateEngine();

  private static Namespaces request() {
    Map<String, Object> current = new LinkedHashMap<>();
    current.put("name", "orders-db");
    current.put("size", "small");
    current.put("tags", List.of("db", "pg"));
    current.put("adminPassword", "s3cr\"t");
    current.put("network", Map.of("vpc", "vpc-1", "secret", "hunter2"));
    return new Namespaces(
        current,
        Map.of("dbTicketKey", "DBA-42"),
        Map.of("postgres-database", Map.of("version", "1.4.0", "tags", List.of("database"))),
        Map.of(
            "requestId",
            "req-7",
            "user",
            Map.of("email", "dev@example.com", "teams", List.of("a", "b"))),
        Set.of("adminPassword", "network.secret"));
  }

  @Test
  void rendersAPipeAndASystemValue() {
    Rendering rendering =
        engine.render(
            "{{ .current.name | upper }}-{{.system.requestId}}", request(), Escaping.TEXT);

    assertEquals("ORDERS-DB-req-7", rendering.text());
    assertEquals("ORDERS-DB-req-7", rendering.maskedText());
  }

  @Test
  void rendersEveryNamespace() {
    Rendering rendering =
        engine.render(
            "{{.current.network.vpc}} {{.output.dbTicketKey}}"
                + " {{.metadata.postgres-database.version}} {{.system.user.email}}"
                + " {{.system.user.teams}} {{.metadata.postgres-database.tags | join \"+\"}}",
            request(),
            Escaping.TEXT);

    assertEquals("vpc-1 DBA-42 1.4.0 dev@example.com a,b database", rendering.text());
  }

  @Test
  void rendersMissingValuesAsEmpty() {
    Rendering rendering =
        engine.render(
            "[{{.current.nope}}|{{.output.none}}|{{.metadata.x.id}}|{{.system.user.name}}"
                + "|{{.current.name.deeper}}|{{.current.tags.first}}]",
            request(),
            Escaping.TEXT);

    assertEquals("[|||||]", rendering.text());
    assertTrue(rendering.references().stream().noneMatch(ResolvedReference::present));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("values")
  void convertsValuesToText(Object value, String expected) {
    Map<String, Object> current = new HashMap<>();
    current.put("v", value);

    assertEquals(
        expected,
        engine
            .render(
                "{{.current.v}}", new Namespaces(current, null, null, null, null), Escaping.TEXT)
            .text());
  }

  static Stream<Arguments> values() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", Arrays.asList("x", null, 2.5));
    map.put("c", Map.of("d", false));
    Map<Object, Object> oddKeys = new LinkedHashMap<>();
    oddKeys.put(7, "seven");
    oddKeys.put(new Object(), "skipped");
    return Stream.of(
        Arguments.of("text", "text"),
        Arguments.of(42, "42"),
        Arguments.of(-7L, "-7"),
        Arguments.of((short) 3, "3"),
        Arguments.of((byte) 4, "4"),
        Arguments.of(3.0, "3"),
        Arguments.of(-0.0, "0"),
        Arguments.of(2.5, "2.5"),
        Arguments.of(0.1f, "0.1"),
        Arguments.of(1e20, "100000000000000000000"),
        Arguments.of(1.0e-7, "0.0000001"),
        Arguments.of(Double.NaN, "NaN"),
        Arguments.of(Double.NEGATIVE_INFINITY, "-Infinity"),
        Arguments.of(new BigDecimal("1.50"), "1.5"),
        Arguments.of(new BigDecimal("1E+3"), "1000"),
        Arguments.of(new BigDecimal("1E+1000000000"), "1E+1000000000"),
        Arguments.of(
            new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890"),
        Arguments.of(true, "true"),
        Arguments.of('c', "c"),
        Arguments.of(Escaping.YAML, "YAML"),
        Arguments.of(List.of("a", "b"), "a,b"),
        Arguments.of(List.of(1, 2.0, List.of("x", "y")), "1,2,x,y"),
        Arguments.of(new LinkedHashSet<>(List.of("s", "t")), "s,t"),
        Arguments.of(map, "{\"a\":1,\"b\":[\"x\",null,2.5],\"c\":{\"d\":false}}"),
        Arguments.of(oddKeys, "{\"7\":\"seven\"}"),
        Arguments.of(List.of(new Object(), "kept"), ",kept"),
        Arguments.of(new Object(), ""),
        Arguments.of(Instant.EPOCH, ""),
        Arguments.of(new StringBuilder("built"), "built"));
  }

  @Test
  void masksSensitiveValuesGroupsContainingThemAndValuesBelowThem() {
    Rendering rendering =
        engine.render(
            "pw={{.current.adminPassword}} net={{.current.network}}"
                + " s={{.current.network.secret | upper}} vpc={{.current.network.vpc}}"
                + " n={{.current.name}}",
            request(),
            Escaping.TEXT);

    assertTrue(rendering.text().startsWith("pw=s3cr\"t net={"));
    assertTrue(rendering.text().contains("s=HUNTER2 vpc=vpc-1 n=orders-db"));
    assertEquals("pw=*** net=*** s=*** vpc=vpc-1 n=orders-db", rendering.maskedText());
    assertFalse(rendering.toString().contains("s3cr"));
    assertFalse(rendering.toString().contains("hunter2"));
  }

  @Test
  void masksBelowASensitivePath() {
    Namespaces namespaces =
        new Namespaces(Map.of("creds", Map.of("token", "t0k")), null, null, null, Set.of("creds"));

    Rendering rendering = engine.render("{{.current.creds.token}}", namespaces, Escaping.TEXT);

    assertEquals("t0k", rendering.text());
    assertEquals("***", rendering.maskedText());
  }

  @Test
  void reportsWhatEachReferenceResolvedToMaskedWhereSensitive() {
    Rendering rendering =
        engine.render(
            "{{ .current.name | upper }} {{.current.adminPassword}} {{.current.missing}}",
            request(),
            Escaping.TEXT);

    assertEquals(
        List.of(
            new ResolvedReference(
                "",
                "{{ .current.name | upper }}",
                Namespace.CURRENT,
                "name",
                "ORDERS-DB",
                true,
                false),
            new ResolvedReference(
                "",
                "{{.current.adminPassword}}",
                Namespace.CURRENT,
                "adminPassword",
                "***",
                true,
                true),
            new ResolvedReference(
                "", "{{.current.missing}}", Namespace.CURRENT, "missing", "", false, false)),
        rendering.references());
  }

  @Test
  void masksInsideEscapedTargetsAndKeepsThemValid() {
    Rendering json =
        engine.render(
            "{\"p\": \"{{.current.adminPassword}}\", \"q\": {{.current.adminPassword}}}",
            request(),
            Escaping.JSON_DOCUMENT);
    Rendering jsonString =
        engine.render("pw \"{{.current.adminPassword}}\"", request(), Escaping.JSON_STRING);
    Rendering yaml = engine.render("p: {{.current.adminPassword}}", request(), Escaping.YAML);

    assertEquals("{\"p\": \"***\", \"q\": \"***\"}", json.maskedText());
    assertEquals("{\"p\": \"s3cr\\\"t\", \"q\": \"s3cr\\\"t\"}", json.text());
    assertEquals("pw \\\"***\\\"", jsonString.maskedText());
    assertEquals("p: \"***\"", yaml.maskedText());
  }

  @Test
  void rendersAStructuredBodyKeepingItsShape() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("summary", "Create {{.current.name}}");
    body.put("{{.current.name}}", "keys stay literal");
    body.put("count", 3);
    body.put("enabled", true);
    body.put("none", null);
    body.put("labels", List.of("pao", "{{.current.size | upper}}", 7));
    body.put("auth", Map.of("password", "{{.current.adminPassword}}"));

    TreeRendering rendering = engine.renderTree(body, request(), Escaping.TEXT);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("summary", "Create orders-db");
    expected.put("{{.current.name}}", "keys stay literal");
    expected.put("count", 3);
    expected.put("enabled", true);
    expected.put("none", null);
    expected.put("labels", List.of("pao", "SMALL", 7));
    expected.put("auth", Map.of("password", "s3cr\"t"));
    assertEquals(expected, rendering.value());
    assertEquals(
        new ArrayList<>(body.keySet()), new ArrayList<>(asMap(rendering.value()).keySet()));
    expected.put("auth", Map.of("password", "***"));
    assertEquals(expected, rendering.maskedValue());
    assertEquals(
        List.of("summary", "labels[1]", "auth.password"),
        rendering.references().stream().map(ResolvedReference::location).toList());
    assertFalse(rendering.toString().contains("s3cr"));
  }

  @Test
  void rendersScalarAndStringTrees() {
    assertEquals(
        "orders-db", engine.renderTree("{{.current.name}}", request(), Escaping.TEXT).value());
    assertEquals(5, engine.renderTree(5, request(), Escaping.TEXT).value());
    assertEquals(null, engine.renderTree(null, request(), Escaping.TEXT).value());
  }

  @Test
  void locatesAFailureInsideAStructure() {
    Map<String, Object> body =
        Map.of("items", List.of("ok", Map.of("name", "{{.current.x | nope}}")));

    TemplateException error =
        assertThrows(
            TemplateException.class, () -> engine.renderTree(body, request(), Escaping.TEXT));

    assertEquals("items[1].name", error.location());
    assertEquals(16, error.column());
    assertTrue(error.getMessage().startsWith("items[1].name line 1, column 16: unknown function"));
  }

  @Test
  void errorsNeverQuoteValues() {
    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> engine.render("{{.current.adminPassword | nope}}", request(), Escaping.TEXT));

    assertFalse(error.getMessage().contains("s3cr"));
  }

  @Test
  void aParsedTemplateRendersManyTimesWithDifferentValues() {
    Template template = engine.parse("{{.current.name}}");

    assertEquals("orders-db", engine.render(template, request(), Escaping.TEXT).text());
    assertEquals(
        "other",
        engine
            .render(
                template,
                new Namespaces(Map.of("name", "other"), null, null, null, null),
                Escaping.TEXT)
            .text());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }
}
