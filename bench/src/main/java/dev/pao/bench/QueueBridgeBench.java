package dev.pao.bench;

import dev.pao.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * 10,000 messages in 500 groups through the messaging bridge (resource adapter, message-driven
 * bean, no-op handler) in the real server, against a plain SDK receive/delete loop on the same
 * ElasticMQ. Both drain a queue filled beforehand; the bridge's time runs from its first receive to
 * an empty queue.
 */
public final class QueueBridgeBench {
  private static final int MESSAGES = 10_000;
  private static final int GROUPS = 500;
  private static final String PLAIN_QUEUE = "bench-plain.fifo";

  private QueueBridgeBench() {}

  public static void main(String[] args) throws Exception {
    Path home =
        Path.of(System.getProperty("pao.bench.home", "target/bench-stack")).toAbsolutePath();
    deleteRecursively(home);
    LocalStack stack =
        new LocalStack(
            new LocalStack.Settings(
                home,
                Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath(),
                freePort(),
                freePort(),
                freePort(),
                false,
                0,
                Map.of("PAO_QUEUE_PROBES", "true")));
    try {
      stack.start();
      SqsClient sqs = client(stack.broker().endpoint());
      stack.server().stop();

      String plainUrl =
          sqs.createQueue(
                  r ->
                      r.queueName(PLAIN_QUEUE)
                          .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
              .queueUrl();
      fill(sqs, plainUrl);
      double plain = plainLoop(sqs, plainUrl);

      String bridgeUrl = stack.broker().queueUrl(LocalStack.QUEUE_NAME);
      fill(sqs, bridgeUrl);
      stack.server().start(Duration.ofMinutes(3));
      double bridge = drainRate(sqs, bridgeUrl);

      System.out.printf(
          "Queue bridge: %,d messages in %d groups, no-op message-driven bean%n", MESSAGES, GROUPS);
      System.out.printf("  plain SDK receive(10)/delete-batch loop: %,8.0f msg/s%n", plain);
      System.out.printf("  bridge (resource adapter -> MDB):        %,8.0f msg/s%n", bridge);
      System.out.printf("  ratio bridge/plain:                      %8.2f%n", bridge / plain);
    } finally {
      stack.close();
    }
  }

  private static double plainLoop(SqsClient sqs, String url) {
    long started = System.nanoTime();
    int done = 0;
    while (done < MESSAGES) {
      List<Message> messages =
          sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      if (messages.isEmpty()) {
        continue;
      }
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < messages.size(); i++) {
        entries.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(String.valueOf(i))
                .receiptHandle(messages.get(i).receiptHandle())
                .build());
      }
      sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(entries));
      done += messages.size();
    }
    return MESSAGES / seconds(started);
  }

  private static double drainRate(SqsClient sqs, String url) throws InterruptedException {
    long started = 0;
    while (true) {
      Map<QueueAttributeName, String> counts =
          sqs.getQueueAttributes(
                  r ->
                      r.queueUrl(url)
                          .attributeNames(
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
              .attributes();
      long left =
          Long.parseLong(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
              + Long.parseLong(
                  counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
      boolean begun =
          !"0".equals(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
              || left < MESSAGES;
      if (started == 0 && begun) {
        started = System.nanoTime();
      }
      if (started != 0 && left == 0) {
        return MESSAGES / seconds(started);
      }
      Thread.sleep(50);
    }
  }

  private static void fill(SqsClient sqs, String url) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int first = 0; first < MESSAGES; first += 10) {
        int from = first;
        sent.add(
            senders.submit(
                () -> {
                  List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                  for (int i = from; i < from + 10; i++) {
                    entries.add(
                        SendMessageBatchRequestEntry.builder()
                            .id(String.valueOf(i - from))
                            .messageGroupId("bench-group-" + (i % GROUPS))
                            .messageDeduplicationId("bench-" + i)
                            .messageBody("{\"type\":\"probe.noop\",\"n\":" + i + "}")
                            .build());
                  }
                  sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
                }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } finally {
      senders.shutdown();
    }
  }

  private static SqsClient client(String endpoint) {
    return SqsClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
