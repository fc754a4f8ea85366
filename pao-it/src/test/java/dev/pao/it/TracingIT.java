package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace follows a request from its submission through the queue to the outbound calls, when the
 * server is configured to export traces; by default nothing is exported. Access log lines are JSON
 * objects with the correlation id. A stack of its own (database, queue, sandbox, server), so that
 * this server, whose spans are printed to its console by the logging exporter, is the one that
 * takes the request's messages.
 */
class TracingIT {
  /** A line of the logging exporter: 'name' : traceId spanId KIND [tracer: scope:version] attrs. */
  private static final Pattern SPAN =
      Pattern.compile(
          "'(?<name>[^']*)' : (?<trace>[0-9a-f]{32}) (?<span>[0-9a-f]{16}) (?<kind>[A-Z]+)"
              + " \\[tracer: (?<scope>[^:\\]]*):[^\\]]*\\] (?<attributes>.*)",
          Pattern.DOTALL);

  private static LocalStack traced;

  @BeforeAll
  static void start() {
    Path home = Path.of(System.getProperty("pao.it.home", "target/it-stack") + "-tracing");
    TestStack.deleteRecursively(home);
    traced =
        new LocalStack(
            new LocalStack.Settings(
                home.toAbsolutePath(),
                Path.of(System.getProperty("pao.wlp.dir")).toAbsolutePath(),
                TestStack.freePort(),
                TestStack.freePort(),
                TestStack.freePort(),
                true,
                TestStack.freePort(),
                Map.of(
                    "OTEL_SDK_DISABLED", "false",
                    "OTEL_SERVICE_NAME", "pao",
                    "OTEL_TRACES_EXPORTER", "logging",
                    "OTEL_METRICS_EXPORTER", "none",
                    "OTEL_LOGS_EXPORTER", "none")));
    traced.start();
    TestStack.awaitCatalog(traced.server(), "event-driven-service");
  }

  @AfterAll
  static void stop() {
    if (traced != null) {
      traced.close();
    }
  }

