package dev.pao.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipe functions a template may call: their names, argument types, argument checks and
 * implementations. There is no way to register more from a template.
 */
final class Functions {

  /** A function body: the piped value and the call's arguments in, the new value out. */
  @FunctionalInterface
  interface Body {
    Object apply(Object input, List<Argument> args, ValueText values);
  }

  /** A function's signature and body. */
  record Spec(String name, List<Argument.Type> parameters, String usage, Body body) {}

  private static final Argument.Type STRING = Argument.Type.STRING;
  private static final Argument.Type INTEGER = Argument.Type.INTEGER;
  private static final Map<String, Spec> SPECS = specs();

  private Functions() {}

  private static Map<String, Spec> specs() {
    Map<String, Spec> specs = new LinkedHashMap<>();
    add(specs, "default", List.of(STRING), "default \"value\"", TextFunctions::defaultTo);
    add(specs, "upper", List.of(), "upper", TextFunctions::upper);
    add(specs, "lower", List.of(), "lower", TextFunctions::lower);
    add(specs, "trim", List.of(), "trim", TextFunctions::trim);
    add(specs, "join", List.of(STRING), "join \",\"", TextFunctions::join);
    add(
        specs,
        "replace",
        List.of(STRING, STRING),
        "replace \"old\" \"new\"",
        TextFunctions::replace);
    add(specs, "slug", List.of(), "slug", TextFunctions::slug);
    add(specs, "truncate", List.of(INTEGER), "truncate 10", TextFunctions::truncate);
    add(specs, "urlencode", List.of(), "urlencode", TextFunctions::urlencode);
    add(specs, "base64", List.of(), "base64", TextFunctions::base64);
    add(specs, "json", List.of(), "json", TextFunctions::json);
    add(specs, "quote", List.of(), "quote", TextFunctions::quote);
    return Collections.unmodifiableMap(specs);
  }

  private static void add(
      Map<String, Spec> specs, String name, List<Argument.Type> params, String usage, Body body) {
    specs.put(name, new Spec(name, params, usage, body));
  }

  /** The function names in documentation order. */
  static List<String> names() {
    return List.copyOf(SPECS.keySet());
  }

  /** What is wrong with a call (unknown function, arity, argument type or value), if anything. */
  static Optional<String> problem(FunctionCall call) {
    Spec spec = SPECS.get(call.name());
    if (spec == null) {
      return Optional.of(
          "unknown function '"
              + call.name()
              + "'; known functions: "
              + String.join(", ", SPECS.keySet()));
    }
    List<Argument> args = call.arguments();
    if (args.size() != spec.parameters().size()) {
      return Optional.of(
          "'"
              + spec.name()
              + "' takes "
              + count(spec.parameters().size())
              + ", got "
              + args.size()
              + "; usage: "
              + spec.usage());
    }
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).type() != spec.parameters().get(i)) {
        String expected = spec.parameters().get(i) == STRING ? "a quoted string" : "an integer";
        return Optional.of(
            "argument "
                + (i + 1)
                + " of '"
                + spec.name()
                + "' must be "
                + expected
                + "; usage: "
                + spec.usage());
      }
    }
    if (spec.name().equals("truncate") && args.get(0).intValue() < 0) {
      return Optional.of("'truncate' needs a length of 0 or more");
    }
    if (spec.name().equals("replace") && args.get(0).value().isEmpty()) {
      return Optional.of("'replace' needs a non-empty text to search for");
    }
    return Optional.empty();
  }

  /** Applies one call; a call that {@link #problem} rejects fails the render. */
  static Object apply(FunctionCall call, Object input, ValueText values) {
    Optional<String> problem = problem(call);
    if (problem.isPresent()) {
      throw new TemplateException(
          TemplateException.Kind.RENDER, problem.get(), call.line(), call.column());
    }
    Object result = SPECS.get(call.name()).body().apply(input, call.arguments(), values);
    if (result instanceof String text) {
      values.budget().produced(text);
    } else if (result instanceof Encoded encoded) {
      values.budget().produced(encoded.text());
    } else {
      values.budget().work(1);
    }
    return result;
  }

  private static String count(int arguments) {
    return switch (arguments) {
      case 0 -> "no arguments";
      case 1 -> "1 argument";
      default -> arguments + " arguments";
    };
  }
}
