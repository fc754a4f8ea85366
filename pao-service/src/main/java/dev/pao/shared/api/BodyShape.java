package dev.pao.shared.api;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what a JSON body should have looked like when it could not be read: the properties of the
 * endpoint's body type (as the API spells them) and the property that was not expected. The JSON
 * library's own text names Java types, so it is never passed on.
 */
final class BodyShape {
  private static final Pattern UNKNOWN_PROPERTY =
      Pattern.compile("Json property (\\S+) can not be mapped");

  private BodyShape() {}

  static Response answer(Throwable problem, ResourceInfo resource) {
    List<String> properties = properties(resource);
    List<ErrorDetail> details = new ArrayList<>();
    unknownProperty(problem).ifPresent(details::add);
    String expected =
        properties.isEmpty()
            ? "a JSON object"
            : "a JSON object with " + String.join(", ", properties);
    String message =
        details.isEmpty()
            ? "The request body is not valid JSON of the shape this endpoint takes: " + expected
            : "The request body has a property this endpoint does not take; send " + expected;
    return ErrorResponses.of(ErrorCode.VALIDATION_ERROR, message, details);
  }

  /** The property the JSON library refused as unknown, if that was the problem. */
  static Optional<ErrorDetail> unknownProperty(Throwable problem) {
    for (Throwable t = problem; t != null && t.getCause() != t; t = t.getCause()) {
      Matcher unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(t.getMessage()));
      if (unknown.find()) {
        return Optional.of(new ErrorDetail(unknown.group(1), "unknown property"));
      }
    }
    return Optional.empty();
  }

  /** The snake_case property names of a body record. */
  static List<String> properties(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getName)
        .map(BodyShape::snakeCase)
        .toList();
  }

  /** The snake_case property names of the resource method's body record, if it has one. */
  private static List<String> properties(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return List.of();
    }
    for (Parameter parameter : method.getParameters()) {
      Class<?> type = parameter.getType();
      if (parameter.getAnnotations().length == 0 && type.isRecord()) {
        return properties(type);
      }
      if (Arrays.stream(parameter.getAnnotations()).noneMatch(BodyShape::isParameterAnnotation)
          && !type.isRecord()) {
        return List.of();
      }
    }
    return List.of();
  }

  private static boolean isParameterAnnotation(Annotation annotation) {
    return annotation.annotationType().getPackageName().equals("jakarta.ws.rs");
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }
}
