package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a newcomer sees: sample items and bundles requested through the API complete end to end
 * against the sandbox, with ticket keys and URLs, and no secret shows up anywhere afterwards.
 */
class SampleRequestsIT {
  private final Api api = TestStack.api();
  private final String token = api.token("newcomer@example.com", List.of("team-data"), List.of());

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "service-starter|{\"name\": \"orders\", \"visibility\": \"internal\", \"ownerEmail\":"
            + " \"owner@example.com\", \"network\": {\"vpc\": \"vpc-0a1b2c3d\"}}",
        "event-driven-service|{\"name\": \"order-events\"}",
        "vm-instance|{\"hostname\": \"build-01\", \"decommissionDate\": \"2027-06-30\"}",
      })
  void completesAgainstTheSandboxWithoutLeakingSecrets(String item, String formData) {
    Api.Answer submitted =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \""
                            + item
                            + "\", \"form_data\": "
                            + formData
                            + "}")));
    assertEquals(202, submitted.status(), submitted.raw());
    String id = submitted.json().getJsonObject("data").getString("id");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> !List.of("submitted", "queued", "in_progress").contains(status(id)));
    JsonObject request = api.get("/api/v1/requests/" + id, token).json().getJsonObject("data");
    assertEquals("completed", request.getString("status"), request.toString());
    boolean anyExternal = false;
    for (JsonValue action : request.getJsonArray("actions")) {
      JsonObject ref = action.asJsonObject().getJsonObject("external_ref");
      if (ref != null) {
        anyExternal = true;
        assertNotNull(ref.getString("url", null), action.toString());
      }
    }
    assertEquals(true, anyExternal, "some action created something with a URL");
    if (item.equals("service-starter")) {
      // Components get their items' defaults and the bundle's fixed values, never an empty value.
      String logs = api.get("/api/v1/requests/" + id + "/logs", token).raw();
      for (String rendered :
          List.of(
              "Create PostgreSQL orders (small)",
              "storage: 20 GiB",
              "allowed CIDR: 10.0.0.0/8",
              "\"topics\":\"service\"")) {
        assertTrue(logs.contains(rendered), rendered + " missing from " + abbreviate(logs));
      }
    }

    List<String> secrets = secretValues();
    List<String> answers = new ArrayList<>();
    answers.add(request.toString());
    answers.add(api.get("/api/v1/requests/" + id + "/logs", token).raw());
    answers.add(api.get("/api/v1/requests/" + id + "/status", token).raw());
    answers.add(serverLogs());
    for (String secret : secrets) {
      for (String answer : answers) {
        assertFalse(answer.contains(secret), "a secret value appears in " + abbreviate(answer));
      }
    }
  }

  private String status(String id) {
    return api.get("/api/v1/requests/" + id, token)
        .json()
        .getJsonObject("data")
        .getString("status");
  }

  private static List<String> secretValues() {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> entry : TestStack.get().serverEnvironment().entrySet()) {
      if (entry.getKey().startsWith("PAO_SECRET_")) {
        values.add(entry.getValue());
      }
    }
    assertFalse(values.isEmpty(), "the sandbox configures secrets");
    return values;
  }

  /** Every log under the stack's home; servers still run, so files may come and go meanwhile. */
  private static String serverLogs() {
    Path output = TestStack.get().settings().home();
    StringBuilder text = new StringBuilder();
    try {
      Files.walkFileTree(
          output,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              if (file.toString().endsWith(".log")) {
                try {
                  text.append(Files.readString(file));
                } catch (NoSuchFileException rotated) {
                  // gone since it was listed
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
