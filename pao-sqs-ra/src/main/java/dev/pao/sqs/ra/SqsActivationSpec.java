package dev.pao.sqs.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one message-driven bean consumes the queue. Set by the server configuration ({@code
 * <jmsActivationSpec>} in Liberty), usually from environment variables.
 */
public class SqsActivationSpec implements ActivationSpec, Serializable {
  private static final long serialVersionUID = 1L;

  private String queueUrl;
  private String endpoint;
  private String region = "us-east-1";
  private String accessKeyId;
  private String secretAccessKey;
  private Integer maxConcurrency = 10;
  private Integer visibilityTimeoutSeconds = 60;
  private Integer waitTimeSeconds = 5;
  private Integer redeliveryDelaySeconds = 2;
  private Integer shutdownGraceSeconds = 20;
  private transient ResourceAdapter resourceAdapter;

  @Override
  public void validate() throws InvalidPropertyException {
    List<String> wrong = new ArrayList<>();
    if (blank(queueUrl)) {
      wrong.add("queueUrl");
    }
    check(wrong, "maxConcurrency", maxConcurrency, 1, 200);
    check(wrong, "visibilityTimeoutSeconds", visibilityTimeoutSeconds, 1, 43_200);
    check(wrong, "waitTimeSeconds", waitTimeSeconds, 0, 20);
    check(wrong, "redeliveryDelaySeconds", redeliveryDelaySeconds, 0, 43_200);
    check(wrong, "shutdownGraceSeconds", shutdownGraceSeconds, 0, 3_600);
    if (!wrong.isEmpty()) {
      InvalidPropertyException invalid =
          new InvalidPropertyException(
              "Invalid SQS activation properties "
                  + wrong
                  + " (queueUrl required; maxConcurrency 1-200, visibilityTimeoutSeconds"
                  + " 1-43200, waitTimeSeconds 0-20, redeliveryDelaySeconds 0-43200,"
                  + " shutdownGraceSeconds 0-3600)");
      List<PropertyDescriptor> descriptors = new ArrayList<>();
      for (String name : wrong) {
        try {
          descriptors.add(new PropertyDescriptor(name, SqsActivationSpec.class));
        } catch (java.beans.IntrospectionException e) {
          // The names above are this class's own properties; a failure here is a programming error.
          throw new IllegalStateException(e);
        }
      }
      invalid.setInvalidPropertyDescriptors(descriptors.toArray(PropertyDescriptor[]::new));
      throw invalid;
    }
  }

  /** The validated, immutable form the pollers use. */
  BridgeSettings settings() throws InvalidPropertyException {
    validate();
    return new BridgeSettings(
        queueUrl.trim(),
        optional(endpoint),
        blank(region) ? "us-east-1" : region.trim(),
        optional(accessKeyId),
        optional(secretAccessKey),
        maxConcurrency,
        Duration.ofSeconds(visibilityTimeoutSeconds),
        Duration.ofSeconds(waitTimeSeconds),
        Duration.ofSeconds(redeliveryDelaySeconds),
        Duration.ofSeconds(shutdownGraceSeconds));
  }

  private static void check(List<String> wrong, String name, Integer value, int min, int max) {
    if (value == null || value < min || value > max) {
      wrong.add(name);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static Optional<String> optional(String value) {
    return blank(value) ? Optional.empty() : Optional.of(value.trim());
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
    this.resourceAdapter = resourceAdapter;
  }

  public String getQueueUrl() {
    return queueUrl;
  }

  public void setQueueUrl(String queueUrl) {
    this.queueUrl = queueUrl;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getAccessKeyId() {
    return accessKeyId;
  }

  public void setAccessKeyId(String accessKeyId) {
    this.accessKeyId = accessKeyId;
  }

  public String getSecretAccessKey() {
    return secretAccessKey;
  }

  public void setSecretAccessKey(String secretAccessKey) {
    this.secretAccessKey = secretAccessKey;
  }

  public Integer getMaxConcurrency() {
    return maxConcurrency;
  }

  public void setMaxConcurrency(Integer maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }

  public Integer getVisibilityTimeoutSeconds() {
    return visibilityTimeoutSeconds;
  }

  public void setVisibilityTimeoutSeconds(Integer visibilityTimeoutSeconds) {
    this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
  }

  public Integer getWaitTimeSeconds() {
    return waitTimeSeconds;
  }

  public void setWaitTimeSeconds(Integer waitTimeSeconds) {
    this.waitTimeSeconds = waitTimeSeconds;
  }

  public Integer getRedeliveryDelaySeconds() {
    return redeliveryDelaySeconds;
  }

  public void setRedeliveryDelaySeconds(Integer redeliveryDelaySeconds) {
    this.redeliveryDelaySeconds = redeliveryDelaySeconds;
  }

  public Integer getShutdownGraceSeconds() {
    return shutdownGraceSeconds;
  }

  public void setShutdownGraceSeconds(Integer shutdownGraceSeconds) {
    this.shutdownGraceSeconds = shutdownGraceSeconds;
  }
}
