package dev.pao.queue.admin;

import dev.pao.queue.domain.DeadLetter;
import dev.pao.queue.domain.DeadLetters;
import dev.pao.queue.infra.SqsSettings;
import dev.pao.queue.worker.QueueMetrics;
import dev.pao.shared.domain.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Depth and in-flight counts from both queues' attribute counters; the main queue's oldest message
 * from the database (SQS reports no age as an attribute and has no peek); the DLQ's oldest from a
 * look that releases what it read.
 */
@ApplicationScoped
public class QueueStatistics {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  @Inject SqsClient sqs;
  @Inject SqsSettings settings;
  @Inject OutboxQueueListing listing;
  @Inject DeadLetters deadLetters;
  @Inject QueueMetrics metrics;

  public QueueStats current() {
    Instant now = Instant.now();
    QueueCounters main =
        counters(
            settings.queueUrl(), listing.oldestSent().map(sent -> age(sent, now)).orElse(null));
    QueueCounters dlq = counters(settings.dlqUrl(), null);
    if (dlq.depth() > 0) {
      Long oldest =
          deadLetters.browse(10).stream()
              .map(DeadLetter::sentAt)
              .filter(Objects::nonNull)
              .min(Comparator.naturalOrder())
              .map(sent -> age(sent, now))
              .orElse(null);
      dlq = new QueueCounters(dlq.depth(), dlq.inFlight(), dlq.delayed(), oldest);
    }
    return new QueueStats(
        main, dlq, metrics.processedPerMinute(), metrics.rateWindow().toMinutes());
  }

  /** The main queue's counters alone (for the gauges). */
  public QueueCounters mainCounters() {
    return counters(settings.queueUrl(), null);
  }

  /** The DLQ's counters alone (for the gauges). */
  public QueueCounters dlqCounters() {
    return counters(settings.dlqUrl(), null);
  }

  private QueueCounters counters(String queueUrl, Long oldestAgeSeconds) {
    try {
      Map<QueueAttributeName, String> attributes =
          sqs.getQueueAttributes(
                  r ->
                      r.queueUrl(queueUrl)
                          .attributeNames(
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)
                          .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT)))
              .attributes();
      return new QueueCounters(
          count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
          count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
          count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
          oldestAgeSeconds);
    } catch (SdkException e) {
      throw queueDown();
    }
  }

  private static UnavailableException queueDown() {
    return new UnavailableException("The queue is unreachable", "queue", null);
  }

  private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    return Long.parseLong(attributes.getOrDefault(name, "0"));
  }

  private static long age(Instant since, Instant now) {
    return Math.max(0, Duration.between(since, now).toSeconds());
  }
}
