package dev.pao.queue.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dead-letter queue. SQS has no peek: a look receives messages and hides them, so every look
 * here releases what it received before it answers (the DLQ has no further redrive, so the receive
 * counts this raises do no harm), except the one letter {@link #hold} keeps for its caller.
 */
public interface DeadLetters {

  /**
   * Up to {@code limit} dead letters, oldest first.
   *
   * @throws QueueUnavailableException when the queue cannot be reached
   */
  List<DeadLetter> browse(int limit);

  /** The message groups (request ids for action messages) that have a letter in the DLQ. */
  Set<String> groups();

  /** Deletes every letter of a message group; answers how many it deleted. */
  int removeGroup(String groupId);

  /** Finds one letter and keeps it hidden for the caller; every other letter is released. */
  Optional<HeldDeadLetter> hold(String messageId);

  /**
   * Sends a held letter back to the main queue (same group and body) with a deduplication id
   * derived from its DLQ id, so a repeated redrive is absorbed; answers the new message id.
   *
   * @throws QueueUnavailableException when the queue cannot be reached
   */
  String sendToMainQueue(HeldDeadLetter letter);

  /** Deletes a held letter. */
  void delete(HeldDeadLetter letter);

  /** Makes a held letter visible again at once. */
  void release(HeldDeadLetter letter);
}
