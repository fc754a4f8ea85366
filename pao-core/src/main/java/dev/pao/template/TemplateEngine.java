package dev.pao.template;

import java.util.List;
import java.util.Objects;

/**
 * The entry point of the template engine: parse a template, check it at publish time, render it at
 * run time. It is immutable and thread-safe; one instance can serve the whole service.
 *
 * <p>Every method fails only with {@link TemplateException} (or {@link NullPointerException} for a
 * null argument): no other exception, no unbounded memory use and no unbounded running time can
 * come from a template or from the values it reads.
 */
public final class TemplateEngine {

  private final TemplateLimits limits;

  /** An engine with {@link TemplateLimits#DEFAULTS}. */
  public TemplateEngine() {
    this(TemplateLimits.DEFAULTS);
  }

  /** An engine with the given limits. */
  public TemplateEngine(TemplateLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The limits this engine enforces. */
  public TemplateLimits limits() {
    return limits;
  }

  /** The names of the pipe functions templates may use. */
  public static List<String> functions() {
    return Functions.names();
  }

  /**
   * Parses a template.
   *
   * @throws TemplateException with the line and column of the first syntax error, or when the
   *     source exceeds a limit
   */
  public Template parse(String source) {
    Objects.requireNonNull(source, "source");
    return TemplateParser.parse(source, limits);
  }

  /**
   * Checks a parsed template's references and functions against what will exist when it runs.
   * Returns every problem found (empty when the template is valid); never throws for any template.
   */
  public List<TemplateProblem> validate(Template template, TemplateContext context) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(context, "context");
    return TemplateValidator.validate(template, context);
  }

  /** Parses and checks a template source; a syntax error is returned as the only problem. */
  public List<TemplateProblem> validate(String source, TemplateContext context) {
    Objects.requireNonNull(context, "context");
    Template template;
    try {
      template = parse(source);
    } catch (TemplateException e) {
      return List.of(e.toProblem());
    }
    return validate(template, context);
  }

  /**
   * Parses and checks every string of a structured template (maps, lists, strings, scalars), each
   * problem located by its path in the structure.
   */
  public List<TemplateProblem> validateTree(Object tree, TemplateContext context) {
    Objects.requireNonNull(context, "context");
    return TemplateTree.validate(tree, limits, source -> validate(source, context));
  }

  /**
   * Renders a parsed template. Missing values render as the empty string; values are escaped for
   * {@code escaping}; sensitive values appear only in {@link Rendering#text()}.
   *
   * @throws TemplateException when a limit is exceeded, or when the template uses a function
   *     wrongly (possible only when it was not validated)
   */
  public Rendering render(Template template, Namespaces namespaces, Escaping escaping) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(escaping, "escaping");
    return Renderer.render(template, namespaces, escaping, new RenderBudget(limits));
  }

  /** Parses and renders a template source. */
  public Rendering render(String source, Namespaces namespaces, Escaping escaping) {
    return render(parse(source), namespaces, escaping);
  }

  /**
   * Renders a structured template such as an action's {@code body} map: every string is a template
   * rendered with {@code escaping}, map keys and other scalars stay as they are, and the result has
   * the same shape. The output and work limits apply to the whole structure.
   *
   * @throws TemplateException located by the path of the failing string in the structure
   */
  public TreeRendering renderTree(Object tree, Namespaces namespaces, Escaping escaping) {
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(escaping, "escaping");
    RenderBudget budget = new RenderBudget(limits);
    return TemplateTree.render(
        tree, limits, source -> Renderer.render(parse(source), namespaces, escaping, budget));
  }
}
