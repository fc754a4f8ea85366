package dev.pao.catalog.preview;

import dev.pao.template.Escaping;
import java.util.Locale;
import java.util.Map;

/**
 * How values inserted into one key of an action are escaped, chosen from the place the rendered text
 * lands. The preview and the runtime both ask here, so a preview shows what will really be sent:
 *
 * <ul>
 *   <li>a REST {@code url}: URL component encoding;
 *   <li>a REST {@code body} string: by its {@code Content-Type} header (JSON, YAML, form-encoded),
 *       else JSON when it starts with {@code {} or {@code [}, else plain text; a map or list body
 *       is rendered leaf by leaf and serialised as JSON afterwards, so its leaves are plain text;
 *   <li>{@code github-commit} {@code content}: by the file's extension ({@code .yaml}/{@code .yml}
 *       YAML, {@code .json} JSON), else plain text;
 *   <li>everything else: plain text (JIRA fields, commit messages, workflow inputs and Terraform
 *       variables are sent as JSON values, which the serialiser escapes).
 * </ul>
 */
public final class ActionEscaping {
  private ActionEscaping() {}

  public static Escaping of(String type, String key, Object value, Map<?, ?> action) {
    if ("rest".equals(type) && "url".equals(key)) {
      return Escaping.URL_COMPONENT;
    }
    if ("rest".equals(type) && "body".equals(key) && value instanceof String text) {
      return bodyEscaping(contentType(action), text);
    }
    if ("github-commit".equals(type) && "content".equals(key) && value instanceof String) {
      return byExtension(action.get("path"));
    }
    return Escaping.TEXT;
  }

  private static Escaping bodyEscaping(String contentType, String text) {
    if (contentType.contains("json")) {
      return Escaping.JSON_DOCUMENT;
    }
    if (contentType.contains("yaml")) {
      return Escaping.YAML;
    }
    if (contentType.contains("x-www-form-urlencoded")) {
      return Escaping.URL_COMPONENT;
    }
    if (!contentType.isEmpty()) {
      return Escaping.TEXT;
    }
    String trimmed = text.trim();
    return trimmed.startsWith("{") || trimmed.startsWith("[")
        ? Escaping.JSON_DOCUMENT
        : Escaping.TEXT;
  }

  private static String contentType(Map<?, ?> action) {
    if (action.get("headers") instanceof Map<?, ?> headers) {
      for (Map.Entry<?, ?> header : headers.entrySet()) {
        if ("content-type".equalsIgnoreCase(String.valueOf(header.getKey()).trim())) {
          return String.valueOf(header.getValue()).toLowerCase(Locale.ROOT);
        }
      }
    }
    return "";
  }

  private static Escaping byExtension(Object path) {
    String file = path == null ? "" : String.valueOf(path).trim().toLowerCase(Locale.ROOT);
    if (file.endsWith(".yaml") || file.endsWith(".yml")) {
      return Escaping.YAML;
    }
    if (file.endsWith(".json")) {
      return Escaping.JSON_DOCUMENT;
    }
    return Escaping.TEXT;
  }
}
