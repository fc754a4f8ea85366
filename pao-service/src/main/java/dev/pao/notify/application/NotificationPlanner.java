package dev.pao.notify.application;

import dev.pao.governance.ApprovalGate;
import dev.pao.notify.domain.Channel;
import dev.pao.notify.domain.Notification;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which notifications a status change calls for. A change to one of the configured events ({@link
 * NotifySettings#events}) notifies the requester by e-mail and the owning team through each channel
 * it has configured (e-mail addresses, a webhook); an escalation also asks for a ticket in the
 * support project, whatever the events. One event has one row per channel and recipient, all with
 * the same event key: {@code request-<id>.<status>.<epoch millis of the change>}.
 */
public final class NotificationPlanner {
  private final NotifySettings settings;

  public NotificationPlanner(NotifySettings settings) {
    this.settings = settings;
  }

  /** The planned notifications, and whether an escalation found no support project. */
  public record Plan(List<Notification> notifications, boolean supportTicketMissing) {}

  public Plan plan(Request request, StatusChange change, List<RequestAction> actions, Instant now) {
    String status = change.to().wireName();
    boolean escalated = "escalated".equals(status);
    boolean notifies = settings.events().contains(status);
    if (!notifies && !escalated) {
      return new Plan(List.of(), false);
    }
    RequestFacts facts =
        RequestFacts.of(request, change, actions, settings.requestLink(request.id().toString()));
    String event = "request." + status;
    String key = eventKey(request, change);
    List<Notification> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (notifies) {
      Map<String, Object> mail = NotificationContent.email(facts);
      add(rows, seen, request, event, key, Channel.EMAIL, facts.requesterEmail(), mail, now);
      List<String> teams = new ArrayList<>();
      if (facts.owner() != null) {
        teams.add(facts.owner());
      }
      if ("awaiting_approval".equals(status)) {
        // The approvers are told what waits for them, through their teams' channels.
        ApprovalGate.before(ApprovalGate.of(request.plan()), request.currentActionIndex())
            .ifPresent(gate -> teams.addAll(gate.approvers().teams()));
      }
      for (String team : teams) {
        for (String address : settings.teamEmails(team)) {
          add(rows, seen, request, event, key, Channel.EMAIL, address, mail, now);
        }
        if (settings.teamWebhook(team).isPresent()) {
          Map<String, Object> hook = NotificationContent.webhook(facts);
          add(rows, seen, request, event, key, Channel.WEBHOOK, team, hook, now);
        }
      }
    }
    boolean missing = false;
    if (escalated) {
      Optional<NotifySettings.SupportTarget> target = settings.supportFor(facts.owner());
      if (target.isPresent()) {
        add(
            rows,
            seen,
            request,
            event,
            key,
            Channel.JIRA_SUPPORT,
            target.get().instance() + "/" + target.get().project(),
            NotificationContent.supportTicket(facts, target.get()),
            now);
      } else {
        missing = true;
      }
    }
    return new Plan(rows, missing);
  }

  /** The key of one transition: the same for every row of the event, unique among events. */
  public static String eventKey(Request request, StatusChange change) {
    return "request-"
        + request.id()
        + "."
        + change.to().wireName()
        + "."
        + change.at().toEpochMilli();
  }

  private static void add(
      List<Notification> rows,
      Set<String> seen,
      Request request,
      String event,
      String key,
      Channel channel,
      String recipient,
      Map<String, Object> payload,
      Instant now) {
    if (recipient == null || recipient.isBlank() || !seen.add(channel + " " + recipient)) {
      return;
    }
    rows.add(new Notification(request.id(), event, key, channel, recipient, payload, now));
  }
}
