package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Service accounts against the real server: a call signed with HTTP Message Signatures (RFC 9421)
 * is accepted; replayed late, with a changed body, outside the account's items or after revocation
 * it is refused; the audit query and its export find what happened; the shell recipe signs too.
 */
class ServiceAccountIT {
  private static final String FORM =
      "{\"catalog_item_id\": \"%s\", \"form_data\": {\"name\": \"%s\", \"partitions\": 3,"
          + " \"retention\": \"7d\"}}";

  private final Api api = TestStack.api();
  private final String admin = api.token("ops@example.com", List.of("ops"), List.of("admin"));

  @Test
  void signedCallsAreAcceptedAndRefusedAsTheyShouldAndAllIsAudited() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject account = register(name, pem(keys), "[\"kafka-topic\"]");
    String id = account.getString("id");
    String keyId = account.getString("key_id");
    assertEquals(name + "@service-accounts.pao", account.getString("email"));

    String body = FORM.formatted("kafka-topic", "sa." + name);
    long now = Instant.now().getEpochSecond();
    Api.Answer accepted = api.send(signed("POST", "/api/v1/requests", body, keys, keyId, now));
    assertEquals(202, accepted.status(), accepted.raw());
    JsonObject request = accepted.json().getJsonObject("data");
    String requestId = request.getString("id");

    Api.Answer late = api.send(signed("POST", "/api/v1/requests", body, keys, keyId, now - 3600));
    assertEquals(401, late.status(), late.raw());
    assertEquals("UNAUTHENTICATED", late.errorCode());
    assertTrue(late.raw().contains("outside the allowed"), late.raw());

    HttpRequest.Builder tampered =
        signedWithBody(
            "POST",
            "/api/v1/requests",
            body,
            FORM.formatted("kafka-topic", "x.y"),
            keys,
            keyId,
            now);
    Api.Answer changed = api.send(tampered);
    assertEquals(401, changed.status(), changed.raw());
    assertTrue(changed.raw().contains("Content-Digest does not match"), changed.raw());

    Api.Answer replayed = api.send(signed("POST", "/api/v1/requests", body, keys, keyId, now));
    assertEquals(401, replayed.status(), replayed.raw());
    assertTrue(replayed.raw().contains("replay"), replayed.raw());

    Api.Answer outside =
        api.send(
            signed(
                "POST",
                "/api/v1/requests",
                FORM.formatted("postgres-database", "x"),
                keys,
                keyId,
                now + 1));
    assertEquals(403, outside.status(), outside.raw());
    assertTrue(outside.raw().contains("item scope"), outside.raw());

    Api.Answer read =
        api.send(signed("GET", "/api/v1/requests/" + requestId, null, keys, keyId, now + 2));
    assertEquals(200, read.status(), read.raw());
    assertEquals(
        name + "@service-accounts.pao",
        read.json().getJsonObject("data").getJsonObject("requester").getString("email"));

    Api.Answer revoked =
        api.send(
            api.request("/api/v1/service-accounts/" + id)
                .header("Authorization", "Bearer " + admin)
                .DELETE());
    assertEquals(200, revoked.status(), revoked.raw());
    Api.Answer afterRevoke =
        api.send(signed("GET", "/api/v1/requests/" + requestId, null, keys, keyId, now + 3));
    assertEquals(401, afterRevoke.status(), afterRevoke.raw());
    assertTrue(afterRevoke.raw().contains("revoked"), afterRevoke.raw());

