package dev.pao.action.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.CircuitOpenException;
import dev.pao.action.spi.TransientActionException;
import dev.pao.shared.correlation.Correlation;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The policy every outbound call goes through: breakers per host, budget, 429 waits. */
class OutboundPolicyTest {
  private static final URI ONE = URI.create("http://localhost:1/api");
  private static final URI OTHER = URI.create("http://127.0.0.1:1/api");

  private final MovableClock clock = new MovableClock();
  private final List<String> gauges = new ArrayList<>();
  private final HostBreakers breakers =
      new HostBreakers(3, Duration.ofSeconds(30), (host, state) -> gauges.add(host), clock);
  private final OutboundPolicy policy =
      new OutboundPolicy(
          new HostPolicy(
              List.of("localhost", "127.0.0.1"),
              Map.of(),
              AddressRanges.parse(List.of("127.0.0.0/8", "::1"))),
          breakers,
          clock);
  private final AtomicInteger heartbeats = new AtomicInteger();

  @Test
  void consecutiveFailuresOpenTheHostsCircuit() {
    for (int i = 0; i < 3; i++) {
      assertThrows(TransientActionException.class, () -> call(ONE, serverError()));
    }
    assertTrue(policy.circuitOpen("localhost"));
    AtomicInteger calls = new AtomicInteger();
    TransientActionException paused =
        assertThrows(TransientActionException.class, () -> call(ONE, counting(calls)));
    assertTrue(paused.getMessage().contains("circuit open"), paused.getMessage());
    assertEquals(0, calls.get(), "no call is made while the circuit is open");
    assertEquals(List.of("localhost"), gauges, "one metric per host");
  }

  @Test
  void aRefusedCallSaysHowLongTheCircuitStaysOpen() {
    openCircuit(ONE);
    clock.advance(Duration.ofSeconds(12));

    CircuitOpenException open =
        assertThrows(CircuitOpenException.class, () -> call(ONE, () -> "never"));

    assertEquals(Duration.ofSeconds(18), open.retryAfter());
    assertEquals(Duration.ofSeconds(18), breakers.remainingOpen("LOCALHOST"));
    assertEquals(Duration.ZERO, breakers.remainingOpen("127.0.0.1"), "never opened");
  }

  @Test
  void answersInBetweenKeepTheCircuitClosed() {
    for (int i = 0; i < 5; i++) {
      assertThrows(TransientActionException.class, () -> call(ONE, serverError()));
      assertThrows(ActionFailedException.class, () -> call(ONE, rejected()));
    }
    assertFalse(policy.circuitOpen("localhost"));
  }

  @Test
  void afterTheOpenPeriodOneTrialCallDecides() {
    openCircuit(ONE);
    clock.advance(Duration.ofSeconds(31));
    assertThrows(TransientActionException.class, () -> call(ONE, serverError()));
    assertTrue(policy.circuitOpen("localhost"), "a failed trial opens it again");
    clock.advance(Duration.ofSeconds(31));
    assertEquals("ok", call(ONE, () -> "ok"));
    assertFalse(policy.circuitOpen("localhost"), "a successful trial closes it");
    assertEquals("ok", call(ONE, () -> "ok"));
  }

  @Test
  void eachHostHasItsOwnCircuit() {
    openCircuit(ONE);
    assertTrue(policy.circuitOpen("localhost"));
    assertFalse(policy.circuitOpen("127.0.0.1"));
    assertEquals("ok", call(OTHER, () -> "ok"));
  }

  @Test
  void noAnswerIsTransientAndAFailureOfTheHost() {
    for (int i = 0; i < 3; i++) {
      TransientActionException unreachable =
          assertThrows(
              TransientActionException.class,
              () ->
                  call(
                      ONE,
                      () -> {
                        throw new UncheckedIOException(new ConnectException("refused"));
                      }));
      assertTrue(unreachable.getMessage().contains("No response from localhost"));
    }
    assertTrue(policy.circuitOpen("localhost"));
  }

  @Test
  void aProblemBeforeSendingIsNeitherSuccessNorFailure() {
    for (int i = 0; i < 2; i++) {
      assertThrows(TransientActionException.class, () -> call(ONE, serverError()));
    }
    for (int i = 0; i < 5; i++) {
      assertThrows(
          ActionFailedException.class,
          () ->
              call(
                  ONE,
                  () -> {
                    throw new IllegalStateException(
                        new ActionFailedException("The secret 'x' is not configured"));
                  }));
    }
    assertFalse(policy.circuitOpen("localhost"));
    assertThrows(TransientActionException.class, () -> call(ONE, serverError()));
    assertTrue(policy.circuitOpen("localhost"), "the earlier failures still count");
  }

  @Test
  void rateLimitingIsWaitedOutAndTheCallRepeated() {
    AtomicInteger calls = new AtomicInteger();
    String answer =
        call(
            ONE,
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new RateLimitedException("localhost", "0");
              }
              return "ok";
            });
    assertEquals("ok", answer);
    assertEquals(2, calls.get());
    assertEquals(1, heartbeats.get(), "the message was kept visible while waiting");
  }

  @Test
  void rateLimitingLongerThanTheBudgetIsTransient() {
    TransientActionException limited =
        assertThrows(
            TransientActionException.class,
            () ->
                call(
                    ONE,
                    () -> {
                      throw new RateLimitedException("localhost", "600");
                    }));
    assertTrue(limited.getMessage().contains("longer than the action's time budget"));
  }

  @Test
  void aSpentBudgetMakesNoCall() {
    AtomicInteger calls = new AtomicInteger();
    ActionCall late = call(clock.instant().minusSeconds(1));
    assertThrows(
        TransientActionException.class, () -> policy.callConfigured(ONE, late, counting(calls)));
    assertEquals(0, calls.get());
  }

  @Test
  void theTimeoutOfAnAttemptIsTheRestOfTheBudgetAtMostThirtySeconds() {
    assertEquals(Duration.ofSeconds(30), policy.timeout(call(clock.instant().plusSeconds(300))));
    assertEquals(Duration.ofSeconds(7), policy.timeout(call(clock.instant().plusSeconds(7))));
  }

  @Test
  void theCallsCorrelationIdIsBoundWhileItRuns() {
    assertEquals("corr-7", call(ONE, Correlation::current));
  }

  @Test
  void templatedTargetsMustBeAllowed() {
    assertThrows(
        ActionFailedException.class,
        () ->
            policy.callTemplated(
                URI.create("http://example.org/x"),
                call(clock.instant().plusSeconds(20)),
                attempt -> "never",
                answer -> false));
  }

  private void openCircuit(URI target) {
    for (int i = 0; i < 3; i++) {
      assertThrows(TransientActionException.class, () -> call(target, serverError()));
    }
  }

  private <T> T call(URI target, Supplier<T> exchange) {
    return policy.callConfigured(target, call(clock.instant().plusSeconds(20)), exchange);
  }

  private ActionCall call(Instant deadline) {
    return new ActionCall(
        UUID.randomUUID(),
        0,
        1,
        Map.of(),
        List.of(),
        "corr-7",
        deadline,
        heartbeats::incrementAndGet);
  }

  private static Supplier<String> serverError() {
    return () -> {
      throw new ServerErrorException("answered 503");
    };
  }

  private static Supplier<String> rejected() {
    return () -> {
      throw new RejectedAnswerException(400, "rejected", Map.of());
    };
  }

  private static Supplier<String> counting(AtomicInteger calls) {
    return () -> {
      calls.incrementAndGet();
      return "ok";
    };
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
