package dev.pao.template;

import java.util.List;

/**
 * A parsed template: literal text segments interleaved with expressions. It is immutable and
 * thread-safe, so a parsed template can be cached and rendered many times. Obtain one from {@link
 * TemplateEngine#parse(String)}.
 */
public final class Template {

  private final String source;
  private final List<String> texts;
  private final List<Expression> expressions;

  /**
   * Creates a template from its parts; {@code texts} has exactly one more element than {@code
   * expressions} (text before the first expression, between each pair, after the last).
   */
  Template(String source, List<String> texts, List<Expression> expressions) {
    if (texts.size() != expressions.size() + 1) {
      throw new IllegalArgumentException("texts must surround the expressions");
    }
    this.source = source;
    this.texts = List.copyOf(texts);
    this.expressions = List.copyOf(expressions);
  }

  /** The template source as given to {@code parse}. */
  public String source() {
    return source;
  }

  /**
   * Every expression in source order, duplicates included: the template's dependency graph (which
   * namespace paths it reads) with positions for error messages.
   */
  public List<Expression> references() {
    return expressions;
  }

  /** Whether the template contains no expression, so rendering always yields the same text. */
  public boolean isConstant() {
    return expressions.isEmpty();
  }

  /** The literal text before expression {@code index} (or after the last one). */
  String textBefore(int index) {
    return texts.get(index);
  }

  /** The number of expressions. */
  int expressionCount() {
    return expressions.size();
  }

  @Override
  public String toString() {
    return source;
  }
}
