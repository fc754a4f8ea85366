package dev.pao.testing;

import dev.pao.queue.domain.DeadLetter;
import dev.pao.queue.domain.DeadLetters;
import dev.pao.queue.domain.HeldDeadLetter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A dead-letter queue in memory: letters by message group. */
public final class FakeDeadLetters implements DeadLetters {
  private final List<HeldDeadLetter> letters = new ArrayList<>();
  private final Map<String, Map<String, Object>> bodies = new java.util.HashMap<>();
  private final List<String> redriven = new ArrayList<>();

  public void add(String groupId) {
    add(groupId, Map.of());
  }

  /** A letter of group {@code groupId} whose JSON body is {@code body}. */
  public void add(String groupId, Map<String, Object> body) {
    String id = "dlq-" + letters.size();
    letters.add(new HeldDeadLetter(id, groupId, "{}", "r-" + letters.size()));
    bodies.put(id, Map.copyOf(body));
  }

  @Override
  public List<DeadLetter> browse(int limit) {
    return letters.stream()
        .limit(limit)
        .map(
            l ->
                new DeadLetter(
                    l.messageId(),
                    l.groupId(),
                    bodies.getOrDefault(l.messageId(), Map.of()),
                    3,
                    null,
                    null))
        .toList();
  }

  @Override
  public Set<String> groups() {
    Set<String> groups = new LinkedHashSet<>();
    letters.forEach(l -> groups.add(l.groupId()));
    return groups;
  }

  @Override
  public int removeGroup(String groupId) {
    int before = letters.size();
    letters.removeIf(l -> l.groupId().equals(groupId));
    return before - letters.size();
  }

  @Override
  public Optional<HeldDeadLetter> hold(String messageId) {
    return letters.stream().filter(l -> l.messageId().equals(messageId)).findFirst();
  }

  @Override
  public String sendToMainQueue(HeldDeadLetter letter) {
    redriven.add(letter.messageId());
    return "main-" + letter.messageId();
  }

  @Override
  public void delete(HeldDeadLetter letter) {
    letters.remove(letter);
  }

  @Override
  public void release(HeldDeadLetter letter) {}

  public int size() {
    return letters.size();
  }
}
