package dev.pao.template;

import java.util.List;
import java.util.Objects;

/**
 * One {@code {{.namespace.path | fn ...}}} expression of a template: what it reads, how it
 * transforms the value and where it was written. The list of a template's expressions is its
 * dependency graph (see {@link Template#references()}).
 *
 * @param source the exact source text, braces included
 * @param line 1-based line of the opening braces
 * @param column 1-based column of the opening braces
 * @param namespace the namespace read
 * @param path the path segments below the namespace, never empty
 * @param functions the pipe functions in application order
 */
public record Expression(
    String source,
    int line,
    int column,
    Namespace namespace,
    List<String> path,
    List<FunctionCall> functions) {

  /** Copies the lists so the expression stays immutable. */
  public Expression {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(namespace, "namespace");
    path = List.copyOf(path);
    functions = List.copyOf(functions);
  }

  /** The path below the namespace joined with dots, for example {@code network.vpc}. */
  public String pathText() {
    return String.join(".", path);
  }

  /** The full reference, for example {@code .current.network.vpc}. */
  public String reference() {
    return "." + namespace.key() + "." + pathText();
  }
}
