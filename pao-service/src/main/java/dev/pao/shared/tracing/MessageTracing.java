package dev.pao.shared.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries a trace across the queue. The sender's context is written into the message body next to
 * the correlation id (the outbox stores the body, and the relay sends it later from another thread,
 * so the context must travel with the row, not with the thread); the worker starts a CONSUMER span
 * as its child. The body rather than SQS message attributes: it is what the outbox already keeps
 * and what every consumer already reads, and it is no different for a dead letter being redriven.
 */
@ApplicationScoped
public class MessageTracing {
  static final String SCOPE = "dev.pao.queue";
  private static final AttributeKey<String> MESSAGING_SYSTEM =
      AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> MESSAGING_OPERATION =
      AttributeKey.stringKey("messaging.operation");
  private static final AttributeKey<String> MESSAGING_DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> MESSAGE_ID =
      AttributeKey.stringKey("messaging.message.id");
  private static final AttributeKey<String> MESSAGE_TYPE =
      AttributeKey.stringKey("pao.message_type");

  private TextMapPropagator propagator;
  private Tracer tracer;

  protected MessageTracing() {}

  @Inject
  public MessageTracing(OpenTelemetry openTelemetry) {
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.tracer = openTelemetry.getTracer(SCOPE);
  }

  /** Tracing that does nothing (outside the server). */
  public static MessageTracing none() {
    return new MessageTracing(OpenTelemetry.noop());
  }

  /**
   * The current trace context as propagation fields (W3C {@code traceparent}, {@code tracestate})
   * for a message about {@code requestId}; the current span is tagged with both ids. Empty when no
   * span is being recorded, so a disabled SDK adds nothing to the message.
   */
  public Map<String, String> outgoing(String requestId, String correlationId) {
    Span current = Span.current();
    if (!current.getSpanContext().isValid()) {
      return Map.of();
    }
    TraceAttributes.tag(current, correlationId, requestId);
    Map<String, String> fields = new LinkedHashMap<>();
    propagator.inject(Context.current(), fields, (carrier, key, value) -> carrier.put(key, value));
    return fields;
  }

  /**
   * Starts and makes current the CONSUMER span of a message taken from {@code queue}: a child of
   * the context the message carries ({@code traceContext}, may be null), else a new trace.
   */
  public TracedScope consume(
      String queue,
      String messageType,
      String messageId,
      Map<?, ?> traceContext,
      String correlationId,
      String requestId) {
    Context parent =
        traceContext == null || traceContext.isEmpty()
            ? Context.root()
            : propagator.extract(Context.root(), traceContext, MapGetter.INSTANCE);
    Span span =
        tracer
            .spanBuilder(queue + " process")
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(MESSAGING_SYSTEM, "aws_sqs")
            .setAttribute(MESSAGING_OPERATION, "process")
            .setAttribute(MESSAGING_DESTINATION, queue)
            .setAttribute(MESSAGE_ID, String.valueOf(messageId))
            .setAttribute(MESSAGE_TYPE, messageType)
            .startSpan();
    TraceAttributes.tag(span, correlationId, requestId);
    return new TracedScope(span);
  }

  /** Reads propagation fields from the map decoded from a message body. */
  private enum MapGetter implements TextMapGetter<Map<?, ?>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<?, ?> carrier) {
      Set<String> keys = carrier.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
      return keys;
    }

    @Override
    public String get(Map<?, ?> carrier, String key) {
      Object value = carrier == null ? null : carrier.get(key);
      return value == null ? null : value.toString();
    }
  }
}
