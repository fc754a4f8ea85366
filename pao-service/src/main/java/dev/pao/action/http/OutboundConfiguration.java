package dev.pao.action.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbound policy shared by every executor: the allowlist for templated targets ({@code
 * pao.http.allowed-hosts}), the private networks they may reach ({@code
 * pao.http.allowed-networks}), stand-ins for hosts ({@code pao.http.redirect-hosts}) and the
 * per-host circuit breaker ({@code pao.http.breaker.failures}, {@code
 * pao.http.breaker.open-seconds}), whose state is the metric {@code
 * pao_outbound_circuit_open{host}}.
 */
@ApplicationScoped
public class OutboundConfiguration {
  private static final Metadata CIRCUIT_OPEN =
      Metadata.builder()
          .withName("pao.outbound.circuit.open")
          .withDescription("1 while calls to the host are refused by its circuit breaker")
          .build();

  @Inject Config config;
  @Inject MetricRegistry metrics;
  @Inject OutboundMetrics calls;

  @Produces
  @Singleton
  OutboundPolicy policy() {
    HostPolicy hosts =
        new HostPolicy(
            config.getOptionalValues("pao.http.allowed-hosts", String.class).orElse(List.of()),
            HostPolicy.redirects(
                config
                    .getOptionalValues("pao.http.redirect-hosts", String.class)
                    .orElse(List.of())),
            AddressRanges.parse(
                config
                    .getOptionalValues("pao.http.allowed-networks", String.class)
                    .orElse(List.of())));
    HostBreakers breakers =
        new HostBreakers(
            config.getOptionalValue("pao.http.breaker.failures", Integer.class).orElse(5),
            Duration.ofSeconds(
                config.getOptionalValue("pao.http.breaker.open-seconds", Integer.class).orElse(30)),
            (host, state) ->
                // Metadata and tags, not a MetricID: Liberty drops the MetricID's tags of a gauge.
                metrics.gauge(
                    CIRCUIT_OPEN,
                    host,
                    (Function<String, Long>) state::applyAsLong,
                    hostTag(host)));
    return new OutboundPolicy(hosts, breakers, calls);
  }

  private static Tag hostTag(String host) {
    return new Tag("host", host);
  }
}
