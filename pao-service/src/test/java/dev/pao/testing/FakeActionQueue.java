package dev.pao.testing;

import dev.pao.queue.domain.ActionQueue;
import dev.pao.queue.domain.QueueUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A queue that records what was sent, and can be taken down. */
public final class FakeActionQueue implements ActionQueue {
  /** One send. */
  public record Sent(String groupId, String deduplicationId, Map<String, Object> body) {}

  private final List<Sent> sent = new ArrayList<>();
  private boolean down;
  private int acceptBeforeDown = Integer.MAX_VALUE;

  @Override
  public String send(String messageGroupId, String deduplicationId, Map<String, Object> body) {
    if (down || sent.size() >= acceptBeforeDown) {
      throw new QueueUnavailableException(
          "Could not send to the action queue", new IllegalStateException("connection refused"));
    }
    sent.add(new Sent(messageGroupId, deduplicationId, body));
    return "msg-" + sent.size();
  }

  public void goDown() {
    down = true;
  }

  public void comeBack() {
    down = false;
    acceptBeforeDown = Integer.MAX_VALUE;
  }

  /** Accepts this many more sends in total, then refuses. */
  public void failAfter(int sends) {
    acceptBeforeDown = sent.size() + sends;
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }
}
