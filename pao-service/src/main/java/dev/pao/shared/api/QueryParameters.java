package dev.pao.shared.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query parameters the framework could not convert ({@code ?limit=abc}). JAX-RS answers those 404;
 * the API answers 400 naming the parameter and what it takes.
 */
final class QueryParameters {
  private static final Pattern QUERY_PARAM = Pattern.compile("QueryParam\\(\\\\?\"([^\"\\\\]+)");

  private QueryParameters() {}

  /** The query parameter whose value could not be converted, if that is what went wrong. */
  static Optional<String> unreadable(Throwable thrown) {
    for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
      Matcher matcher = QUERY_PARAM.matcher(String.valueOf(t.getMessage()));
      if (matcher.find()) {
        return Optional.of(matcher.group(1));
      }
    }
    return Optional.empty();
  }

  /** What the resource method's parameter of that name takes, in words. */
  static String expected(ResourceInfo resource, String name) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method != null) {
      for (Parameter parameter : method.getParameters()) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null && query.value().equals(name)) {
          Class<?> type = parameter.getType();
          if (type == int.class || type == Integer.class || type == long.class) {
            return "must be a whole number";
          }
          if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
          }
        }
      }
    }
    return "has a value of the wrong type";
  }
}
