package dev.pao.bench;

import dev.pao.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
  private static final int WARM_UP = 2_000;
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
                Map.of("WLP_USER_DIR", System.getProperty("pao.wlp.user.dir"))));
    try {
      stack.start();
      SqsClient sqs = client(stack.broker().endpoint());
      String plainUrl =
          sqs.createQueue(
                  r ->
                      r.queueName(PLAIN_QUEUE)
                          .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
              .queueUrl();
      String bridgeUrl = stack.broker().queueUrl(LocalStack.QUEUE_NAME);

      plainRun(sqs, plainUrl, "warm", WARM_UP);
      Rates plain = plainRun(sqs, plainUrl, "run", MESSAGES);
      bridgeRun(sqs, bridgeUrl, "warm", WARM_UP);
      Rates bridge = bridgeRun(sqs, bridgeUrl, "run", MESSAGES);

      System.out.printf(
          "Queue bridge: %,d messages in %d groups, no-op message-driven bean (after %,d to warm"
              + " up)%n",
          MESSAGES, GROUPS, WARM_UP);
      System.out.println(
          "  msg/s                                    first send->last delete   after the last send");
      print("plain SDK receive(10)/delete-batch loop", plain);
      print("bridge (resource adapter -> MDB)", bridge);
      System.out.printf(
          "  ratio bridge/plain                       %8.2f                  %8.2f%n",
          bridge.total() / plain.total(), bridge.drain() / plain.drain());
    } finally {
      stack.close();
    }
  }

  /**
   * A timed run: {@code total} covers first send to last delete; {@code drain} counts only what was
   * left when the last send returned, from then to the last delete (the consumer's own rate).
   */
  private record Rates(double total, double drain, double fillSeconds) {}

  /** Sends while one thread receives and deletes. */
  private static Rates plainRun(SqsClient sqs, String url, String prefix, int count)
      throws Exception {
    ExecutorService consumer = Executors.newSingleThreadExecutor();
    AtomicInteger done = new AtomicInteger();
    try {
      long started = System.nanoTime();
      Future<?> consumed = consumer.submit(() -> plainLoop(sqs, url, count, done));
      fill(sqs, url, prefix, count);
      long filled = System.nanoTime();
      int leftAfterFill = count - done.get();
      consumed.get();
      return rates(count, leftAfterFill, started, filled);
    } finally {
      consumer.shutdown();
    }
  }

  /** Sends while the server's bridge consumes, until the queue is empty. */
  private static Rates bridgeRun(SqsClient sqs, String url, String prefix, int count)
      throws Exception {
    long started = System.nanoTime();
    fill(sqs, url, prefix, count);
    long filled = System.nanoTime();
    long leftAfterFill = left(sqs, url);
    while (left(sqs, url) > 0) {
      Thread.sleep(50);
    }
    return rates(count, leftAfterFill, started, filled);
  }

  private static Rates rates(int count, long leftAfterFill, long started, long filled) {
    double drainSeconds = seconds(filled);
    return new Rates(
        count / seconds(started), leftAfterFill / drainSeconds, (filled - started) / 1e9);
  }

  private static void print(String name, Rates rates) {
    System.out.printf(
        "  %-40s %,8.0f (sent in %4.1f s)     %,8.0f%n",
        name, rates.total(), rates.fillSeconds(), rates.drain());
  }

  private static void plainLoop(SqsClient sqs, String url, int count, AtomicInteger done) {
    while (done.get() < count) {
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
      done.addAndGet(messages.size());
    }
  }

  private static long left(SqsClient sqs, String url) {
    Map<QueueAttributeName, String> counts =
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Long.parseLong(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private static void fill(SqsClient sqs, String url, String prefix, int count) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int first = 0; first < count; first += 10) {
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
                            .messageDeduplicationId(prefix + "-" + i)
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

  static SqsClient client(String endpoint) {
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
