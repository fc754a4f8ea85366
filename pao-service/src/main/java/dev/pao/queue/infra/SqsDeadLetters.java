package dev.pao.queue.infra;

import dev.pao.queue.domain.DeadLetter;
import dev.pao.queue.domain.DeadLetters;
import dev.pao.queue.domain.HeldDeadLetter;
import dev.pao.queue.domain.QueueUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@link DeadLetters} on the SQS dead-letter queue of {@link SqsSettings}. Every scan receives
 * (holding what it received for {@value DeadLetterScan#HOLD_SECONDS} s at most), then deletes or
 * releases everything it received before it answers.
 */
@ApplicationScoped
public class SqsDeadLetters implements DeadLetters {
  static final int MAX_SCANNED = 200;
  static final int MAX_HELD_LOOKUP = 100;

  @Inject SqsClient sqs;
  @Inject SqsSettings settings;

  @Override
  public List<DeadLetter> browse(int limit) {
    DeadLetterScan scan = scan();
    try {
      scan.receive(limit, message -> false);
      return scan.received().stream()
          .map(DeadLetterMessages::view)
          .sorted(
              Comparator.comparing(
                  DeadLetter::sentAt, Comparator.nullsLast(Comparator.naturalOrder())))
          .toList();
    } finally {
      scan.releaseAll();
    }
  }

  @Override
  public Set<String> groups() {
    DeadLetterScan scan = scan();
    try {
      scan.receive(MAX_SCANNED, message -> false);
      Set<String> groups = new LinkedHashSet<>();
      scan.received().stream()
          .map(DeadLetterMessages::groupId)
          .filter(group -> group != null)
          .forEach(groups::add);
      return groups;
    } finally {
      scan.releaseAll();
    }
  }

  @Override
  public int removeGroup(String groupId) {
    DeadLetterScan scan = scan();
    List<Message> matched = new ArrayList<>();
    try {
      scan.receive(MAX_SCANNED, message -> false);
      scan.received().stream()
          .filter(message -> groupId.equals(DeadLetterMessages.groupId(message)))
          .forEach(matched::add);
      matched.forEach(scan::delete);
      return matched.size();
    } finally {
      scan.releaseAll();
    }
  }

  @Override
  public Optional<HeldDeadLetter> hold(String messageId) {
    DeadLetterScan scan = scan();
    Predicate<Message> wanted = message -> message.messageId().equals(messageId);
    try {
      scan.receive(MAX_HELD_LOOKUP, wanted);
      Optional<Message> found = scan.received().stream().filter(wanted).findFirst();
      found.ifPresent(scan::keep);
      return found.map(DeadLetterMessages::held);
    } finally {
      scan.releaseAll();
    }
  }

  @Override
  public String sendToMainQueue(HeldDeadLetter letter) {
    try {
      return sqs.sendMessage(
              r ->
                  r.queueUrl(settings.queueUrl())
                      .messageGroupId(letter.groupId())
                      .messageDeduplicationId("redrive-" + letter.messageId())
                      .messageBody(letter.body()))
          .messageId();
    } catch (SdkException e) {
      throw new QueueUnavailableException("The queue is unreachable", e);
    }
  }

  @Override
  public void delete(HeldDeadLetter letter) {
    try {
      sqs.deleteMessage(r -> r.queueUrl(settings.dlqUrl()).receiptHandle(letter.receiptHandle()));
    } catch (SdkException e) {
      throw new QueueUnavailableException("The queue is unreachable", e);
    }
  }

  @Override
  public void release(HeldDeadLetter letter) {
    DeadLetterScan.release(sqs, settings.dlqUrl(), List.of(letter.receiptHandle()));
  }

  private DeadLetterScan scan() {
    return new DeadLetterScan(sqs, settings.dlqUrl());
  }
}
