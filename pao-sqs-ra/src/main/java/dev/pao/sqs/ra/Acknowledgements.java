package dev.pao.sqs.ra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Deletes the messages whose bean returned, up to ten per call, so a poller can receive its next
 * message at once. A message stays tracked by the heartbeat (hidden) until its delete succeeded;
 * its group stays blocked until then, so order is kept. Failed deletes are retried with back-off
 * until the message's visibility would have run out (a delete the queue refuses as the caller's
 * fault, such as an invalid receipt handle, is given up at once); at stop, everything pending is
 * flushed first, each delete tried up to three times. Ends once every poller has ended and nothing
 * is pending, or, if a stop gave up waiting for a poller, once nothing is pending.
 */
final class Acknowledgements implements Runnable {
  private static final Logger LOG = Logger.getLogger(Acknowledgements.class.getName());
  private static final int ATTEMPTS_WHILE_STOPPING = 3;

  private final InboundQueue queue;
  private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
  private final Backoff backoff = new Backoff();
  private volatile boolean finishing;

  private record Pending(Message message, Instant deadline, int attempts) {
    Pending retried() {
      return new Pending(message, deadline, attempts + 1);
    }
  }

  Acknowledgements(InboundQueue queue) {
    this.queue = queue;
  }

  void submit(Message message) {
    pending.add(
        new Pending(
            message, Instant.now(queue.clock()).plus(queue.settings().visibilityTimeout()), 0));
  }

  /** Ends this thread once what is pending now is flushed, whether or not every poller ended. */
  void finishPending() {
    finishing = true;
  }

  @Override
  public void run() {
    try {
      while (!(queue.pollersFinished() || finishing) || !pending.isEmpty()) {
        Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          List<Pending> batch = new ArrayList<>(10);
          batch.add(first);
          pending.drainTo(batch, 9);
          flushSafely(batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pending.forEach(p -> giveUp(p, "interrupted at stop"));
    } finally {
      queue.acknowledgementsDone();
    }
  }

  /** Flushes a batch; nothing unforeseen ends the thread (which would leave messages hidden). */
  private void flushSafely(List<Pending> batch) {
    try {
      flush(batch);
    } catch (RuntimeException e) {
      queue.stats().queueErrors.increment();
      LOG.log(Level.WARNING, "Deleting handled messages failed unexpectedly; retrying", e);
      batch.forEach(entry -> retryOrGiveUp(entry, String.valueOf(e.getMessage())));
      queue.pause(backoff.next());
    }
  }

  private void flush(List<Pending> batch) {
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(String.valueOf(i))
              .receiptHandle(batch.get(i).message().receiptHandle())
              .build());
    }
    Instant started = Instant.now();
    try {
      DeleteMessageBatchResponse response =
          queue
              .sqs()
              .deleteMessageBatch(r -> r.queueUrl(queue.settings().queueUrl()).entries(entries));
      queue.outage().succeeded(started);
      backoff.reset();
      response.successful().forEach(ok -> done(batch.get(Integer.parseInt(ok.id()))));
      for (BatchResultErrorEntry failed : response.failed()) {
        Pending entry = batch.get(Integer.parseInt(failed.id()));
        if ("ReceiptHandleIsInvalid".equals(failed.code()) || failed.senderFault()) {
          giveUp(entry, failed.code() + ": " + failed.message());
        } else {
          retryOrGiveUp(entry, failed.message());
        }
      }
    } catch (SdkException e) {
      queue.stats().queueErrors.increment();
      queue.outage().failed(e);
      batch.forEach(entry -> retryOrGiveUp(entry, e.getMessage()));
      queue.pause(backoff.next());
    }
  }

  private void done(Pending entry) {
    queue.heartbeat().untrack(entry.message().receiptHandle());
    queue.stats().acknowledged.increment();
  }

  private void retryOrGiveUp(Pending entry, String problem) {
    boolean expired = Instant.now(queue.clock()).isAfter(entry.deadline());
    boolean stopping = !queue.running() && entry.attempts() + 1 >= ATTEMPTS_WHILE_STOPPING;
    if (expired || stopping) {
      giveUp(entry, problem);
    } else {
      pending.add(entry.retried());
    }
  }

  private void giveUp(Pending entry, String problem) {
    queue.heartbeat().untrack(entry.message().receiptHandle());
    LOG.log(
        Level.WARNING,
        "Message {0} was processed but could not be deleted ({1}); it will be redelivered",
        new Object[] {entry.message().messageId(), problem});
  }
}