    Api.Answer audit =
        api.get(
            "/api/v1/audit?type=service_account.*&actor=" + name + "@service-accounts.pao", admin);
    assertEquals(200, audit.status(), audit.raw());
    Set<String> types =
        audit.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("event_type"))
            .collect(Collectors.toSet());
    assertEquals(Set.of("service_account.used", "service_account.rejected"), types, audit.raw());
    Api.Answer byAdmin =
        api.get("/api/v1/audit?type=service_account.*&actor=ops@example.com&limit=200", admin);
    assertTrue(byAdmin.raw().contains("\"service_account.revoked\""), byAdmin.raw());
    assertTrue(byAdmin.raw().contains("\"service_account.registered\""), byAdmin.raw());
    Api.Answer trail = api.get("/api/v1/audit?request_id=" + requestId, admin);
    assertTrue(trail.raw().contains("\"request.submitted\""), trail.raw());
  }

  @Test
  void theAuditIsForAdminsPagesAndExportsJsonLines() {
    String developer = api.token("dev@example.com", List.of("team-a"), List.of());
    assertEquals(403, api.get("/api/v1/audit", developer).status());
    assertEquals(403, api.get("/api/v1/audit/export", developer).status());
    assertEquals(401, api.get("/api/v1/audit").status());
    for (String bad :
        List.of(
            "since=yesterday",
            "limit=0",
            "limit=201",
            "cursor=nope",
            "type=a%25",
            "request_id=1")) {
      Api.Answer answer = api.get("/api/v1/audit?" + bad, admin);
      assertEquals(400, answer.status(), bad + ": " + answer.raw());
      assertEquals("VALIDATION_ERROR", answer.errorCode(), bad);
    }
    Api.Answer first = api.get("/api/v1/audit?limit=1", admin);
    assertEquals(200, first.status(), first.raw());
    String cursor = first.json().getJsonObject("meta").getString("next_cursor");
    Api.Answer second = api.get("/api/v1/audit?limit=1&cursor=" + cursor, admin);
    assertEquals(200, second.status(), second.raw());
    long firstId =
        first.json().getJsonArray("data").getJsonObject(0).getJsonNumber("id").longValue();
    long secondId =
        second.json().getJsonArray("data").getJsonObject(0).getJsonNumber("id").longValue();
    assertTrue(firstId != secondId);

    Api.Answer export = api.get("/api/v1/audit/export?type=catalog.*", admin);
    assertEquals(200, export.status(), export.raw());
    assertTrue(
        export.header("Content-Type").startsWith("application/x-ndjson"),
        export.header("Content-Type"));
    assertTrue(
        export.header("Content-Disposition").contains(".jsonl"),
        export.header("Content-Disposition"));
    List<String> lines = export.raw().lines().toList();
    assertTrue(!lines.isEmpty(), "the start-up sync is audited");
    for (String line : lines) {
      try (JsonReader reader = Json.createReader(new StringReader(line))) {
        JsonObject event = reader.readObject();
        assertTrue(event.getString("event_type").startsWith("catalog."), line);
        assertTrue(event.containsKey("occurred_at") && event.containsKey("actor"), line);
      }
    }
    assertEquals(400, api.get("/api/v1/audit/export?until=13/01/2026", admin).status());
  }

  @Test
  void aWebhookWithAWrongSignatureIsAuditedAsRejected() {
    String body = Webhooks.push("refs/heads/main", "catalog/x.yaml");
    Api.Answer refused = Webhooks.send(api, body, "sha256=00");
    assertEquals(401, refused.status(), refused.raw());
    Api.Answer audit = api.get("/api/v1/audit?type=webhook.rejected&actor=unknown", admin);
    assertEquals(200, audit.status(), audit.raw());
    JsonObject event = audit.json().getJsonArray("data").getJsonObject(0);
    assertTrue(event.getJsonObject("payload").containsKey("remote_address"), event.toString());
    assertEquals("wrong X-Hub-Signature-256", event.getJsonObject("payload").getString("reason"));
  }

  @Test
  void theShellRecipeSignsACallCurlCanSend() throws Exception {
    Path script = Path.of("../docs/examples/pao-sign.sh").toAbsolutePath();
    if (!Files.isExecutable(Path.of("/usr/bin/openssl")) || !Files.exists(script)) {
      return; // the recipe needs bash and openssl
    }
    Path dir = Files.createTempDirectory("pao-sign");
    Path key = dir.resolve("key.pem");
    run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", key.toString());
    run(dir, "openssl", "pkey", "-in", key.toString(), "-pubout", "-out", "pub.pem");
    String name = "sh-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject account = register(name, Files.readString(dir.resolve("pub.pem")), "[]");
    Path bodyFile = dir.resolve("body.json");
    Files.writeString(bodyFile, FORM.formatted("kafka-topic", "sh." + name));
    String headers =
        run(
            dir,
            "bash",
            script.toString(),
            "POST",
            "/api/v1/requests",
            bodyFile.toString(),
            key.toString(),
            account.getString("key_id"));
    HttpRequest.Builder request =
        api.request("/api/v1/requests")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofFile(bodyFile));
    for (String line : headers.lines().toList()) {
      int colon = line.indexOf(':');
      request.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    Api.Answer answer = api.send(request);
    assertEquals(202, answer.status(), headers + "\n" + answer.raw());
  }

  private JsonObject register(String name, String publicKeyPem, String items) {
    String body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("public_key", publicKeyPem)
            .add("teams", Json.createArrayBuilder().add("team-a"))
            .add("items", Json.createReader(new StringReader(items)).readArray())
            .add("description", "pipeline of " + name)
            .build()
            .toString();
    Api.Answer answer =
        api.send(
            api.request("/api/v1/service-accounts")
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(201, answer.status(), answer.raw());
    return answer.json().getJsonObject("data");
  }

  private HttpRequest.Builder signed(
      String method, String path, String body, KeyPair keys, String keyId, long created)
      throws GeneralSecurityException {
    return signedWithBody(method, path, body, body, keys, keyId, created);
  }

  /** A request signed over {@code signedBody} that sends {@code sentBody}. */
  private HttpRequest.Builder signedWithBody(
      String method,
      String path,
      String signedBody,
      String sentBody,
      KeyPair keys,
      String keyId,
      long created)
      throws GeneralSecurityException {
    boolean hasBody = signedBody != null;
    String components =
        hasBody ? "\"@method\" \"@path\" \"content-digest\"" : "\"@method\" \"@path\"";
    String params =
        "(" + components + ");created=" + created + ";keyid=\"" + keyId + "\";alg=\"ed25519\"";
    String digest = hasBody ? digest(signedBody) : null;
    StringBuilder base = new StringBuilder();
    base.append("\"@method\": ").append(method).append('\n');
    base.append("\"@path\": ").append(URI.create("http://x" + path).getRawPath()).append('\n');
    if (hasBody) {
      base.append("\"content-digest\": ").append(digest).append('\n');
    }
    base.append("\"@signature-params\": ").append(params);
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(keys.getPrivate());
    signer.update(base.toString().getBytes(StandardCharsets.UTF_8));
    String signature = Base64.getEncoder().encodeToString(signer.sign());
    HttpRequest.Builder request =
        api.request(path)
            .header("Signature-Input", "sig1=" + params)
            .header("Signature", "sig1=:" + signature + ":");
    if (hasBody) {
      request
          .header("Content-Type", "application/json")
          .header("Content-Digest", digest)
          .method(method, HttpRequest.BodyPublishers.ofString(sentBody));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return request;
  }

  private static String digest(String body) throws GeneralSecurityException {
    return "sha-256=:"
        + Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)))
        + ":";
  }

  private static String pem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + err);
    return out;
  }
}
