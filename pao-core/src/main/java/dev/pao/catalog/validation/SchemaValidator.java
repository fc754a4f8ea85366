package dev.pao.catalog.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a document tree against a JSON Schema (draft 2020-12) with the networknt validator, and
 * turns its findings into {@link Problem}s: the document path of the offending value ({@code
 * spec.fulfillment.actions[0].type}) and a message in the catalog's own wording ({@link
 * SchemaMessages}). A value of the wrong type gets only the type problem, and a value that matches
 * none of the forms of an {@code anyOf} one problem saying so, not one per form. Thread-safe.
 */
final class SchemaValidator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> NAMED_STEP =
      Set.of("properties", "patternProperties", "prefixItems");
  private static final Set<String> ONE_INSTANCE_STEP =
      Set.of(
          "items", "additionalProperties", "contains", "unevaluatedItems", "unevaluatedProperties");

  private final JsonSchema schema;

  SchemaValidator(Map<String, Object> root) {
    schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(MAPPER.<JsonNode>valueToTree(root));
    schema.initializeValidators();
  }

  List<Problem> validate(Object value) {
    List<ValidationMessage> messages =
        new ArrayList<>(schema.validate(MAPPER.<JsonNode>valueToTree(value)));
    Set<Problem> problems = new LinkedHashSet<>();
    for (ValidationMessage message : messages) {
      if (!supersededByTypeProblem(message, messages)) {
        problems.add(problem(message));
      }
    }
    return List.copyOf(problems);
  }

  private static Problem problem(ValidationMessage message) {
    int anyOf = outermostAnyOf(message.getEvaluationPath());
    if (anyOf >= 0) {
      int steps = instanceSteps(message.getEvaluationPath(), anyOf + 2);
      JsonNodePath location = message.getInstanceLocation();
      for (int i = 0; i < steps; i++) {
        location = location.getParent();
      }
      return Problem.at(path(location), SchemaMessages.NO_FORM_MATCHES);
    }
    if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
      return Problem.at(
          path(message.getInstanceLocation().append(message.getProperty())),
          SchemaMessages.of(message));
    }
    return Problem.at(path(message.getInstanceLocation()), SchemaMessages.of(message));
  }

  /** A value of the wrong type is reported once, not also for the rest of the same schema. */
  private static boolean supersededByTypeProblem(
      ValidationMessage message, List<ValidationMessage> all) {
    if ("type".equals(message.getType())) {
      return false;
    }
    JsonNodePath schemaObject = message.getEvaluationPath().getParent();
    return all.stream()
        .anyMatch(
            other ->
                "type".equals(other.getType())
                    && other.getInstanceLocation().equals(message.getInstanceLocation())
                    && Objects.equals(other.getEvaluationPath().getParent(), schemaObject));
  }

  private static int outermostAnyOf(JsonNodePath evaluationPath) {
    for (int i = 0; i + 1 < evaluationPath.getNameCount(); i++) {
      if ("anyOf".equals(evaluationPath.getElement(i))
          && evaluationPath.getElement(i + 1) instanceof Integer) {
        return i;
      }
    }
    return -1;
  }

  /**
   * How many levels deeper than the schema at {@code from} the failing value lies: the keywords
   * between them that step into a property or an array entry (the failing keyword itself, last,
   * does not).
   */
  private static int instanceSteps(JsonNodePath evaluationPath, int from) {
    int steps = 0;
    int last = evaluationPath.getNameCount() - 1;
    int i = from;
    while (i < last) {
      Object keyword = evaluationPath.getElement(i);
      if (NAMED_STEP.contains(keyword)) {
        steps++;
        i += 2;
      } else {
        if (ONE_INSTANCE_STEP.contains(keyword)) {
          steps++;
        }
        i++;
      }
    }
    return steps;
  }

  /** {@code spec.form.fields[0].id} for the location {@code $.spec.form.fields[0].id}. */
  static String path(JsonNodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(element);
      }
    }
    return path.toString();
  }
}