  @Test
  void oneTraceLinksTheSubmissionTheQueuedWorkAndTheOutboundCalls() {
    Api api = new Api(traced.server().baseUrl());
    String token = api.token("tracer@example.com", List.of("team-data"), List.of());
    String correlationId = "trace-it-" + UUID.randomUUID();
    Api.Answer submitted =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Correlation-ID", correlationId)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \"event-driven-service\","
                            + " \"form_data\": {\"name\": \"traced-events\"}}")));
    assertEquals(202, submitted.status(), submitted.raw());
    String requestId = submitted.json().getJsonObject("data").getString("id");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                "completed"
                    .equals(
                        api.get("/api/v1/requests/" + requestId, token)
                            .json()
                            .getJsonObject("data")
                            .getString("status")));

    Span submit =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    spans(traced.server()).stream()
                        .filter(s -> s.kind().equals("SERVER"))
                        .filter(s -> s.name().contains("/api/v1/requests"))
                        .filter(s -> s.has("pao.correlation_id", correlationId))
                        .findFirst(),
                Optional::isPresent)
            .get();
    assertTrue(submit.has("pao.request_id", requestId), submit.toString());

    // Two actions (a pull request through the typed GitHub client, a plain REST call), each a
    // message of its own: both consumer spans and all their calls belong to the submission's trace.
    List<Span> trace =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> spans(traced.server()).stream().filter(s -> s.inTrace(submit)).toList(),
                found ->
                    found.stream().filter(s -> s.kind().equals("CONSUMER")).count() >= 2
                        && found.stream().anyMatch(s -> s.scope().equals("dev.pao.action.http")));
    List<Span> consumers = trace.stream().filter(s -> s.kind().equals("CONSUMER")).toList();
    for (Span consumer : consumers) {
      assertTrue(consumer.has("pao.correlation_id", correlationId), consumer.toString());
      assertTrue(consumer.has("pao.request_id", requestId), consumer.toString());
      assertTrue(consumer.has("messaging.system", "aws_sqs"), consumer.toString());
    }
    Span restCall =
        trace.stream().filter(s -> s.scope().equals("dev.pao.action.http")).findFirst().get();
    assertEquals("CLIENT", restCall.kind(), restCall.toString());
    assertTrue(restCall.has("pao.correlation_id", correlationId), restCall.toString());
    assertTrue(restCall.has("http.request.method", "POST"), restCall.toString());
    assertTrue(restCall.has("http.response.status_code", "201"), restCall.toString());
    List<Span> typedCalls =
        trace.stream()
            .filter(s -> s.kind().equals("CLIENT") && !s.scope().startsWith("dev.pao"))
            .toList();
    assertFalse(typedCalls.isEmpty(), "the GitHub client's calls are in the trace: " + trace);
  }

  @Test
  void accessLogLinesAreJsonWithTheCorrelationId() {
    LibertyProcess server = traced.server();
    String correlationId = "access-log-" + UUID.randomUUID();
    Api.Answer answer =
        new Api(server.baseUrl())
            .send(
                new Api(server.baseUrl())
                    .request("/api/v1/health/ready")
                    .header("X-Correlation-ID", correlationId)
                    .GET());
    assertEquals(200, answer.status(), answer.raw());
    JsonObject line =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    jsonLines(server).stream()
                        .filter(l -> "liberty_accesslog".equals(l.getString("type", "")))
                        .filter(
                            l ->
                                correlationId.equals(
                                    l.getString("ibm_responseHeader_x-correlation-id", "")))
                        .findFirst(),
                Optional::isPresent)
            .get();
    assertEquals("GET", line.getString("ibm_requestMethod"), line.toString());
    assertEquals("/api/v1/health/ready", line.getString("ibm_uriPath"), line.toString());
    assertEquals(200, line.getInt("ibm_responseCode"), line.toString());
    assertTrue(line.getInt("ibm_requestElapsedTime") > 0, line.toString());
  }

  @Test
  void byDefaultNothingIsExported() {
    LibertyProcess server = TestStack.get().server();
    Api api = new Api(server.baseUrl());
    String token = api.token("untraced@example.com", List.of(), List.of());
    assertEquals(200, api.get("/api/v1/catalog", token).status());
    String log = read(server.consoleLog());
    assertTrue(
        log.contains("CWMOT5100I") && log.contains("generate traces for the pao application"),
        "the telemetry feature is there and off for the application");
    assertFalse(log.contains("LoggingSpanExporter"), "spans were printed");
    assertFalse(log.contains("io.opentelemetry.exporter"), "an exporter wrote to the log");
    assertFalse(log.toLowerCase().contains("failed to export"), "an exporter tried to export");
  }

  /** The spans the logging exporter has printed so far. */
  private static List<Span> spans(LibertyProcess server) {
    List<Span> spans = new ArrayList<>();
    for (JsonObject line : jsonLines(server)) {
      Matcher span = SPAN.matcher(line.getString("message", ""));
      if (span.matches()) {
        spans.add(
            new Span(
                span.group("name"),
                span.group("trace"),
                span.group("kind"),
                span.group("scope"),
                span.group("attributes")));
      }
    }
    return spans;
  }

  private static List<JsonObject> jsonLines(LibertyProcess server) {
    List<JsonObject> lines = new ArrayList<>();
    for (String line : read(server.consoleLog()).split("\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      try (JsonReader reader = Json.createReader(new StringReader(line))) {
        lines.add(reader.readObject());
      } catch (JsonException partial) {
        // A line still being written.
      }
    }
    return lines;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One exported span, as the logging exporter prints it (attributes as one text). */
  private record Span(String name, String traceId, String kind, String scope, String attributes) {
    boolean inTrace(Span other) {
      return traceId.equals(other.traceId);
    }

    boolean has(String attribute, String value) {
      return Pattern.compile("[{ ]" + Pattern.quote(attribute + "=" + value) + "[,}]")
          .matcher(attributes)
          .find();
    }
  }
}
