package dev.pao.template;

/**
 * Counts the work and output of one render (or one tree render) against {@link TemplateLimits}, so
 * no template or value can make rendering use unbounded memory or time. It also remembers the
 * expression being rendered so limit errors point at it.
 */
final class RenderBudget {

  private final TemplateLimits limits;
  private long work;
  private long output;
  private int line = 1;
  private int column = 1;

  RenderBudget(TemplateLimits limits) {
    this.limits = limits;
  }

  TemplateLimits limits() {
    return limits;
  }

  /** Points later errors at {@code expression}. */
  void at(Expression expression) {
    line = expression.line();
    column = expression.column();
  }

  /** Points later errors at the start of a template. */
  void atStart() {
    line = 1;
    column = 1;
  }

  /** Charges {@code units} of work. */
  void work(long units) {
    work += units;
    if (work > limits.maxWork()) {
      throw limit(
          "rendering needs more than "
              + limits.maxWork()
              + " units of work; the template or its values are too large");
    }
  }

  /** Checks and charges a text produced by a rendering step. */
  String produced(String text) {
    checkLength(text.length());
    work(text.length());
    return text;
  }

  /** Fails when a text under construction has grown past the output limit. */
  void checkLength(long length) {
    if (length > limits.maxOutputChars()) {
      throw limit(
          "rendered text would be longer than the limit of "
              + limits.maxOutputChars()
              + " characters");
    }
  }

  /** Adds {@code chars} characters to the final output and fails past the output limit. */
  void output(long chars) {
    output += chars;
    checkLength(output);
  }

  TemplateException limit(String reason) {
    return new TemplateException(TemplateException.Kind.LIMIT, reason, line, column);
  }

  TemplateException failure(String reason) {
    return new TemplateException(TemplateException.Kind.RENDER, reason, line, column);
  }
}
