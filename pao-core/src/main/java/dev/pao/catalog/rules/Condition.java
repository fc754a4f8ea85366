package dev.pao.catalog.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;
import java.util.Objects;

/**
 * A condition written in CEL (the Common Expression Language) over three variables: {@code form}
 * (the request's form data, defaults applied), {@code requester} ({@code email}, {@code teams},
 * {@code roles}) and {@code item} ({@code id}, {@code kind}, {@code category}, {@code owner}). CEL
 * was chosen over a home-made language because it is a maintained, specified language built for
 * exactly this: it cannot reach Java objects or cause side effects, its cost is bounded, and it is
 * type-checked when the catalog is published. Compiled once per document; thread-safe.
 */
public final class Condition {
  /** The longest condition accepted; longer ones are refused at publish time. */
  public static final int MAX_LENGTH = 1000;

  private static final CelOptions OPTIONS =
      CelOptions.current().comprehensionMaxIterations(1000).build();
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setOptions(OPTIONS)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("form", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar("requester", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar("item", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .setResultType(SimpleType.BOOL)
          .build();
  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

  private final String source;
  private final CelRuntime.Program program;

  private Condition(String source, CelRuntime.Program program) {
    this.source = source;
    this.program = program;
  }

  /**
   * Compiles and type-checks {@code source}.
   *
   * @throws ConditionException naming the first problem and its column
   */
  public static Condition compile(String source) {
    Objects.requireNonNull(source, "source");
    if (source.length() > MAX_LENGTH) {
      throw new ConditionException(
          "condition is longer than " + MAX_LENGTH + " characters", 1, source);
    }
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(source).getAst();
      return new Condition(source, RUNTIME.createProgram(ast));
    } catch (CelValidationException e) {
      CelIssue first = e.getErrors().get(0);
      int column = first.getSourceLocation().getColumn() + 1;
      throw new ConditionException(first.getMessage(), Math.max(column, 1), source);
    } catch (CelEvaluationException e) {
      throw new ConditionException(e.getMessage(), 1, source);
    }
  }

  /** The condition as written. */
  public String source() {
    return source;
  }

  /**
   * Evaluates the condition.
   *
   * @throws ConditionException when it cannot be evaluated (e.g. it reads a form field the request
   *     has no value for; {@code has(form.x)} tests for one)
   */
  public boolean test(ConditionInput input) {
    try {
      return Boolean.TRUE.equals(program.eval(input.variables()));
    } catch (CelEvaluationException e) {
      throw new ConditionException(e.getMessage(), 1, source);
    }
  }

  /** The variables a condition sees, converted to CEL's value types. */
  public record ConditionInput(
      Map<String, Object> form, Map<String, Object> requester, Map<String, Object> item) {
    Map<String, Object> variables() {
      return Map.of(
          "form",
          CelValues.of(form),
          "requester",
          CelValues.of(requester),
          "item",
          CelValues.of(item));
    }
  }

  @Override
  public String toString() {
    return source;
  }
}
