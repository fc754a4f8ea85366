package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.LibertyProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After a request ran end to end, {@code /metrics} exports every metric of {@code
 * deploy/prometheus/metric-names.txt} (the list the alert rules and the dashboard are checked
 * against) with its labels, and the business meters moved for the item requested.
 */
class BusinessMetricsIT {
  private static final Path NAMES = Path.of("../deploy/prometheus/metric-names.txt");
  private static final Pattern SERIES =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Api api = TestStack.api();
  private final String token = api.token("metrics@example.com", List.of("team-data"), List.of());

  @Test
  void everyListedMetricIsExportedWithItsLabels() throws IOException {
    String id =
        submit(
            "vm-instance", "{\"hostname\": \"metrics-01\", \"decommissionDate\": \"2027-06-30\"}");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> !List.of("submitted", "queued", "in_progress").contains(status(id)));
    assertEquals("completed", status(id));
    api.get("/api/v1/requests/" + id + "/status", token);
    revalidateCatalog();

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              // Workers of every instance on the stack's queue take the actions: counters of the
              // work are summed over the instances, gauges read on the one that was asked.
              List<Series> scraped = scrapeAll();
              List<Series> here = scrape();
              for (Map.Entry<String, List<String>> listed : listed().entrySet()) {
                List<Series> found =
                    scraped.stream().filter(s -> s.name().equals(listed.getKey())).toList();
                assertTrue(!found.isEmpty(), listed.getKey() + " is not exported");
                for (Series series : found) {
                  assertTrue(
                      series.labels().keySet().containsAll(listed.getValue()),
                      series + " lacks one of the labels " + listed.getValue());
                }
              }
              assertTrue(
                  value(scraped, "pao_requests_submitted_total", Map.of("item", "vm-instance"))
                      >= 1);
              assertTrue(
                  value(
                          scraped,
                          "pao_requests_finished_total",
                          Map.of("item", "vm-instance", "outcome", "completed"))
                      >= 1);
              assertTrue(
                  value(
                          scraped,
                          "pao_request_fulfilment_seconds_count",
                          Map.of("item", "vm-instance"))
                      >= 1);
              assertTrue(
                  value(
                          scraped,
                          "pao_actions_finished_total",
                          Map.of("type", "jira", "automation", "manual", "outcome", "succeeded"))
                      >= 1);
              assertTrue(
                  value(
                          scraped,
                          "pao_actions_finished_total",
                          Map.of("type", "terraform", "automation", "automated"))
                      >= 1);
              assertTrue(
                  value(
                          scraped,
                          "pao_outbound_calls_total",
                          Map.of("target", "jira", "outcome", "success"))
                      >= 1);
              assertTrue(
                  value(scraped, "pao_outbound_calls_total", Map.of("target", "terraform")) >= 1);
              assertTrue(
                  value(
                          scraped,
                          "pao_cache_requests_total",
                          Map.of("cache", "catalog_etag", "result", "hit"))
                      >= 1);
              assertTrue(
                  value(
                          scraped,
                          "pao_http_server_requests_seconds_count",
                          Map.of("method", "POST", "status", "2xx"))
                      >= 1);
              assertEquals(1, value(here, "pao_database_reachable", Map.of()));
              assertEquals(1, value(here, "pao_queue_reachable", Map.of()));
              assertTrue(value(scraped, "pao_catalog_documents", Map.of("state", "loaded")) > 0);
              assertTrue(value(scraped, "pao_catalog_last_sync_age_seconds", Map.of()) >= 0);
              assertTrue(value(scraped, "pao_requests", Map.of("status", "failed")) >= 0);
              assertTrue(value(scraped, "pao_outbox_pending", Map.of()) >= 0);
            });
  }

  @Test
  void theApiTimerHasHistogramBucketsAndNoClientSideQuantiles() {
    api.get("/api/v1/version");
    List<Series> scraped = scrape();
    Set<String> bounds = new java.util.TreeSet<>();
    for (Series series : scraped) {
      if (series.name().equals("pao_http_server_requests_seconds_bucket")) {
        bounds.add(series.labels().get("le"));
      }
      assertTrue(
          !(series.name().startsWith("pao_") && series.labels().containsKey("quantile")),
          "client-side quantiles are not exported: " + series);
    }
    assertTrue(bounds.contains("0.25"), bounds.toString());
    assertTrue(bounds.contains("+Inf"), bounds.toString());
  }

  private void revalidateCatalog() {
    Api.Answer first = api.get("/api/v1/catalog", token);
    assertEquals(200, first.status(), first.raw());
    Api.Answer again =
        api.send(
            api.request("/api/v1/catalog")
                .header("Authorization", "Bearer " + token)
                .header("If-None-Match", first.header("ETag")));
    assertEquals(304, again.status());
  }

  private String submit(String item, String formData) {
    Api.Answer submitted =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \""
                            + item
                            + "\", \"form_data\": "
                            + formData
                            + "}")));
    assertEquals(202, submitted.status(), submitted.raw());
    return submitted.json().getJsonObject("data").getString("id");
  }

  private String status(String id) {
    return api.get("/api/v1/requests/" + id, token)
        .json()
        .getJsonObject("data")
        .getString("status");
  }

  /** The list file: series name to the labels it must carry. */
  static Map<String, List<String>> listed() throws IOException {
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (String line : Files.readAllLines(NAMES)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      List<String> words = List.of(trimmed.split("\\s+"));
      names.put(words.get(0), words.subList(1, words.size()));
    }
    assertTrue(names.size() > 20, "the list file names the metrics: " + NAMES.toAbsolutePath());
    return names;
  }

  private static List<Series> scrapeAll() {
    List<Series> all = new ArrayList<>();
    for (LibertyProcess server : TestStack.runningServers()) {
      all.addAll(scrape(new Api(server.baseUrl())));
    }
    return all;
  }

  private List<Series> scrape() {
    return scrape(api);
  }

  private static List<Series> scrape(Api api) {
    Api.Answer metrics = api.get("/metrics");
    assertEquals(200, metrics.status());
    try {
      // Kept for a reader of a failure: what the names and labels really were.
      Files.writeString(Path.of("target", "metrics-scrape.txt"), metrics.raw());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<Series> all = new ArrayList<>();
    for (String line : metrics.raw().split("\n")) {
      Matcher m = SERIES.matcher(line);
      if (line.startsWith("#") || !m.find()) {
        continue;
      }
      Map<String, String> labels = new HashMap<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      all.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return all;
  }

  /** The sum of the series of {@code name} carrying all of {@code labels}. */
  private static double value(List<Series> scraped, String name, Map<String, String> labels) {
    return scraped.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Series::value)
        .sum();
  }

  private record Series(String name, Map<String, String> labels, double value) {}
}
