package dev.pao.notify.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a notification, rendered when its row is written: an e-mail's subject and text, a
 * Slack-compatible incoming-webhook body ({@code text} plus {@code blocks}), and the summary and
 * description of a support ticket.
 */
final class NotificationContent {
  private NotificationContent() {}

  static Map<String, Object> email(RequestFacts facts) {
    Map<String, Object> mail = new LinkedHashMap<>();
    mail.put("subject", headline(facts));
    mail.put("text", String.join("\n", lines(facts)) + "\n");
    mail.put("request", facts.toMap());
    return mail;
  }

  static Map<String, Object> webhook(RequestFacts facts) {
    List<Object> blocks = new ArrayList<>();
    blocks.add(
        Map.of(
            "type",
            "section",
            "text",
            Map.of(
                "type",
                "mrkdwn",
                "text",
                "*"
                    + facts.itemName()
                    + "* request `"
                    + facts.requestId()
                    + "` is *"
                    + facts.status()
                    + "*"
                    + (facts.reason() == null ? "" : "\n" + facts.reason()))));
    List<Object> fields = new ArrayList<>();
    fields.add(Map.of("type", "mrkdwn", "text", "*Item*\n" + facts.itemId()));
    fields.add(Map.of("type", "mrkdwn", "text", "*Requester*\n" + facts.requesterEmail()));
    if (facts.failedAction() != null) {
      RequestFacts.FailedAction failed = facts.failedAction();
      fields.add(
          Map.of(
              "type",
              "mrkdwn",
              "text",
              "*Failed action*\n#" + failed.index() + " " + failed.type() + ": " + failed.error()));
    }
    blocks.add(Map.of("type", "section", "fields", fields));
    blocks.add(
        Map.of(
            "type",
            "context",
            "elements",
            List.of(Map.of("type", "mrkdwn", "text", "<" + facts.link() + "|Open the request>"))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", headline(facts) + " " + facts.link());
    body.put("blocks", blocks);
    return Map.of("body", body, "request", facts.toMap());
  }

  static Map<String, Object> supportTicket(
      RequestFacts facts, NotifySettings.SupportTarget target) {
    Map<String, Object> ticket = new LinkedHashMap<>();
    ticket.put("instance", target.instance());
    ticket.put("project", target.project());
    ticket.put("issue_type", target.issueType());
    ticket.put(
        "summary", "[PAO] " + facts.itemId() + " request " + facts.requestId() + " escalated");
    ticket.put("description", String.join("\n", lines(facts)));
    ticket.put("request", facts.toMap());
    return ticket;
  }

  private static String headline(RequestFacts facts) {
    return "[PAO] " + facts.itemName() + " request " + shortId(facts) + " is " + facts.status();
  }

  private static List<String> lines(RequestFacts facts) {
    List<String> lines = new ArrayList<>();
    lines.add("Request: " + facts.requestId());
    lines.add("Item: " + facts.itemName() + " (" + facts.itemId() + ")");
    lines.add(
        "Requester: "
            + (facts.requesterName() == null ? "" : facts.requesterName() + " ")
            + "<"
            + facts.requesterEmail()
            + ">");
    if (facts.owner() != null) {
      lines.add("Owning team: " + facts.owner());
    }
    lines.add("Status: " + facts.status());
    if (facts.reason() != null) {
      lines.add("Reason: " + facts.reason());
    }
    if (facts.failedAction() != null) {
      RequestFacts.FailedAction failed = facts.failedAction();
      lines.add(
          "Failed action: #"
              + failed.index()
              + " "
              + failed.actionId()
              + " ("
              + failed.type()
              + "): "
              + failed.error());
    }
    lines.add("Link: " + facts.link());
    return lines;
  }

  private static String shortId(RequestFacts facts) {
    return facts.requestId().length() > 8 ? facts.requestId().substring(0, 8) : facts.requestId();
  }
}
