package dev.pao.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateParserTest {

  private final TemplateEngine engine = new TemplateEngine();

  @Test
  void parsesTextAndExpressionsWithPositions() {
    Template template =
        engine.parse("Create {{ .current.name | upper }}\n  for {{.current.network.vpc}}");

    List<Expression> references = template.references();
    assertEquals(2, references.size());
    Expression first = references.get(0);
    assertEquals("{{ .current.name | upper }}", first.source());
    assertEquals(Namespace.CURRENT, first.namespace());
    assertEquals(List.of("name"), first.path());
    assertEquals(1, first.line());
    assertEquals(8, first.column());
    assertEquals(List.of(new FunctionCall("upper", List.of(), 1, 27)), first.functions());
    Expression second = references.get(1);
    assertEquals(".current.network.vpc", second.reference());
    assertEquals("network.vpc", second.pathText());
    assertEquals(2, second.line());
    assertEquals(7, second.column());
    assertFalse(template.isConstant());
  }

  @Test
  void parsesEveryNamespaceAndItemIdsWithDashes() {
    Template template =
        engine.parse(
            "{{.current.a}}{{.output.dbTicketKey}}{{.metadata.postgres-database.version}}"
                + "{{.system.user.email}}");

    assertEquals(
        List.of(Namespace.CURRENT, Namespace.OUTPUT, Namespace.METADATA, Namespace.SYSTEM),
        template.references().stream().map(Expression::namespace).toList());
    assertEquals(List.of("postgres-database", "version"), template.references().get(2).path());
  }

  @Test
  void parsesArgumentsWithEscapes() {
    Expression expression =
        engine
            .parse("{{ .current.x | replace \"a\\\"b\" \"\\\\\\n\\t\\u00e9\\/\" | truncate -1 }}")
            .references()
            .get(0);

    FunctionCall replace = expression.functions().get(0);
    assertEquals(
        List.of(Argument.string("a\"b"), Argument.string("\\\n\t\u00e9/")), replace.arguments());
    FunctionCall truncate = expression.functions().get(1);
    assertEquals(List.of(Argument.integer(-1)), truncate.arguments());
    assertEquals(-1, truncate.arguments().get(0).intValue());
  }

  @Test
  void allowsLineBreaksAndTabsInsideBraces() {
    Expression expression =
        engine.parse("{{\n\t.current.tags\n  | join \",\"\n}}").references().get(0);

    assertEquals(List.of("tags"), expression.path());
    assertEquals("join", expression.functions().get(0).name());
    assertEquals(3, expression.functions().get(0).line());
    assertEquals(5, expression.functions().get(0).column());
  }

  @ParameterizedTest
  @MethodSource("literalBraces")
  void writesLiteralBracesWithAStringLiteralExpression(String source, String text) {
    Template template = engine.parse(source);

    assertTrue(template.isConstant());
    assertEquals(text, engine.render(template, Namespaces.empty(), Escaping.TEXT).text());
  }

  static Stream<Arguments> literalBraces() {
    return Stream.of(
        Arguments.of("{{\"{{\"}}.current.name}}", "{{.current.name}}"),
        Arguments.of("a {{ \"{{\" }} b", "a {{ b"),
        Arguments.of("{{\"}}\"}}", "}}"),
        Arguments.of("just }} text } {", "just }} text } {"),
        Arguments.of("", ""),
        Arguments.of("{{\"\"}}", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "q\"uote", "back\\slash", "line\nbreak\ttab\r", "\u0001", ""})
  void writesArgumentsBackAsParsableLiterals(String value) {
    FunctionCall call = new FunctionCall("default", List.of(Argument.string(value)), 1, 1);

    Expression parsed = engine.parse("{{.current.x | " + call + "}}").references().get(0);

    assertEquals(List.of(Argument.string(value)), parsed.functions().get(0).arguments());
  }

  @Test
  void keepsDuplicateReferencesInSourceOrder() {
    Template template = engine.parse("{{.current.a}} {{.current.b}} {{.current.a}}");

    assertEquals(
        List.of("a", "b", "a"), template.references().stream().map(Expression::pathText).toList());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("syntaxErrors")
  void rejectsMalformedTemplatesWithLineAndColumn(
      String source, int line, int column, String reason) {
    TemplateException error = assertThrows(TemplateException.class, () -> engine.parse(source));

    assertEquals(TemplateException.Kind.SYNTAX, error.kind());
    assertEquals(line, error.line(), error.getMessage());
    assertEquals(column, error.column(), error.getMessage());
    assertTrue(error.reason().contains(reason), error.getMessage());
    assertTrue(error.getMessage().startsWith("line " + line + ", column " + column + ": "));
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        Arguments.of("{{", 1, 1, "unclosed '{{'"),
        Arguments.of("abc {{ .current.name", 1, 5, "unclosed '{{'"),
        Arguments.of("x\n  {{.current.name | upper", 2, 3, "unclosed '{{'"),
        Arguments.of("{{.current.name | default \"x\"", 1, 1, "unclosed '{{'"),
        Arguments.of("{{}}", 1, 1, "empty expression"),
        Arguments.of("{{  }}", 1, 1, "empty expression"),
        Arguments.of("{{current.name}}", 1, 3, "unexpected 'c'"),
        Arguments.of("{{ .foo.bar }}", 1, 4, "unknown namespace '.foo'"),
        Arguments.of("{{.Current.name}}", 1, 3, "unknown namespace '.Current'"),
        Arguments.of("{{.current}}", 1, 11, "'.current' needs a path"),
        Arguments.of("{{.current.}}", 1, 12, "expected a name after '.'"),
        Arguments.of("{{.current..name}}", 1, 12, "expected a name after '.'"),
        Arguments.of("{{.current.1abc}}", 1, 12, "names start with a letter"),
        Arguments.of("{{.current.-abc}}", 1, 12, "names start with a letter"),
        Arguments.of("{{.current.na me}}", 1, 15, "expected '|' or '}}'"),
        Arguments.of("{{.current.name } }", 1, 17, "unexpected '}'"),
        Arguments.of("{{.current.na{me}}", 1, 14, "unexpected '{'"),
        Arguments.of("{{.current.name |}}", 1, 18, "expected a function name"),
        Arguments.of("{{.current.name | | upper}}", 1, 19, "expected a function name"),
        Arguments.of("{{.current.name | 5}}", 1, 19, "expected a function name"),
        Arguments.of("{{.current.name | join , }}", 1, 24, "bad argument ',' to 'join'"),
        Arguments.of("{{.current.name | default x}}", 1, 27, "bad argument 'x' to 'default'"),
        Arguments.of("{{.current.name | default 'x'}}", 1, 27, "bad argument '''"),
        Arguments.of("{{.current.name | default \"x}}", 1, 27, "unterminated string literal"),
        Arguments.of("{{.current.name | default \"a\nb\"}}", 1, 27, "unterminated string"),
        Arguments.of("{{.current.name | default \"a\\qb\"}}", 1, 29, "invalid escape"),
        Arguments.of("{{.current.name | default \"\\u12\"}}", 1, 28, "four hex digits"),
        Arguments.of("{{.current.name | truncate 1234567890}}", 1, 28, "number too large"),
        Arguments.of("{{.current.name | truncate -}}", 1, 28, "bad argument to 'truncate'"),
        Arguments.of("{{.current.name | truncate 5x}}", 1, 28, "bad argument to 'truncate'"),
        Arguments.of("{{.current.name | truncate 1.5}}", 1, 28, "bad argument to 'truncate'"),
        Arguments.of("{{\"{{\" | upper}}", 1, 8, "string literal between braces takes no"),
        Arguments.of("{{\"{{\" .current.x}}", 1, 8, "string literal between braces takes no"),
        Arguments.of("{{- .current.name}}", 1, 3, "unexpected '-'"),
        Arguments.of("{{.current.name\u00e9}}", 1, 16, "character U+00E9"),
        Arguments.of("\u00e9\uD83D\uDE00 {{ .foo.x }}", 1, 7, "unknown namespace"),
        Arguments.of("line1\r\nline2 {{.output}}", 2, 16, "'.output' needs a path"),
        Arguments.of("ok {{.current.a}}\n\n  {{ .system.x | upper \"a\" \"b }}", 3, 28, "unterm"));
  }
}
