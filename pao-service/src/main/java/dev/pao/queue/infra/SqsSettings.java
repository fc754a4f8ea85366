package dev.pao.queue.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the action queue lives: AWS SQS by default, or any SQS-compatible endpoint ({@code
 * PAO_SQS_ENDPOINT}, e.g. ElasticMQ). Static keys are for local brokers only; otherwise the AWS
 * default credentials chain applies.
 */
@ApplicationScoped
public class SqsSettings {
  @Inject
  @ConfigProperty(name = "pao.sqs.endpoint")
  Optional<String> endpoint;

  @Inject
  @ConfigProperty(name = "pao.sqs.region", defaultValue = "us-east-1")
  String region;

  @Inject
  @ConfigProperty(name = "pao.sqs.access-key-id")
  Optional<String> accessKeyId;

  @Inject
  @ConfigProperty(name = "pao.sqs.secret-access-key")
  Optional<String> secretAccessKey;

  @Inject
  @ConfigProperty(name = "pao.queue.url")
  String queueUrl;

  @Inject
  @ConfigProperty(name = "pao.dlq.url")
  String dlqUrl;

  @Inject
  @ConfigProperty(name = "pao.queue.create-missing", defaultValue = "false")
  boolean createMissing;

  @Inject
  @ConfigProperty(name = "pao.queue.max-receive-count", defaultValue = "6")
  int maxReceiveCount;

  @Inject
  @ConfigProperty(name = "pao.queue.visibility-timeout-seconds", defaultValue = "60")
  int visibilityTimeoutSeconds;

  public Optional<String> endpoint() {
    return endpoint.filter(value -> !value.isBlank());
  }

  public String region() {
    return region;
  }

  public Optional<String> accessKeyId() {
    return accessKeyId.filter(value -> !value.isBlank());
  }

  public Optional<String> secretAccessKey() {
    return secretAccessKey.filter(value -> !value.isBlank());
  }

  public String queueUrl() {
    return queueUrl;
  }

  public String dlqUrl() {
    return dlqUrl;
  }

  public boolean createMissing() {
    return createMissing;
  }

  public int maxReceiveCount() {
    return maxReceiveCount;
  }

  public int visibilityTimeoutSeconds() {
    return visibilityTimeoutSeconds;
  }
}
