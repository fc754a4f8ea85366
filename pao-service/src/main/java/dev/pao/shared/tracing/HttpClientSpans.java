package dev.pao.shared.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * CLIENT spans of the calls made with the JDK's HTTP client (the typed Rest Clients are traced by
 * the server): one span per exchange, a child of the current span, whose context is sent along as
 * {@code traceparent} so the target can continue the trace.
 */
@ApplicationScoped
public class HttpClientSpans {
  static final String SCOPE = "dev.pao.action.http";
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<String> HOST = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private TextMapPropagator propagator;
  private Tracer tracer;

  protected HttpClientSpans() {}

  @Inject
  public HttpClientSpans(OpenTelemetry openTelemetry) {
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.tracer = openTelemetry.getTracer(SCOPE);
  }

  /** Spans that are never recorded (outside the server). */
  public static HttpClientSpans none() {
    return new HttpClientSpans(OpenTelemetry.noop());
  }

  /**
   * Starts the span of sending {@code request}; {@link Call#request()} is the request to send, with
   * the trace context in its headers when the span is recorded.
   */
  public Call start(HttpRequest request, String correlationId, String requestId) {
    Span span = tracer.spanBuilder(request.method()).setSpanKind(SpanKind.CLIENT).startSpan();
    if (!span.getSpanContext().isValid()) {
      return new Call(span, request);
    }
    if (span.isRecording()) {
      URI uri = request.uri();
      span.setAttribute(METHOD, request.method());
      span.setAttribute(URL, withoutQuery(uri));
      span.setAttribute(HOST, String.valueOf(uri.getHost()));
      span.setAttribute(PORT, (long) port(uri));
      TraceAttributes.tag(span, correlationId, requestId);
    }
    HttpRequest.Builder traced = HttpRequest.newBuilder(request, (name, value) -> true);
    propagator.inject(
        Context.current().with(span),
        traced,
        (carrier, key, value) -> carrier.setHeader(key, value));
    return new Call(span, traced.build());
  }

  /** The query may hold tokens: spans keep scheme, host, port and path only. */
  private static String withoutQuery(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + ":" + port(uri) + uri.getRawPath();
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** One exchange being traced. */
  public static final class Call implements AutoCloseable {
    private final Span span;
    private final HttpRequest request;

    Call(Span span, HttpRequest request) {
      this.span = span;
      this.request = request;
    }

    /** The request to send. */
    public HttpRequest request() {
      return request;
    }

    /** Records the answer's status; 4xx and 5xx mark the span as failed. */
    public void answered(int status) {
      span.setAttribute(STATUS, (long) status);
      if (status >= 400) {
        span.setAttribute(ERROR_TYPE, String.valueOf(status));
        span.setStatus(StatusCode.ERROR);
      }
    }

    /** Records a call that got no (usable) answer. */
    public void failed(Throwable error) {
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    }

    @Override
    public void close() {
      span.end();
    }
  }
}
