package dev.pao.queue.infra;

import dev.pao.queue.domain.ActionQueue;
import dev.pao.queue.domain.QueueUnavailableException;
import dev.pao.shared.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link ActionQueue} on the FIFO queue of {@link SqsSettings}, through the application's client.
 */
@ApplicationScoped
public class SqsActionQueue implements ActionQueue {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

  @Inject SqsClient sqs;
  @Inject SqsSettings settings;

  @Override
  public String send(String messageGroupId, String deduplicationId, Map<String, Object> body) {
    if (!(body.get("type") instanceof String)) {
      throw new IllegalArgumentException("A queue message body needs a string 'type'");
    }
    try {
      return sqs.sendMessage(
              r ->
                  r.queueUrl(settings.queueUrl())
                      .messageGroupId(messageGroupId)
                      .messageDeduplicationId(deduplicationId)
                      .messageBody(Jsons.PLAIN.toJson(body))
                      .overrideConfiguration(o -> o.apiCallTimeout(SEND_TIMEOUT)))
          .messageId();
    } catch (SdkException e) {
      throw new QueueUnavailableException("Could not send to the action queue", e);
    }
  }
}
