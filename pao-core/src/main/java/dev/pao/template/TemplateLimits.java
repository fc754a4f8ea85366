package dev.pao.template;

/**
 * The bounds that keep template work proportional to its inputs: a hostile or careless template is
 * rejected with a {@link TemplateException} of kind {@link TemplateException.Kind#LIMIT} instead of
 * exhausting memory or time. Sizes count UTF-16 characters.
 *
 * @param maxSourceChars longest template source accepted by {@code parse}
 * @param maxExpressions most expressions in one template
 * @param maxPipeLength most functions in one pipe
 * @param maxPathDepth most path segments below a namespace
 * @param maxOutputChars longest rendered output (for a tree: all rendered strings together)
 * @param maxWork most work units of one render: characters produced by each function, value and
 *     escaping step, plus one per value node visited
 * @param maxValueDepth deepest nesting of lists and maps read from the namespaces
 * @param maxTreeDepth deepest nesting of a structured template given to {@code renderTree}
 * @param maxTreeNodes most nodes of a structured template
 */
public record TemplateLimits(
    int maxSourceChars,
    int maxExpressions,
    int maxPipeLength,
    int maxPathDepth,
    int maxOutputChars,
    int maxWork,
    int maxValueDepth,
    int maxTreeDepth,
    int maxTreeNodes) {

  /** The limits used when none are given. */
  public static final TemplateLimits DEFAULTS =
      new TemplateLimits(64 * 1024, 1_000, 16, 16, 1024 * 1024, 16 * 1024 * 1024, 64, 64, 100_000);

  /** Rejects limits that are not positive. */
  public TemplateLimits {
    int[] all = {
      maxSourceChars,
      maxExpressions,
      maxPipeLength,
      maxPathDepth,
      maxOutputChars,
      maxWork,
      maxValueDepth,
      maxTreeDepth,
      maxTreeNodes
    };
    for (int limit : all) {
      if (limit <= 0) {
        throw new IllegalArgumentException("template limits must be positive");
      }
    }
  }
}
