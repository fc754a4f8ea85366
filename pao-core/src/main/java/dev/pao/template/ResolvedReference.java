package dev.pao.template;

import java.util.Objects;

/**
 * What one expression resolved to during a render, for previews and the variable test endpoint. The
 * value is already masked when the reference is sensitive, so a list of these is safe to show or
 * log.
 *
 * @param location where in a structured template the expression was, or empty
 * @param expression the expression's source text, braces included
 * @param namespace the namespace read
 * @param path the dotted path below the namespace
 * @param resolved the value after the pipe functions and before escaping, or {@code ***} when
 *     sensitive
 * @param present whether the path had a value (a missing value renders as the empty string)
 * @param sensitive whether the value was masked
 */
public record ResolvedReference(
    String location,
    String expression,
    Namespace namespace,
    String path,
    String resolved,
    boolean present,
    boolean sensitive) {

  /** Checks that the texts are present. */
  public ResolvedReference {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(resolved, "resolved");
  }

  /** The same reference, located inside a structured template. */
  ResolvedReference within(String treeLocation) {
    return new ResolvedReference(
        treeLocation, expression, namespace, path, resolved, present, sensitive);
  }
}
