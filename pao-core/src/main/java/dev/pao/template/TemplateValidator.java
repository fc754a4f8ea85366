package dev.pao.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks a parsed template against a {@link TemplateContext}: every reference must name something
 * that will exist when the action runs, and every function must exist with the right arguments.
 */
final class TemplateValidator {

  private static final int LISTED_NAMES = 12;

  private TemplateValidator() {}

  static List<TemplateProblem> validate(Template template, TemplateContext context) {
    List<TemplateProblem> problems = new ArrayList<>();
    for (Expression expression : template.references()) {
      reference(expression, context)
          .ifPresent(
              message ->
                  problems.add(
                      TemplateProblem.at(expression.line(), expression.column(), message)));
      for (FunctionCall call : expression.functions()) {
        Functions.problem(call)
            .ifPresent(
                message -> problems.add(TemplateProblem.at(call.line(), call.column(), message)));
      }
    }
    return List.copyOf(problems);
  }

  private static Optional<String> reference(Expression expression, TemplateContext context) {
    return switch (expression.namespace()) {
      case CURRENT -> current(expression, context);
      case OUTPUT -> output(expression, context);
      case METADATA -> metadata(expression, context);
      case SYSTEM -> system(expression, context);
    };
  }

  private static Optional<String> current(Expression expression, TemplateContext context) {
    if (context.isCurrent(expression.pathText())) {
      return Optional.empty();
    }
    String declared =
        context.currentPaths().isEmpty()
            ? "the form declares no fields"
            : "declared fields: " + list(context.currentPaths());
    return Optional.of(
        "'" + expression.reference() + "' is not a declared form field; " + declared);
  }

  private static Optional<String> output(Expression expression, TemplateContext context) {
    String reference = "'" + expression.reference() + "'";
    if (expression.path().size() > 1) {
      return Optional.of(
          reference + ": output keys are flat, write {{.output." + expression.path().get(0) + "}}");
    }
    String key = expression.path().get(0);
    if (context.isEarlierOutput(key)) {
      return Optional.empty();
    }
    if (context.isOwnOutput(key)) {
      String action = context.actionId().map(id -> " '" + id + "'").orElse("");
      return Optional.of(
          reference
              + " is produced by this action"
              + action
              + " itself; an action can only read outputs of actions that run before it");
    }
    Optional<String> producer = context.laterProducer(key);
    if (producer.isPresent()) {
      return Optional.of(
          reference + " is produced by action '" + producer.get() + "', which runs after this one");
    }
    return Optional.of(
        reference
            + " is not produced by any action that runs before this one"
            + Suggestions.closest(key, context.earlierOutputs())
                .map(closest -> "; did you mean {{.output." + closest + "}}?")
                .orElse(""));
  }

  private static Optional<String> metadata(Expression expression, TemplateContext context) {
    List<String> path = expression.path();
    String reference = "'" + expression.reference() + "'";
    String item = path.get(0);
    if (!context.isMetadataItem(item)) {
      return Optional.of(reference + " names an unknown catalog item '" + item + "'");
    }
    if (path.size() == 1) {
      return Optional.of(
          reference + " needs a field, for example {{.metadata." + item + ".version}}");
    }
    if (path.size() > 2) {
      return Optional.of(reference + " is too deep; write .metadata.<item-id>.<field>");
    }
    Collection<String> fields = context.metadataFields(item);
    if (!fields.contains(path.get(1))) {
      return Optional.of(
          reference
              + ": item '"
              + item
              + "' has no metadata field '"
              + path.get(1)
              + "'; fields: "
              + list(fields));
    }
    return Optional.empty();
  }

  private static Optional<String> system(Expression expression, TemplateContext context) {
    if (context.isSystem(expression.pathText())) {
      return Optional.empty();
    }
    return Optional.of(
        "'"
            + expression.reference()
            + "' is not a system value; known: "
            + list(context.systemKeys()));
  }

  private static String list(Collection<String> names) {
    if (names.size() <= LISTED_NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.stream().limit(LISTED_NAMES).toList())
        + " and "
        + (names.size() - LISTED_NAMES)
        + " more";
  }
}
