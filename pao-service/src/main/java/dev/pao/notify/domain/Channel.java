package dev.pao.notify.domain;

import java.util.Arrays;

/** How a notification leaves: e-mail, a chat webhook, or a ticket in the support JIRA project. */
public enum Channel {
  EMAIL("email"),
  WEBHOOK("webhook"),
  JIRA_SUPPORT("jira-support");

  private final String wireName;

  Channel(String wireName) {
    this.wireName = wireName;
  }

  /** The channel as the database and the metrics spell it. */
  public String wireName() {
    return wireName;
  }

  public static Channel fromWireName(String value) {
    return Arrays.stream(values())
        .filter(channel -> channel.wireName.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown channel " + value));
  }
}
