package dev.pao.sqs.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqsActivationSpecTest {

  @Test
  void blankOptionalPropertiesMeanAwsDefaults() throws InvalidPropertyException {
    SqsActivationSpec spec = new SqsActivationSpec();
    spec.setQueueUrl(" http://localhost:9324/000000000000/pao-actions.fifo ");
    spec.setEndpoint("");
    spec.setAccessKeyId(" ");
    BridgeSettings settings = spec.settings();
    assertEquals("pao-actions.fifo", settings.queueName());
    assertEquals(Optional.empty(), settings.endpoint());
    assertEquals(Optional.empty(), settings.accessKeyId());
    assertEquals(10, settings.maxConcurrency());
    assertEquals(Duration.ofSeconds(20), settings.heartbeatInterval());
    assertEquals(Duration.ofSeconds(20), settings.shutdownGrace());
  }

  @Test
  void namesEveryInvalidProperty() {
    SqsActivationSpec spec = new SqsActivationSpec();
    spec.setMaxConcurrency(0);
    spec.setWaitTimeSeconds(21);
    spec.setShutdownGraceSeconds(-1);
    InvalidPropertyException invalid = assertThrows(InvalidPropertyException.class, spec::validate);
    assertEquals(
        "[queueUrl, maxConcurrency, waitTimeSeconds, shutdownGraceSeconds]",
        Arrays.toString(
            Arrays.stream(invalid.getInvalidPropertyDescriptors())
                .map(d -> d.getName())
                .toArray()));
  }

  @Test
  void backoffDoublesUpToFiveSecondsAndResets() {
    Backoff backoff = new Backoff();
    Duration last = Duration.ZERO;
    for (int i = 0; i < 10; i++) {
      Duration next = backoff.next();
      assertTrue(next.compareTo(last) >= 0 && next.compareTo(Duration.ofSeconds(5)) <= 0);
      last = next;
    }
    assertEquals(Duration.ofSeconds(5), last);
    backoff.reset();
    assertEquals(Duration.ofMillis(250), backoff.next());
  }
}
