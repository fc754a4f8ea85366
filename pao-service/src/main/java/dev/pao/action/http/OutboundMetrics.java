package dev.pao.action.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Rate, errors and duration of the integrations, counted where every outbound call passes ({@link
 * OutboundPolicy}): {@code pao_outbound_calls_total{target,host,outcome}} and {@code
 * pao_outbound_call_duration_seconds{target}}. The target is the kind of the configured instance
 * called ({@code jira}, {@code github}, {@code terraform}) or {@code rest} for a templated URL.
 */
@ApplicationScoped
public class OutboundMetrics implements OutboundCallListener {
  static final List<String> KINDS = List.of("jira", "github", "terraform");
  static final String REST = "rest";

  @Inject MetricRegistry registry;
  @Inject Config config;

  private final Map<URI, String> kinds = new HashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private Metadata calls;
  private Metadata duration;

  @PostConstruct
  void describe() {
    for (String kind : KINDS) {
      ServiceInstance.load(kind, 0, key -> config.getOptionalValue(key, String.class))
          .values()
          .forEach(instance -> kinds.putIfAbsent(instance.baseUrl(), kind));
    }
    calls =
        Metadata.builder()
            .withName("pao.outbound.calls")
            .withDescription("Outbound call attempts, by target, host and outcome")
            .build();
    duration =
        Metadata.builder()
            .withName("pao.outbound.call.duration")
            .withDescription("Time an outbound call attempt took, by target")
            .build();
  }

  @Override
  public void finished(URI configured, String host, OutboundOutcome outcome, long nanos) {
    String target = configured == null ? REST : kinds.getOrDefault(configured, "other");
    counters
        .computeIfAbsent(
            target + '\n' + host + '\n' + outcome.label(),
            key ->
                registry.counter(
                    calls,
                    new Tag("target", target),
                    new Tag("host", host),
                    new Tag("outcome", outcome.label())))
        .inc();
    if (outcome != OutboundOutcome.CIRCUIT_OPEN) {
      timers
          .computeIfAbsent(target, key -> registry.timer(duration, new Tag("target", target)))
          .update(Duration.ofNanos(nanos));
    }
  }
}
