package dev.pao.sqs.ra;

import static dev.pao.sqs.ra.TestActivation.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.UnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class OutageTest {
  private static final String STARTED = "is unreachable";
  private static final String ENDED = "is reachable again";

  private final CapturedLog log = CapturedLog.of(OutageMonitor.class);
  private TestActivation activation;

  @AfterEach
  void stop() {
    if (activation != null) {
      activation.close();
    }
    log.close();
  }

  @Test
  void aPollerBacksOffFrom250MillisDoublingUpToFiveSecondsAndStartsOverAfterASuccess()
      throws UnavailableException {
    activation = new TestActivation(1);
    activation.sqs.failReceives(8);
    activation.sqs.answerReceives(1);
    activation.sqs.failReceives(1);
    activation.start();

    eventually().until(() -> activation.pauses.of("poller-0").size() == 9);
    assertEquals(
        List.of(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L, 250L),
        activation.pauses.of("poller-0").stream().map(Duration::toMillis).toList());
    assertEquals(9, activation.stats().getQueueErrors());
  }

  @Test
  void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEndsHoweverManyCallsFail()
      throws UnavailableException {
    activation = new TestActivation(3);
    activation.sqs.failReceives(12);
    FakeSqs.Gate recovery = activation.sqs.holdReceives();
    activation.start();

    eventually().until(() -> pausesOfPollers() == 12);
    assertTrue(activation.stats().isQueueUnreachable());
    assertEquals(1, log.at(Level.WARNING, STARTED).size());
    assertEquals(List.of(), log.at(Level.INFO, ENDED));
    recovery.open();

    eventually().until(() -> !activation.stats().isQueueUnreachable());
    assertEquals(1, log.at(Level.WARNING, STARTED).size());
    assertEquals(1, log.at(Level.INFO, ENDED).size());
    assertTrue(
        log.at(Level.WARNING, STARTED).get(0).contains("Connection refused"), "names the cause");
    assertEquals(12, activation.stats().getQueueErrors());
  }

  @Test
  void aCallStartedBeforeTheOutageBeganDoesNotEndIt() {
    OutageMonitor monitor = new OutageMonitor("q.fifo");
    Instant longPollStarted = Instant.now();
    monitor.failed(SdkClientException.create("Connection refused"));

    monitor.succeeded(longPollStarted);
    assertTrue(monitor.down());
    monitor.succeeded(Instant.now().plusMillis(1));
    assertFalse(monitor.down());
    assertEquals(1, log.at(Level.INFO, ENDED).size());
  }

  private int pausesOfPollers() {
    int pauses = 0;
    for (int poller = 0; poller < 3; poller++) {
      pauses += activation.pauses.of("poller-" + poller).size();
    }
    return pauses;
  }
}
