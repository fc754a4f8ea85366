package dev.pao.queue.outbox;

import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.Outbox;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.OutboxWritten;
import dev.pao.queue.domain.WaitCheckMessage;
import dev.pao.shared.tracing.MessageTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Writes the outbox row of an action attempt in the caller's transaction and announces it; the
 * relay observes the announcement once the transaction has committed, so no caller has to remember
 * to nudge it (and none can nudge it before the row is visible). The row carries the writer's trace
 * context, so the message's processing joins the trace of what asked for it.
 */
@ApplicationScoped
public class OutboxWriter {
  private Outbox outbox;
  private Consumer<OutboxWritten> announce;
  private Clock clock;
  private MessageTracing tracing;

  protected OutboxWriter() {}

  @Inject
  public OutboxWriter(Outbox outbox, Event<OutboxWritten> written, MessageTracing tracing) {
    this(outbox, written::fire, Clock.systemUTC(), tracing);
  }

  /** A writer that announces through {@code announce} (tests observe it directly). */
  public OutboxWriter(Outbox outbox, Consumer<OutboxWritten> announce, Clock clock) {
    this(outbox, announce, clock, MessageTracing.none());
  }

  private OutboxWriter(
      Outbox outbox, Consumer<OutboxWritten> announce, Clock clock, MessageTracing tracing) {
    this.outbox = outbox;
    this.announce = announce;
    this.clock = clock;
    this.tracing = tracing;
  }

  /** Adds the pending message of the attempt; the caller's transaction must be active. */
  public OutboxMessage enqueue(ActionMessage message) {
    OutboxMessage row =
        OutboxMessage.of(message, clock.instant())
            .withTraceContext(
                tracing.outgoing(message.requestId().toString(), message.correlationId()));
    outbox.add(row);
    announce.accept(
        new OutboxWritten(message.requestId(), message.actionIndex(), message.attempt()));
    return row;
  }

  /**
   * Adds the pending continuation of a waiting attempt; the caller's transaction must be active.
   */
  public OutboxMessage enqueue(WaitCheckMessage message) {
    OutboxMessage row =
        OutboxMessage.of(message, clock.instant())
            .withTraceContext(
                tracing.outgoing(message.requestId().toString(), message.correlationId()));
    outbox.add(row);
    announce.accept(
        new OutboxWritten(message.requestId(), message.actionIndex(), message.attempt()));
    return row;
  }
}
