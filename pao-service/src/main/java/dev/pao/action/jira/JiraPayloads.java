package dev.pao.action.jira;

import dev.pao.action.spi.ActionCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The create-issue payload of the JIRA REST API from a rendered jira action: project, issue type,
 * summary, description (plain text in v2, Atlassian Document Format in v3), priority, labels (plus
 * the idempotency label), components and custom fields as given.
 */
final class JiraPayloads {
  private JiraPayloads() {}

  static Map<String, Object> createIssue(ActionCall call, int apiVersion, String label) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("project", Map.of("key", call.required("project")));
    fields.put("issuetype", Map.of("name", call.required("issueType")));
    fields.put("summary", call.required("summary"));
    String description = call.text("description");
    if (description != null && !description.isBlank()) {
      fields.put("description", apiVersion >= 3 ? adf(description) : description);
    }
    String priority = call.text("priority");
    if (priority != null && !priority.isBlank()) {
      fields.put("priority", Map.of("name", priority));
    }
    List<String> labels = new ArrayList<>();
    for (Object value : list(call.spec().get("labels"))) {
      String text = String.valueOf(value).trim().replace(' ', '-');
      if (!text.isEmpty()) {
        labels.add(text);
      }
    }
    labels.add(label);
    fields.put("labels", labels);
    List<Map<String, Object>> components = new ArrayList<>();
    for (Object value : list(call.spec().get("components"))) {
      components.add(Map.of("name", String.valueOf(value)));
    }
    if (!components.isEmpty()) {
      fields.put("components", components);
    }
    if (call.spec().get("fields") instanceof Map<?, ?> custom) {
      custom.forEach((key, value) -> fields.put(String.valueOf(key), value));
    }
    return Map.of("fields", fields);
  }

  /** Plain text as an Atlassian Document: one paragraph per block, hard breaks within. */
  static Map<String, Object> adf(String text) {
    List<Object> paragraphs = new ArrayList<>();
    for (String block : text.strip().split("\\n\\s*\\n")) {
      List<Object> content = new ArrayList<>();
      String[] lines = block.split("\\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          content.add(Map.of("type", "hardBreak"));
        }
        if (!lines[i].isEmpty()) {
          content.add(Map.of("type", "text", "text", lines[i]));
        }
      }
      paragraphs.add(Map.of("type", "paragraph", "content", content));
    }
    return Map.of("type", "doc", "version", 1, "content", paragraphs);
  }

  /** The link saying {@code dependent} "is blocked by" {@code dependency}. */
  static Map<String, Object> blocksLink(String dependency, String dependent) {
    return Map.of(
        "type", Map.of("name", "Blocks"),
        "outwardIssue", Map.of("key", dependency),
        "inwardIssue", Map.of("key", dependent));
  }

  private static List<?> list(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    return value == null || String.valueOf(value).isBlank() ? List.of() : List.of(value);
  }
}
