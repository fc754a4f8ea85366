package dev.pao.sqs.ra;

import java.time.Duration;
import java.util.Optional;

/**
 * The validated settings of one activation: where the queue is and how to consume it.
 *
 * @param queueUrl the FIFO queue to consume
 * @param endpoint an SQS-compatible endpoint (ElasticMQ), empty for AWS
 * @param region the AWS region
 * @param accessKeyId static key for local brokers; empty for the AWS default credentials chain
 * @param secretAccessKey the static key's secret
 * @param maxConcurrency how many messages (of different groups) are processed at once
 * @param visibilityTimeout how long a received message stays hidden; the heartbeat renews it
 * @param waitTime the long-poll wait of one receive (bounds how long a stop waits)
 * @param redeliveryDelay how long a message whose bean threw stays hidden before redelivery
 * @param shutdownGrace how long a stop waits for the messages in progress before interrupting their
 *     beans (a message whose bean then throws is released at once)
 */
record BridgeSettings(
    String queueUrl,
    Optional<String> endpoint,
    String region,
    Optional<String> accessKeyId,
    Optional<String> secretAccessKey,
    int maxConcurrency,
    Duration visibilityTimeout,
    Duration waitTime,
    Duration redeliveryDelay,
    Duration shutdownGrace) {

  /** The queue's name, the last segment of its URL. */
  String queueName() {
    return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
  }

  /** How often in-flight messages get their visibility renewed: a third of the timeout. */
  Duration heartbeatInterval() {
    return Duration.ofMillis(Math.max(500, visibilityTimeout.toMillis() / 3));
  }
}
