package dev.pao.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateFunctionsTest {

  private static final Object MISSING = new Object();

  private final TemplateEngine engine = new TemplateEngine();

  @ParameterizedTest(name = "[{index}] {1} on {0}")
  @MethodSource("functionCases")
  void appliesFunction(Object value, String pipe, String expected) {
    Map<String, Object> current = new HashMap<>();
    if (value != MISSING) {
      current.put("v", value);
    }
    Namespaces namespaces = new Namespaces(current, null, null, null, null);

    Rendering rendering =
        engine.render("{{ .current.v | " + pipe + " }}", namespaces, Escaping.TEXT);

    assertEquals(expected, rendering.text());
  }

  static Stream<Arguments> functionCases() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", List.of("x", true));
    return Stream.of(
        Arguments.of(MISSING, "default \"none\"", "none"),
        Arguments.of(null, "default \"none\"", "none"),
        Arguments.of("", "default \"none\"", "none"),
        Arguments.of(List.of(), "default \"none\"", "none"),
        Arguments.of(Map.of(), "default \"none\"", "none"),
        Arguments.of("set", "default \"none\"", "set"),
        Arguments.of(0, "default \"none\"", "0"),
        Arguments.of(false, "default \"none\"", "false"),
        Arguments.of(" ", "default \"none\"", " "),
        Arguments.of(MISSING, "default \"\"", ""),
        Arguments.of("abc", "upper", "ABC"),
        Arguments.of("stra\u00dfe", "upper", "STRASSE"),
        Arguments.of("title", "upper", "TITLE"),
        Arguments.of(MISSING, "upper", ""),
        Arguments.of(List.of("a", "b"), "upper", "A,B"),
        Arguments.of("\u00c0B\u0130", "lower", "\u00e0bi\u0307"),
        Arguments.of("MiXeD", "lower", "mixed"),
        Arguments.of(MISSING, "lower", ""),
        Arguments.of("  a b \n", "trim", "a b"),
        Arguments.of("\u2003x\t", "trim", "x"),
        Arguments.of("   ", "trim", ""),
        Arguments.of(MISSING, "trim", ""),
        Arguments.of(List.of("a", "b", "c"), "join \",\"", "a,b,c"),
        Arguments.of(List.of("a", "b"), "join \", \"", "a, b"),
        Arguments.of(List.of("a", "b"), "join \"\"", "ab"),
        Arguments.of(List.of("solo"), "join \"-\"", "solo"),
        Arguments.of(List.of(), "join \",\"", ""),
        Arguments.of(MISSING, "join \",\"", ""),
        Arguments.of("not a list", "join \"-\"", "not a list"),
        Arguments.of(List.of(1, 2.5, true), "join \" | \"", "1 | 2.5 | true"),
        Arguments.of(List.of(List.of("a", "b"), "c"), "join \"-\"", "a,b-c"),
        Arguments.of(List.of(Map.of("k", "v")), "join \";\"", "{\"k\":\"v\"}"),
        Arguments.of(Arrays.asList("a", null, "b"), "join \"/\"", "a//b"),
        Arguments.of("a-b-c", "replace \"-\" \"+\"", "a+b+c"),
        Arguments.of("aaa", "replace \"aa\" \"b\"", "ba"),
        Arguments.of("abc", "replace \"x\" \"y\"", "abc"),
        Arguments.of("a.b", "replace \".\" \"\"", "ab"),
        Arguments.of(MISSING, "replace \"a\" \"b\"", ""),
        Arguments.of("Hello World!", "slug", "hello-world"),
        Arguments.of("Cr\u00e8me Br\u00fbl\u00e9e", "slug", "creme-brulee"),
        Arguments.of("  --A__b--  ", "slug", "a-b"),
        Arguments.of("\u00dcn\u00efc\u00f6d\u00e9 2024", "slug", "unicode-2024"),
        Arguments.of("\u65e5\u672c\u8a9e", "slug", ""),
        Arguments.of("caf\u00e9 \uD83D\uDE00 bar", "slug", "cafe-bar"),
        Arguments.of("", "slug", ""),
        Arguments.of(MISSING, "slug", ""),
        Arguments.of("abcdef", "truncate 3", "abc"),
        Arguments.of("abcdef", "truncate 0", ""),
        Arguments.of("abcdef", "truncate 6", "abcdef"),
        Arguments.of("abcdef", "truncate 100", "abcdef"),
        Arguments.of(
            "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02", "truncate 2", "\uD83D\uDE00\uD83D\uDE01"),
        Arguments.of("\u00e9t\u00e9", "truncate 1", "\u00e9"),
        Arguments.of(MISSING, "truncate 5", ""),
        Arguments.of("a b&c=d/\u00e9?", "urlencode", "a%20b%26c%3Dd%2F%C3%A9%3F"),
        Arguments.of("AZaz09-._~", "urlencode", "AZaz09-._~"),
        Arguments.of("\uD83D\uDE00", "urlencode", "%F0%9F%98%80"),
        Arguments.of(MISSING, "urlencode", ""),
        Arguments.of("hello", "base64", "aGVsbG8="),
        Arguments.of("\u00e9", "base64", "w6k="),
        Arguments.of("", "base64", ""),
        Arguments.of(MISSING, "base64", ""),
        Arguments.of("a\"b", "json", "\"a\\\"b\""),
        Arguments.of(List.of("a", 2), "json", "[\"a\",2]"),
        Arguments.of(map, "json", "{\"a\":1,\"b\":[\"x\",true]}"),
        Arguments.of(3.0, "json", "3"),
        Arguments.of(Double.NaN, "json", "null"),
        Arguments.of(true, "json", "true"),
        Arguments.of(MISSING, "json", "\"\""),
        Arguments.of("a\"b\n", "quote", "\"a\\\"b\\n\""),
        Arguments.of(List.of("a", "b"), "quote", "\"a,b\""),
        Arguments.of(MISSING, "quote", "\"\""),
        Arguments.of("  Hello World  ", "trim | lower | replace \" \" \"_\"", "hello_world"),
        Arguments.of(MISSING, "default \"Fallback Name\" | slug | upper", "FALLBACK-NAME"),
        Arguments.of("x", "json | json", "\"\\\"x\\\"\""),
        Arguments.of("abc", "upper | truncate 2 | quote", "\"AB\""));
  }

  @Test
  void listsEveryFunction() {
    assertEquals(
        List.of(
            "default",
            "upper",
            "lower",
            "trim",
            "join",
            "replace",
            "slug",
            "truncate",
            "urlencode",
            "base64",
            "json",
            "quote"),
        TemplateEngine.functions());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badCalls")
  void rejectsBadCallsAtValidationAndAtRender(String pipe, int column, String reason) {
    Template template = engine.parse("{{.current.v | " + pipe + "}}");
    TemplateContext context = TemplateContext.builder().currentFields("v").build();

    List<TemplateProblem> problems = engine.validate(template, context);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(1, problems.get(0).line());
    assertEquals(column, problems.get(0).column());
    assertTrue(problems.get(0).message().contains(reason), problems.get(0).message());

    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> engine.render(template, Namespaces.empty(), Escaping.TEXT));
    assertEquals(TemplateException.Kind.RENDER, error.kind());
    assertEquals(column, error.column());
    assertTrue(error.reason().contains(reason));
  }

  static Stream<Arguments> badCalls() {
    return Stream.of(
        Arguments.of("upcase", 16, "unknown function 'upcase'; known functions: default, upper"),
        Arguments.of("upper \"x\"", 16, "'upper' takes no arguments, got 1"),
        Arguments.of("default", 16, "'default' takes 1 argument, got 0"),
        Arguments.of("replace \"a\"", 16, "'replace' takes 2 arguments, got 1"),
        Arguments.of("join 1", 16, "argument 1 of 'join' must be a quoted string"),
        Arguments.of("truncate \"5\"", 16, "argument 1 of 'truncate' must be an integer"),
        Arguments.of("truncate -1", 16, "'truncate' needs a length of 0 or more"),
        Arguments.of("replace \"\" \"x\"", 16, "'replace' needs a non-empty text"),
        Arguments.of("trim | slug | base64 \"x\"", 30, "'base64' takes no arguments"));
  }
}
