package dev.pao.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EscapingTest {

  private static final String NASTY = "a\"b\\c\nd\te\u0001";

  private final TemplateEngine engine = new TemplateEngine();

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("cases")
  void escapesInsertedValuesForTheTarget(
      Escaping escaping, String template, Object value, String expected) {
    Map<String, Object> current = new LinkedHashMap<>();
    current.put("v", value);
    current.put("other", "x");
    Namespaces namespaces = new Namespaces(current, null, null, null, null);

    assertEquals(expected, engine.render(template, namespaces, escaping).text());
  }

  static Stream<Arguments> cases() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", "v\"");
    map.put("n", 2);
    return Stream.of(
        // TEXT: values as they are
        Arguments.of(Escaping.TEXT, "Hi {{.current.v}}!", NASTY, "Hi " + NASTY + "!"),
        Arguments.of(Escaping.TEXT, "<{{.current.v}}>", "<b>&", "<<b>&>"),
        // JSON_STRING: the whole result, literal text included, is string content
        Arguments.of(
            Escaping.JSON_STRING,
            "Say \"{{.current.v}}\"\n",
            NASTY,
            "Say \\\"a\\\"b\\\\c\\nd\\te\\u0001\\\"\\n"),
        Arguments.of(Escaping.JSON_STRING, "{{.current.v}}", "\u2028", "\\u2028"),
        Arguments.of(Escaping.JSON_STRING, "x{{.current.v}}", "\uD800", "x\\uD800"),
        // JSON_DOCUMENT inside a string: JSON-string-escaped
        Arguments.of(
            Escaping.JSON_DOCUMENT,
            "{\"n\": \"{{.current.v}}\"}",
            NASTY,
            "{\"n\": \"a\\\"b\\\\c\\nd\\te\\u0001\"}"),
        Arguments.of(
            Escaping.JSON_DOCUMENT,
            "{\"n\": \"x\\\"{{.current.v}}\"}",
            "\"",
            "{\"n\": \"x\\\"\\\"\"}"),
        Arguments.of(
            Escaping.JSON_DOCUMENT,
            "{\"n\": \"{{.current.v | json}}\"}",
            List.of("a"),
            "{\"n\": \"[\\\"a\\\"]\"}"),
        // a backslash the template leaves dangling cannot escape the inserted text
        Arguments.of(Escaping.JSON_DOCUMENT, "[\"\\{{.current.v}}\"]", "\"]", "[\"\\\\\\\"]\"]"),
        // JSON_DOCUMENT where a value is expected: a complete JSON value
        Arguments.of(
            Escaping.JSON_DOCUMENT, "{\"n\": {{.current.v}}}", "x\"", "{\"n\": \"x\\\"\"}"),
        Arguments.of(Escaping.JSON_DOCUMENT, "{\"n\": {{.current.v}}}", 42, "{\"n\": 42}"),
        Arguments.of(Escaping.JSON_DOCUMENT, "{\"n\": {{.current.v}}}", 2.50, "{\"n\": 2.5}"),
        Arguments.of(Escaping.JSON_DOCUMENT, "{\"n\": {{.current.v}}}", true, "{\"n\": true}"),
        Arguments.of(
            Escaping.JSON_DOCUMENT, "{\"n\": {{.current.v}}}", Double.NaN, "{\"n\": null}"),
        Arguments.of(
            Escaping.JSON_DOCUMENT,
            "{\"n\": {{.current.v}}}",
            List.of("a", 1),
            "{\"n\": [\"a\",1]}"),
        Arguments.of(
            Escaping.JSON_DOCUMENT,
            "{\"n\": {{.current.v}}}",
            map,
            "{\"n\": {\"k\":\"v\\\"\",\"n\":2}}"),
        Arguments.of(Escaping.JSON_DOCUMENT, "{\"n\": {{.current.v}}}", null, "{\"n\": \"\"}"),
        Arguments.of(
            Escaping.JSON_DOCUMENT,
            "{\"n\": {{.current.v | upper}}}",
            "1, \"admin\": true",
            "{\"n\": \"1, \\\"ADMIN\\\": TRUE\"}"),
        Arguments.of(
            Escaping.JSON_DOCUMENT,
            "{\"n\": {{.current.v | json}}}",
            List.of("a"),
            "{\"n\": [\"a\"]}"),
        Arguments.of(
            Escaping.JSON_DOCUMENT, "{\"n\": {{.current.v | quote}}}", "q\"", "{\"n\": \"q\\\"\"}"),
        // URL_COMPONENT: inserted values percent-encoded, literal text untouched
        Arguments.of(
            Escaping.URL_COMPONENT,
            "https://api/x/{{.current.v}}?q={{.current.other}}&r=1",
            "a b/c?d=\u00e9",
            "https://api/x/a%20b%2Fc%3Fd%3D%C3%A9?q=x&r=1"),
        Arguments.of(Escaping.URL_COMPONENT, "/{{.current.v}}", "AZaz09-._~", "/AZaz09-._~"),
        Arguments.of(Escaping.URL_COMPONENT, "/{{.current.v | urlencode}}", "a b", "/a%20b"),
        Arguments.of(Escaping.URL_COMPONENT, "/{{.current.v}}", List.of("a", "b"), "/a%2Cb"),
        // YAML: a scalar position gets a double-quoted scalar
        Arguments.of(
            Escaping.YAML,
            "name: {{.current.v}}\n",
            NASTY,
            "name: \"a\\\"b\\\\c\\nd\\te\\u0001\"\n"),
        Arguments.of(Escaping.YAML, "a: {{.current.v}}", "yes", "a: \"yes\""),
        Arguments.of(
            Escaping.YAML, "a: {{.current.v}}", "x\nb: injected", "a: \"x\\nb: injected\""),
        Arguments.of(Escaping.YAML, "a: {{.current.v}}", 12, "a: 12"),
        Arguments.of(Escaping.YAML, "a: {{.current.v}}", new BigDecimal("1.50"), "a: 1.5"),
        Arguments.of(Escaping.YAML, "a: {{.current.v}}", Double.NaN, "a: \"NaN\""),
        Arguments.of(Escaping.YAML, "a: {{.current.v}}", false, "a: false"),
        Arguments.of(Escaping.YAML, "a: {{.current.v}}", null, "a: \"\""),
        Arguments.of(Escaping.YAML, "a: {{.current.v}}", List.of("x", 1), "a: [\"x\", 1]"),
        Arguments.of(Escaping.YAML, "a: {{.current.v}}", map, "a: {\"k\": \"v\\\"\", \"n\": 2}"),
        Arguments.of(Escaping.YAML, "- {{.current.v}}", "*alias", "- \"*alias\""),
        Arguments.of(Escaping.YAML, "a: [{{.current.v}}, b]", "], c: [", "a: [\"], c: [\", b]"),
        Arguments.of(Escaping.YAML, "{{.current.v}}: 1", "k: v", "\"k: v\": 1"),
        // inside a double-quoted scalar: escaped content
        Arguments.of(Escaping.YAML, "a: \"x {{.current.v}}\"", "q\"\n", "a: \"x q\\\"\\n\""),
        Arguments.of(Escaping.YAML, "a: \"\\{{.current.v}}\"", "\"", "a: \"\\\\\\\"\""),
        // inside a single-quoted scalar: quotes doubled, line breaks flattened
        Arguments.of(Escaping.YAML, "a: 'x {{.current.v}}'", "it's\nok", "a: 'x it''s ok'"),
        Arguments.of(Escaping.YAML, "a: 'it''s {{.current.v}}'", "'", "a: 'it''s '''"),
        // inside a comment: line breaks flattened
        Arguments.of(
            Escaping.YAML, "a: 1 # by {{.current.v}}\nb: 2", "x\nc: 3", "a: 1 # by x c: 3\nb: 2"),
        // inside a block scalar: continuation lines indented
        Arguments.of(
            Escaping.YAML,
            "script: |\n  echo {{.current.v}}\n  done\nnext: 1",
            "a\nb: c\r\nd",
            "script: |\n  echo a\n  b: c\n  d\n  done\nnext: 1"),
        Arguments.of(
            Escaping.YAML, "- run: >-\n    {{.current.v}}\n", "x\ny", "- run: >-\n    x\n    y\n"),
        // a line not indented past the block's parent is no longer inside the block
        Arguments.of(
            Escaping.YAML,
            "a: |\n  text\n{{.current.v}}: 1",
            "b: 2\nc",
            "a: |\n  text\n\"b: 2\\nc\": 1"),
        Arguments.of(Escaping.YAML, "a: |\n{{.current.v}}", "x\ny: 1", "a: |\n\"x\\ny: 1\""),
        // the output of json is flow YAML already
        Arguments.of(Escaping.YAML, "a: {{.current.v | json}}", List.of("x"), "a: [\"x\"]"));
  }
}
