package dev.pao.shared.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTracingTest {
  private final InMemoryTracing otel = new InMemoryTracing();
  private final MessageTracing tracing = new MessageTracing(otel.sdk);

  @Test
  void theConsumerSpanContinuesTheTraceTheMessageCarries() {
    Map<String, String> carried;
    Span submit = otel.sdk.getTracer("test").spanBuilder("submit").startSpan();
    Scope current = submit.makeCurrent();
    try {
      carried = tracing.outgoing("req-1", "corr-1");
    } finally {
      current.close();
      submit.end();
    }
    assertTrue(
        carried.get("traceparent").contains(submit.getSpanContext().getTraceId()), "" + carried);

    TracedScope consumed =
        tracing.consume("pao-actions.fifo", "action", "m-1", carried, "corr-1", "req-1");
    try {
      assertEquals(
          carried.get("traceparent").substring(3, 35),
          Span.current().getSpanContext().getTraceId(),
          "the consumer span is current while the message is handled");
    } finally {
      consumed.close();
    }
    SpanData consumer = otel.ended("pao-actions.fifo process");
    SpanData sender = otel.ended("submit");
    assertEquals(sender.getTraceId(), consumer.getTraceId());
    assertEquals(sender.getSpanId(), consumer.getParentSpanId());
    assertEquals(SpanKind.CONSUMER, consumer.getKind());
    assertEquals("corr-1", consumer.getAttributes().get(TraceAttributes.CORRELATION_ID));
    assertEquals("req-1", consumer.getAttributes().get(TraceAttributes.REQUEST_ID));
    assertEquals("req-1", sender.getAttributes().get(TraceAttributes.REQUEST_ID));
    assertEquals("corr-1", sender.getAttributes().get(TraceAttributes.CORRELATION_ID));
  }

  @Test
  void aMessageWithoutContextStartsATraceOfItsOwnAndAFailureMarksIt() {
    try (TracedScope consumed =
        tracing.consume("pao-actions.fifo", "action", "m-2", Map.of(), "corr-2", null)) {
      consumed.failed(new IllegalStateException("handler failed"));
    }
    SpanData consumer = otel.ended("pao-actions.fifo process");
    assertNotEquals(true, consumer.getParentSpanContext().isValid());
    assertEquals(StatusCode.ERROR, consumer.getStatus().getStatusCode());
  }

  @Test
  void withoutARecordedSpanNothingIsCarried() {
    assertEquals(Map.of(), tracing.outgoing("req-3", "corr-3"));
    assertEquals(Map.of(), MessageTracing.none().outgoing("req-3", "corr-3"));
    try (TracedScope consumed =
        MessageTracing.none()
            .consume("q", "action", "m-3", Map.of("traceparent", "garbage"), null, null)) {
      consumed.failed(new IllegalStateException("ignored"));
    }
    assertEquals(0, otel.ended().size());
  }
}
