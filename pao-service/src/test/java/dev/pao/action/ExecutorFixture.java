package dev.pao.action;

import dev.pao.action.http.AddressRanges;
import dev.pao.action.http.HostPolicy;
import dev.pao.action.http.OutboundPolicy;
import dev.pao.action.secret.SecretStore;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ExternalRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What executor contract tests share: the outbound policy (localhost allowed), secrets, and action
 * calls.
 */
public final class ExecutorFixture {
  public static final String TOKEN = "tok-3f9a-SECRET-value";
  public static final UUID REQUEST = UUID.fromString("11111111-2222-3333-4444-555555555555");

  /** WireMock listens on loopback, which outbound calls may reach only when allowed. */
  public static final AddressRanges LOOPBACK = AddressRanges.parse(List.of("127.0.0.0/8", "::1"));

  public final AtomicInteger heartbeats = new AtomicInteger();
  public final OutboundPolicy policy =
      new OutboundPolicy(
          new HostPolicy(List.of("localhost"), Map.of(), LOOPBACK), 5, Duration.ofSeconds(30));
  public final SecretStore secrets =
      new SecretStore(
          key ->
              Optional.ofNullable(
                  Map.of("pao.secret.jira-default-token", TOKEN, "pao.secret.api-token", TOKEN)
                      .get(key)));

  public ActionCall call(Map<String, Object> spec) {
    return call(spec, List.of(), Duration.ofSeconds(20));
  }

  public ActionCall call(
      Map<String, Object> spec, List<ExternalRef> dependencies, Duration budget) {
    return new ActionCall(
        REQUEST,
        2,
        1,
        spec,
        dependencies,
        "corr-test-1",
        Instant.now().plus(budget),
        heartbeats::incrementAndGet);
  }
}
