package dev.pao.catalog.authoring;

import java.util.List;

/**
 * What a template rendered to (sensitive values masked), what each reference resolved to, and the
 * problems validation or rendering found.
 */
public record TestVariablesResult(
    Object rendered, List<Reference> references, List<Problem> errors) {

  /** One expression of the template and the value it resolved to. */
  public record Reference(
      String expression, String namespace, String path, String resolved, String location) {}

  /** A problem at a position of the template. */
  public record Problem(String message, int line, int column, String location) {}
}
