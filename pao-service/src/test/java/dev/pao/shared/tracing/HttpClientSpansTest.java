package dev.pao.shared.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class HttpClientSpansTest {
  private final InMemoryTracing otel = new InMemoryTracing();
  private final HttpClientSpans spans = new HttpClientSpans(otel.sdk);
  private final HttpRequest request =
      HttpRequest.newBuilder(URI.create("https://api.example.com/v1/queues?token=secret"))
          .header("Idempotency-Key", "k-1")
          .POST(HttpRequest.BodyPublishers.ofString("{}"))
          .build();

  @Test
  void aCallIsAClientSpanOfTheCurrentOneAndSendsItsContext() {
    Span parent = otel.sdk.getTracer("test").spanBuilder("consume").startSpan();
    Scope current = parent.makeCurrent();
    try (HttpClientSpans.Call call = spans.start(request, "corr-1", "req-1")) {
      String traceparent = call.request().headers().firstValue("traceparent").orElseThrow();
      assertTrue(traceparent.contains(parent.getSpanContext().getTraceId()), traceparent);
      assertEquals("k-1", call.request().headers().firstValue("Idempotency-Key").orElseThrow());
      assertEquals("POST", call.request().method());
      call.answered(503);
    } finally {
      current.close();
      parent.end();
    }
    SpanData client = otel.ended("POST");
    assertEquals(SpanKind.CLIENT, client.getKind());
    assertEquals(parent.getSpanContext().getSpanId(), client.getParentSpanId());
    assertEquals(StatusCode.ERROR, client.getStatus().getStatusCode());
    assertEquals(
        "https://api.example.com:443/v1/queues",
        client.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("url.full")));
    assertEquals("corr-1", client.getAttributes().get(TraceAttributes.CORRELATION_ID));
    assertEquals("req-1", client.getAttributes().get(TraceAttributes.REQUEST_ID));
  }

  @Test
  void untracedTheRequestIsSentAsItIs() {
    try (HttpClientSpans.Call call = HttpClientSpans.none().start(request, "corr", "req")) {
      assertSame(request, call.request());
      call.answered(200);
    }
    try (HttpClientSpans.Call call = spans.start(request, "corr", "req")) {
      // No current span: a root client span, still recorded, with its own context sent.
      assertTrue(call.request().headers().firstValue("traceparent").isPresent());
    }
    assertEquals(1, otel.ended().size());
  }
}
