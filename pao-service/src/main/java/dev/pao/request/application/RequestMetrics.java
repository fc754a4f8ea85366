package dev.pao.request.application;

import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestStatus;
import dev.pao.request.domain.StatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The business meters of requests, fed from the places where requests change: submission ({@code
 * pao_requests_submitted_total{item}}), the one place status changes are recorded ({@code
 * pao_requests_finished_total{item,outcome}}, {@code pao_request_fulfilment_seconds{item}} from
 * submission to completion) and the one place an action attempt ends ({@code
 * pao_actions_finished_total{type,automation,outcome}}, {@code pao_request_retries_total{outcome}}
 * for attempts after a person's retry). Meters move only when the transaction commits, so a
 * rolled-back change (a lost optimistic lock) is never counted.
 */
@ApplicationScoped
public class RequestMetrics {
  static final String SUBMITTED = "pao.requests.submitted";
  static final String FINISHED = "pao.requests.finished";
  static final String FULFILMENT = "pao.request.fulfilment";
  static final String ACTIONS = "pao.actions.finished";
  static final String RETRIES = "pao.request.retries";

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          SUBMITTED, "Requests submitted, by catalog item",
          FINISHED, "Requests that completed, failed or were aborted, by catalog item and outcome",
          FULFILMENT, "Time from submission to completion, by catalog item",
          ACTIONS, "Action attempts that ended, by type, automation (manual: JIRA) and outcome",
          RETRIES, "Action attempts after a person's retry that ended, by outcome");

  /** Meter changes waiting for their transaction to commit. */
  public record AfterCommit(Runnable change) {}

  @Inject MetricRegistry registry;
  @Inject Event<AfterCommit> afterCommit;

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /** The retry outcomes exist from the start, so their ratio is defined before the first retry. */
  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    counter(RETRIES, "outcome", "succeeded");
    counter(RETRIES, "outcome", "failed");
  }

  /** Meters that record nothing, for components assembled without CDI (tests). */
  static RequestMetrics none() {
    return new RequestMetrics();
  }

  /** A request was stored in {@code submitted}. */
  public void submitted(Request request) {
    String item = request.catalog().id();
    later(() -> counter(SUBMITTED, "item", item).inc());
  }

  /** A status change was recorded. */
  public void changed(Request request, StatusChange change) {
    String outcome = finishOutcome(change.to());
    if (outcome == null) {
      return;
    }
    String item = request.catalog().id();
    Duration fulfilment = Duration.between(request.createdAt(), change.at());
    later(
        () -> {
          counter(FINISHED, "item", item, "outcome", outcome).inc();
          if (change.to() == RequestStatus.COMPLETED) {
            timer(item).update(fulfilment.isNegative() ? Duration.ZERO : fulfilment);
          }
        });
  }

  /** An attempt of {@code action} ended with {@code outcome} (completed, failed, transient). */
  public void attemptFinished(RequestAction action, String outcome) {
    String result = actionOutcome(outcome);
    if (result == null) {
      return;
    }
    String type = action.step().type();
    boolean retried = action.attempt() > 1;
    later(
        () -> {
          counter(ACTIONS, "type", type, "automation", automation(type), "outcome", result).inc();
          if (retried) {
            counter(RETRIES, "outcome", result).inc();
          }
        });
  }

  void apply(@Observes(during = TransactionPhase.AFTER_SUCCESS) AfterCommit pending) {
    pending.change().run();
  }

  private void later(Runnable change) {
    if (registry == null) {
      return;
    }
    afterCommit.fire(new AfterCommit(change));
  }

  /** The outcome label of a finished run, or null when {@code to} does not end one. */
  static String finishOutcome(RequestStatus to) {
    return switch (to) {
      case COMPLETED -> "completed";
      case FAILED -> "failed";
      case ABORTED -> "aborted";
      default -> null;
    };
  }

  /** {@code succeeded} or {@code failed}; null for an attempt whose outcome is unknown. */
  static String actionOutcome(String attemptOutcome) {
    return switch (attemptOutcome) {
      case "completed" -> "succeeded";
      case "failed" -> "failed";
      default -> null;
    };
  }

  /** A JIRA action is fulfilled by a person working the ticket; every other type by a machine. */
  static String automation(String type) {
    return "jira".equals(type) ? "manual" : "automated";
  }

  private Counter counter(String name, String... labels) {
    return counters.computeIfAbsent(
        name + String.join("\n", labels), key -> registry.counter(metadata(name), tags(labels)));
  }

  private Timer timer(String item) {
    return timers.computeIfAbsent(
        item, key -> registry.timer(metadata(FULFILMENT), new Tag("item", item)));
  }

  private static Metadata metadata(String name) {
    return Metadata.builder().withName(name).withDescription(DESCRIPTIONS.get(name)).build();
  }

  private static Tag[] tags(String... labels) {
    Tag[] tags = new Tag[labels.length / 2];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(labels[2 * i], labels[2 * i + 1]);
    }
    return tags;
  }
}
