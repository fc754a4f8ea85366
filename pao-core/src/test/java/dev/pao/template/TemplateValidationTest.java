package dev.pao.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateValidationTest {

  private static final TemplateContext CONTEXT =
      TemplateContext.builder()
          .currentFields("name", "size", "tags", "network.vpc", "network.subnet")
          .earlierOutputs(List.of("dbTicketKey"))
          .action("ticket", List.of("ticketUrl"))
          .laterOutputs("deploy", List.of("later", "deployUrl"))
          .metadataItem("postgres-database", List.of("sla"))
          .build();

  private final TemplateEngine engine = new TemplateEngine();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain text only",
        "{{.current.name}}",
        "{{ .current.network.vpc }} {{.current.network}}",
        "{{.current.tags | join \",\" | upper}}",
        "{{.output.dbTicketKey}}",
        "{{.metadata.postgres-database.version}} {{.metadata.postgres-database.sla}}",
        "{{.metadata.postgres-database.tags}} {{.metadata.postgres-database.owner}}",
        "{{.system.requestId}} {{.system.user.email}} {{.system.user}} {{.system.timestamp}}",
        "{{.system.platform.environment | default \"dev\" | truncate 3}}"
      })
  void acceptsReferencesToWhatExists(String source) {
    assertEquals(List.of(), engine.validate(source, CONTEXT));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("problems")
  void reportsEachProblemWithItsPosition(String source, int line, int column, String message) {
    List<TemplateProblem> problems = engine.validate(engine.parse(source), CONTEXT);

    assertEquals(1, problems.size(), problems.toString());
    TemplateProblem problem = problems.get(0);
    assertEquals(line, problem.line());
    assertEquals(column, problem.column());
    assertTrue(problem.message().contains(message), problem.message());
    assertEquals("", problem.location());
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of(
            "{{.current.undeclared}}",
            1,
            1,
            "'.current.undeclared' is not a declared form field; declared fields: name, size"),
        Arguments.of("x {{.current.network.vpc.id}}", 1, 3, "'.current.network.vpc.id' is not"),
        Arguments.of("{{.current.name.first}}", 1, 1, "is not a declared form field"),
        Arguments.of(
            "first line\n  {{ .output.later }}",
            2,
            3,
            "'.output.later' is produced by action 'deploy', which runs after this one"),
        Arguments.of(
            "{{.output.ticketUrl}}",
            1,
            1,
            "'.output.ticketUrl' is produced by this action 'ticket' itself; an action can only"
                + " read outputs of actions that run before it"),
        Arguments.of(
            "{{.output.nowhere}}",
            1,
            1,
            "'.output.nowhere' is not produced by any action that runs before this one"),
        Arguments.of(
            "{{.output.dbTiketKey}}",
            1,
            1,
            "'.output.dbTiketKey' is not produced by any action that runs before this one; did you"
                + " mean {{.output.dbTicketKey}}?"),
        Arguments.of("{{.output.dbTicketKey.x}}", 1, 1, "output keys are flat"),
        Arguments.of("{{.metadata.mysql.version}}", 1, 1, "names an unknown catalog item 'mysql'"),
        Arguments.of("{{.metadata.postgres-database}}", 1, 1, "needs a field"),
        Arguments.of("{{.metadata.postgres-database.custom.sla}}", 1, 1, "is too deep"),
        Arguments.of(
            "{{.metadata.postgres-database.color}}",
            1,
            1,
            "item 'postgres-database' has no metadata field 'color'; fields: id, name, version,"
                + " description, category, owner, tags, sla"),
        Arguments.of(
            "{{.system.secretKey}}",
            1,
            1,
            "'.system.secretKey' is not a system value; known: requestId, correlationId"),
        Arguments.of("{{.system.user.password}}", 1, 1, "is not a system value"),
        Arguments.of("{{.current.name | upcase}}", 1, 19, "unknown function 'upcase'"),
        Arguments.of("{{.current.name | join}}", 1, 19, "'join' takes 1 argument, got 0"));
  }

  @Test
  void reportsEveryProblemOfATemplateInOrder() {
    List<TemplateProblem> problems =
        engine.validate(
            "{{.current.nope}} {{.output.later | shout}}\n{{.system.user.email}}{{.metadata.x.id}}",
            CONTEXT);

    assertEquals(
        List.of("1:1", "1:19", "1:37", "2:23"),
        problems.stream().map(p -> p.line() + ":" + p.column()).toList());
  }

  @Test
  void reportsASyntaxErrorAsTheOnlyProblem() {
    List<TemplateProblem> problems = engine.validate("ok\n {{ .current.name | }}", CONTEXT);

    assertEquals(1, problems.size());
    assertEquals(2, problems.get(0).line());
    assertEquals(21, problems.get(0).column());
    assertTrue(problems.get(0).message().contains("expected a function name"));
  }

  @Test
  void aContextWithoutFieldsSaysSo() {
    List<TemplateProblem> problems =
        engine.validate("{{.current.name}}", TemplateContext.builder().build());

    assertTrue(problems.get(0).message().endsWith("the form declares no fields"));
  }

  @Test
  void systemKeysCanBeReplaced() {
    TemplateContext context = TemplateContext.builder().systemKeys(List.of("tenant.id")).build();

    assertEquals(List.of(), engine.validate("{{.system.tenant.id}}", context));
    assertEquals(1, engine.validate("{{.system.requestId}}", context).size());
  }

  @Test
  void validatesEveryStringOfAStructureWithItsLocation() {
    Map<String, Object> body =
        Map.of(
            "summary",
            "ok {{.current.name}}",
            "fields",
            Map.of("custom", List.of("{{.current.name}}", "{{.output.later}}")),
            "broken",
            "{{ .current.name",
            "count",
            3);

    List<TemplateProblem> problems = engine.validateTree(body, CONTEXT);

    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.location().equals("fields.custom[1]")
                        && p.message().contains("action 'deploy'")
                        && p.toString().startsWith("fields.custom[1] 1:1: ")));
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.location().equals("broken") && p.message().contains("unclosed")));
  }
}
