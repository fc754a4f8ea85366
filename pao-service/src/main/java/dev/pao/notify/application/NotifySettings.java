package dev.pao.notify.application;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What notifies whom, read from configuration: the events ({@code pao.notify.events}, the wire
 * names of the statuses; all five unless set), each team's channels ({@code
 * pao.notify.team.<team>.email}, comma-separated, and {@code pao.notify.team.<team>.webhook-url};
 * as environment variables {@code PAO_NOTIFY_TEAM_TEAM_PLATFORM_EMAIL}, MicroProfile Config's
 * mapping of any character other than letters and digits to {@code _}), the portal's address for
 * links ({@code pao.portal.url}), the support JIRA ({@code pao.support.jira.instance|project|
 * issue-type}, {@code pao.support.team.<team>.project}), and the relay's patience ({@code
 * pao.notify.max-attempts}, {@code pao.notify.backoff-first-seconds|backoff-max-seconds}).
 */
public final class NotifySettings {
  /** The statuses that notify unless configured otherwise. */
  public static final Set<String> DEFAULT_EVENTS =
      Set.of("failed", "stuck", "awaiting_approval", "completed", "escalated");

  private final Function<String, Optional<String>> lookup;

  public NotifySettings(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  /** The status wire names a change to which notifies. */
  public Set<String> events() {
    return text("pao.notify.events")
        .map(NotifySettings::items)
        .map(Set::copyOf)
        .orElse(DEFAULT_EVENTS);
  }

  /** The addresses a team is told at by e-mail. */
  public List<String> teamEmails(String team) {
    return text("pao.notify.team." + team + ".email").map(NotifySettings::items).orElse(List.of());
  }

  /** The incoming-webhook address of a team's chat, if it has one. */
  public Optional<String> teamWebhook(String team) {
    return text("pao.notify.team." + team + ".webhook-url");
  }

  /** The link to a request in the portal (relative when {@code pao.portal.url} is not set). */
  public String requestLink(String requestId) {
    String base = text("pao.portal.url").orElse("");
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/#/requests/" + requestId;
  }

  /** The support project a team's escalations go to: its own, else the default one. */
  public Optional<SupportTarget> supportFor(String team) {
    Optional<String> project =
        (team == null ? Optional.<String>empty() : text("pao.support.team." + team + ".project"))
            .or(() -> text("pao.support.jira.project"));
    return project.map(
        key ->
            new SupportTarget(
                text("pao.support.jira.instance").orElse("default"),
                key,
                text("pao.support.jira.issue-type").orElse("Task")));
  }

  /** How many sends a notification gets before the relay gives it up. */
  public int maxAttempts() {
    return text("pao.notify.max-attempts").map(Integer::parseInt).orElse(8);
  }

  /** The back-off between a notification's sends. */
  public NotificationBackoff backoff() {
    return new NotificationBackoff(
        Duration.ofSeconds(
            text("pao.notify.backoff-first-seconds").map(Long::parseLong).orElse(5L)),
        Duration.ofSeconds(
            text("pao.notify.backoff-max-seconds").map(Long::parseLong).orElse(600L)));
  }

  /** Where escalation tickets are created: JIRA instance, project key and issue type. */
  public record SupportTarget(String instance, String project, String issueType) {}

  private Optional<String> text(String key) {
    return lookup.apply(key).map(String::trim).filter(value -> !value.isEmpty());
  }

  private static List<String> items(String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(item -> !item.isEmpty())
        .collect(Collectors.toList());
  }
}
