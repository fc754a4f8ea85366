package dev.pao.queue.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Checks that the action queue and its dead-letter queue exist as the design needs them: both FIFO,
 * and the action queue redriving to the DLQ after {@code maxReceiveCount} receives. The embedded
 * default ({@code pao.queue.create-missing=true}) creates them. The result is logged at start-up
 * and served to readiness, re-checked at most every few seconds.
 */
@ApplicationScoped
public class QueueTopology {
  private static final Logger LOG = Logger.getLogger(QueueTopology.class.getName());
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration CACHE_FOR = Duration.ofSeconds(5);

  @Inject SqsClient sqs;
  @Inject SqsSettings settings;

  private volatile Report last;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.createMissing()) {
      try {
        createMissing();
      } catch (SdkException e) {
        LOG.severe("Could not create the action queues: " + e.getMessage());
      }
    }
    Report report = check();
    if (report.ok()) {
      LOG.info(
          "Action queue " + settings.queueUrl() + " and DLQ " + settings.dlqUrl() + " are ready");
    } else {
      LOG.severe("ACTION QUEUE NOT READY: " + String.join("; ", report.problems()));
    }
  }

  /** The latest verdict, re-checked when older than a few seconds. */
  public Report current() {
    Report report = last;
    if (report == null || report.checkedAt().plus(CACHE_FOR).isBefore(Instant.now())) {
      report = check();
    }
    return report;
  }

  /** Checks both queues now. */
  public Report check() {
    List<String> problems = new ArrayList<>();
    try {
      Map<QueueAttributeName, String> dlq = attributes(settings.dlqUrl());
      Map<QueueAttributeName, String> main = attributes(settings.queueUrl());
      if (!"true".equals(dlq.get(QueueAttributeName.FIFO_QUEUE))) {
        problems.add("DLQ " + settings.dlqUrl() + " is not a FIFO queue");
      }
      if (!"true".equals(main.get(QueueAttributeName.FIFO_QUEUE))) {
        problems.add("queue " + settings.queueUrl() + " is not a FIFO queue");
      }
      String redrive = main.getOrDefault(QueueAttributeName.REDRIVE_POLICY, "");
      String dlqArn = dlq.get(QueueAttributeName.QUEUE_ARN);
      if (dlqArn == null || !redrive.contains(dlqArn)) {
        problems.add("queue " + settings.queueUrl() + " does not redrive to the DLQ " + dlqArn);
      } else if (!redrive
          .replace(" ", "")
          .matches(".*\"maxReceiveCount\":\"?" + settings.maxReceiveCount() + "\"?.*")) {
        problems.add(
            "queue redrive policy should have maxReceiveCount="
                + settings.maxReceiveCount()
                + " (is "
                + redrive
                + ")");
      }
    } catch (QueueDoesNotExistException e) {
      problems.add("queue missing: " + e.awsErrorDetails().errorMessage());
    } catch (SdkException e) {
      problems.add("queue service unreachable: " + e.getMessage());
    }
    Report report = new Report(problems.isEmpty(), List.copyOf(problems), Instant.now());
    last = report;
    return report;
  }

  private Map<QueueAttributeName, String> attributes(String url) {
    GetQueueAttributesResponse response =
        sqs.getQueueAttributes(
            r ->
                r.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)
                    .overrideConfiguration(o -> o.apiCallTimeout(CHECK_TIMEOUT)));
    return response.attributes();
  }

  private void createMissing() {
    String dlqUrl =
        sqs.createQueue(
                CreateQueueRequest.builder()
                    .queueName(queueName(settings.dlqUrl()))
                    .attributes(
                        Map.of(
                            QueueAttributeName.FIFO_QUEUE, "true",
                            QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))
                    .build())
            .queueUrl();
    String dlqArn = attributes(dlqUrl).get(QueueAttributeName.QUEUE_ARN);
    String redrive =
        "{\"deadLetterTargetArn\":\""
            + dlqArn
            + "\",\"maxReceiveCount\":\""
            + settings.maxReceiveCount()
            + "\"}";
    Map<QueueAttributeName, String> mainAttributes =
        Map.of(
            QueueAttributeName.VISIBILITY_TIMEOUT,
            String.valueOf(settings.visibilityTimeoutSeconds()),
            QueueAttributeName.REDRIVE_POLICY,
            redrive);
    try {
      sqs.createQueue(
          CreateQueueRequest.builder()
              .queueName(queueName(settings.queueUrl()))
              .attributes(withFifo(mainAttributes))
              .build());
    } catch (SqsException differentAttributes) {
      // The queue exists with other settings (e.g. an earlier maxReceiveCount): bring them up to
      // date, so a changed redrive policy takes effect without recreating the queue.
      String url = sqs.getQueueUrl(r -> r.queueName(queueName(settings.queueUrl()))).queueUrl();
      sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(mainAttributes));
      LOG.info("Updated the action queue's visibility timeout and redrive policy: " + redrive);
    }
    LOG.info("Created (or found) the FIFO action queue and its DLQ");
  }

  private static Map<QueueAttributeName, String> withFifo(Map<QueueAttributeName, String> more) {
    Map<QueueAttributeName, String> attributes = new EnumMap<>(more);
    attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
    return attributes;
  }

  private static String queueName(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** Whether the queues are usable, and if not, why. */
  public record Report(boolean ok, List<String> problems, Instant checkedAt) {}
}
