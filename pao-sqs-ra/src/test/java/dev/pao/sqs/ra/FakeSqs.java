package dev.pao.sqs.ra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * An in-memory SQS queue behind the SDK's client interface: it records every call, can fail calls
 * on script, and can hold a call until the test lets it go. A received message stays hidden until
 * the test makes it visible again; long polls end after at most 20 ms so pollers loop quickly. Like
 * the SDK's client, a call made by a thread whose interrupt status is set is aborted (and the
 * status kept).
 */
final class FakeSqs implements SqsClient {
  private static final long LONG_POLL_MILLIS = 20;

  /** One visibility change: the message's receipt handle and its new timeout. */
  record VisibilityChange(String receiptHandle, int timeoutSeconds) {}

  private final BlockingQueue<Message> visible = new LinkedBlockingQueue<>();
  private final Map<String, Message> hidden = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final Queue<Boolean> receiveScript = new ConcurrentLinkedQueue<>();
  private final Queue<RuntimeException> unexpectedReceiveFailures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failingDeletes = new AtomicInteger();
  private final AtomicInteger failingVisibilityChanges = new AtomicInteger();
  private volatile String deleteRejection;
  private volatile Gate receiveGate;
  private volatile Gate deleteGate;
  private volatile boolean closed;

  final List<ReceiveMessageRequest> receives = new CopyOnWriteArrayList<>();
  final List<List<String>> deleteCalls = new CopyOnWriteArrayList<>();
  final Set<String> deleted = ConcurrentHashMap.newKeySet();
  final List<VisibilityChange> visibilityChanges = new CopyOnWriteArrayList<>();

  /** Puts a message on the queue; its body is also its message id. */
  void send(String body, String group) {
    visible.add(
        Message.builder()
            .messageId(body)
            .body(body)
            .attributes(
                Map.of(
                    MessageSystemAttributeName.MESSAGE_GROUP_ID,
                    group,
                    MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID,
                    body,
                    MessageSystemAttributeName.SEQUENCE_NUMBER,
                    String.valueOf(sent.incrementAndGet()),
                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                    "0"))
            .build());
  }

  /** Makes a received message visible again, as its visibility timeout running out would. */
  void reappear(String receiptHandle) {
    Message message = hidden.remove(receiptHandle);
    if (message != null) {
      visible.add(message);
    }
  }

  /** The receipt handle of the message's latest receive. */
  static String receiptHandle(String body, int receive) {
    return body + "#" + receive;
  }

  void failReceives(int times) {
    for (int i = 0; i < times; i++) {
      receiveScript.add(true);
    }
  }

  /** The next receive throws {@code failure}, as a defect (not an unreachable queue) would. */
  void failNextReceiveWith(RuntimeException failure) {
    unexpectedReceiveFailures.add(failure);
  }

  void answerReceives(int times) {
    for (int i = 0; i < times; i++) {
      receiveScript.add(false);
    }
  }

  /** Fails the next {@code times} delete calls; a negative number fails every one. */
  void failDeletes(int times) {
    failingDeletes.set(times);
  }

  void rejectDeletes(String errorCode) {
    deleteRejection = errorCode;
  }

  void failVisibilityChanges(int times) {
    failingVisibilityChanges.set(times);
  }

  /** Holds every receive that the script lets through, until the gate is opened. */
  Gate holdReceives() {
    receiveGate = new Gate();
    return receiveGate;
  }

  /** Holds the next delete call until the gate is opened. */
  Gate holdNextDelete() {
    deleteGate = new Gate();
    return deleteGate;
  }

  int visibleCount() {
    return visible.size();
  }

  boolean closed() {
    return closed;
  }

  @Override
  public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
    abortIfInterrupted();
    receives.add(request);
    RuntimeException unexpected = unexpectedReceiveFailures.poll();
    if (unexpected != null) {
      throw unexpected;
    }
    if (Boolean.TRUE.equals(receiveScript.poll())) {
      throw unreachable();
    }
    Gate gate = receiveGate;
    if (gate != null) {
      gate.pass();
    }
    List<Message> messages = new ArrayList<>();
    Message next = poll(Math.min(LONG_POLL_MILLIS, request.waitTimeSeconds() * 1000L));
    if (next != null) {
      messages.add(received(next));
    }
    return ReceiveMessageResponse.builder().messages(messages).build();
  }

  private Message received(Message message) {
    int count =
        Integer.parseInt(
                message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
            + 1;
    Map<MessageSystemAttributeName, String> attributes = new HashMap<>(message.attributes());
    attributes.put(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, String.valueOf(count));
    Message received =
        message.toBuilder()
            .attributes(attributes)
            .receiptHandle(receiptHandle(message.body(), count))
            .build();
    hidden.put(received.receiptHandle(), received);
    return received;
  }

  @Override
  public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
    abortIfInterrupted();
    List<DeleteMessageBatchRequestEntry> entries = request.entries();
    deleteCalls.add(entries.stream().map(DeleteMessageBatchRequestEntry::receiptHandle).toList());
    Gate gate = deleteGate;
    if (gate != null) {
      deleteGate = null;
      gate.pass();
    }
    if (failingDeletes.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
      throw unreachable();
    }
    Set<String> ids = new HashSet<>();
    if (entries.size() > 10 || !entries.stream().allMatch(entry -> ids.add(entry.id()))) {
      throw new IllegalArgumentException("A batch takes up to ten entries with distinct ids");
    }
    DeleteMessageBatchResponse.Builder response = DeleteMessageBatchResponse.builder();
    List<DeleteMessageBatchResultEntry> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (DeleteMessageBatchRequestEntry entry : entries) {
      String rejection = deleteRejection;
      if (rejection == null && hidden.remove(entry.receiptHandle()) != null) {
        deleted.add(entry.receiptHandle());
        successful.add(DeleteMessageBatchResultEntry.builder().id(entry.id()).build());
      } else {
        failed.add(
            BatchResultErrorEntry.builder()
                .id(entry.id())
                .code(rejection == null ? "ReceiptHandleIsInvalid" : rejection)
                .message("The receipt handle is not valid")
                .senderFault(true)
                .build());
      }
    }
    return response.successful(successful).failed(failed).build();
  }

  @Override
  public ChangeMessageVisibilityResponse changeMessageVisibility(
      ChangeMessageVisibilityRequest request) {
    abortIfInterrupted();
    if (failingVisibilityChanges.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
      throw unreachable();
    }
    visibilityChanges.add(
        new VisibilityChange(request.receiptHandle(), request.visibilityTimeout()));
    return ChangeMessageVisibilityResponse.builder().build();
  }

  /** The visibility timeouts that were set on the given receipt handle, in order. */
  List<Integer> visibilityChangesOf(String receiptHandle) {
    return visibilityChanges.stream()
        .filter(change -> change.receiptHandle().equals(receiptHandle))
        .map(VisibilityChange::timeoutSeconds)
        .toList();
  }

  private Message poll(long millis) {
    try {
      return visible.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void abortIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw AbortedException.create("Thread was interrupted");
    }
  }

  private static SdkClientException unreachable() {
    return SdkClientException.create("Unable to execute HTTP request: Connection refused");
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** A call held until the test opens the gate; {@link #arrived()} tells that one got there. */
  static final class Gate {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    boolean arrived() {
      return arrived.getCount() == 0;
    }

    void open() {
      open.countDown();
    }

    private void pass() {
      arrived.countDown();
      try {
        open.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
