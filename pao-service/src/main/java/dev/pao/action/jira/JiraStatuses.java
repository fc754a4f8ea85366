package dev.pao.action.jira;

import dev.pao.action.spi.ExternalStatus;
import java.util.Map;

/** JIRA status categories in PAO's fulfilment view: new -> open, indeterminate -> in_progress. */
final class JiraStatuses {
  private JiraStatuses() {}

  static ExternalStatus of(Map<String, Object> issue) {
    Object fields = issue.get("fields");
    Object status = fields instanceof Map<?, ?> map ? map.get("status") : null;
    if (!(status instanceof Map<?, ?> statusMap)) {
      return new ExternalStatus("unknown", "unknown");
    }
    String name = String.valueOf(statusMap.get("name"));
    Object category = statusMap.get("statusCategory");
    String key = category instanceof Map<?, ?> c ? String.valueOf(c.get("key")) : "";
    String fulfilment =
        switch (key) {
          case "new" -> "open";
          case "indeterminate" -> "in_progress";
          case "done" -> "done";
          default -> "unknown";
        };
    return new ExternalStatus(name, fulfilment);
  }
}
