package dev.pao.catalog.authoring;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorDetail;
import dev.pao.template.Escaping;
import dev.pao.template.Namespaces;
import dev.pao.template.ResolvedReference;
import dev.pao.template.TemplateContext;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateException;
import dev.pao.template.TemplateProblem;
import dev.pao.template.TreeRendering;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a template against namespaces a platform engineer supplies, the way an action would be
 * rendered, and reports references and problems. The supplied namespaces also define what is
 * "declared": a {@code .current} path is known when the supplied form data has it, an {@code
 * .output} key when the supplied outputs have it.
 */
@ApplicationScoped
public class VariableTester {
  private final TemplateEngine engine = new TemplateEngine();

  public TestVariablesResult test(TestVariablesRequest request) {
    if (request == null || request.template() == null) {
      throw ApiException.validation(
          "A template is required",
          List.of(new ErrorDetail("template", "required: a string, map or list")));
    }
    Escaping escaping = escaping(request.escaping());
    Map<String, Map<String, Object>> supplied =
        request.namespaces() == null ? Map.of() : request.namespaces();
    Namespaces namespaces =
        new Namespaces(
            supplied.get("current"),
            supplied.get("output"),
            supplied.get("metadata"),
            supplied.get("system"),
            request.sensitive() == null ? Set.of() : Set.copyOf(request.sensitive()));
    List<TestVariablesResult.Problem> errors = new ArrayList<>();
    Object rendered = null;
    List<TestVariablesResult.Reference> references = new ArrayList<>();
    try {
      TreeRendering rendering = engine.renderTree(request.template(), namespaces, escaping);
      rendered = rendering.maskedValue();
      rendering.references().forEach(reference -> references.add(toReference(reference)));
    } catch (TemplateException e) {
      if (e.kind() == TemplateException.Kind.SYNTAX) {
        throw unparsable(e.toProblem());
      }
      errors.add(toProblem(e.toProblem()));
    }
    // Parsing succeeded above, so every problem here is a validation finding.
    engine.validateTree(request.template(), context(namespaces)).stream()
        .map(VariableTester::toProblem)
        .forEach(errors::add);
    return new TestVariablesResult(rendered, references, errors);
  }

  private static TemplateContext context(Namespaces namespaces) {
    TemplateContext.Builder context =
        TemplateContext.builder()
            .currentFields(paths("", namespaces.current()))
            .earlierOutputs(namespaces.output().keySet());
    namespaces
        .metadata()
        .forEach(
            (item, fields) ->
                context.metadataItem(
                    item, fields instanceof Map<?, ?> map ? keys(map) : Set.<String>of()));
    return context.build();
  }

  private static Set<String> paths(String prefix, Map<String, ?> tree) {
    Set<String> paths = new LinkedHashSet<>();
    tree.forEach(
        (key, value) -> {
          paths.add(prefix + key);
          if (value instanceof Map<?, ?> group) {
            Map<String, Object> typed = new java.util.LinkedHashMap<>();
            group.forEach((k, v) -> typed.put(String.valueOf(k), v));
            paths.addAll(paths(prefix + key + ".", typed));
          }
        });
    return paths;
  }

  private static Set<String> keys(Map<?, ?> map) {
    Set<String> keys = new LinkedHashSet<>();
    map.keySet().forEach(key -> keys.add(String.valueOf(key)));
    return keys;
  }

  private static Escaping escaping(String name) {
    if (name == null || name.isBlank()) {
      return Escaping.TEXT;
    }
    try {
      return Escaping.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(
          "Unknown escaping '" + name + "'",
          List.of(
              new ErrorDetail(
                  "escaping", "one of text, json_string, json_document, url_component, yaml")));
    }
  }

  private static TestVariablesResult.Reference toReference(ResolvedReference reference) {
    return new TestVariablesResult.Reference(
        reference.expression(),
        reference.namespace().name().toLowerCase(Locale.ROOT),
        reference.path(),
        reference.resolved(),
        reference.location().isEmpty() ? null : reference.location());
  }

  private static TestVariablesResult.Problem toProblem(TemplateProblem problem) {
    return new TestVariablesResult.Problem(
        problem.message(),
        problem.line(),
        problem.column(),
        problem.location().isEmpty() ? null : problem.location());
  }

  private static ApiException unparsable(TemplateProblem problem) {
    String field =
        "template"
            + (problem.location().isEmpty() ? "" : "." + problem.location())
            + ":"
            + problem.line()
            + ":"
            + problem.column();
    return ApiException.validation(
        "The template cannot be parsed: " + problem.message(),
        List.of(new ErrorDetail(field, problem.message())));
  }
}
