package dev.pao.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.pao.local.LibertyProcess;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications on a real server: a failed request tells its requester by e-mail (a real SMTP
 * server) and the owning team (team-it) by a signed webhook (a local receiver), exactly once, also
 * when the receivers are down and the server restarts meanwhile; an escalation creates exactly one
 * ticket in the sandbox JIRA's support project and shows its key on the request. Every server of
 * the test stack shares the notification settings ({@link TestStack}).
 */
class NotificationsIT {
  private static WireMockServer target;
  private static WireMockServer hooks;
  private static GreenMail mail;
  private static LibertyProcess server;
  private static Api api;
  private static String ada;

  @BeforeAll
  static void start() {
    target = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    target.start();
    target.stubFor(
        post(urlPathMatching("/first/.*"))
            .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"boom\"}")));
    hooks = new WireMockServer(WireMockConfiguration.options().port(TestStack.NOTIFY_HOOK_PORT));
    hooks.start();
    // The receiver is down for every delivery unless a test says otherwise for its request.
    hooks.stubFor(
        post(urlPathEqualTo("/hooks/team-it"))
            .atPriority(10)
            .willReturn(aResponse().withStatus(503)));
    mail = startMail();
    server = RequestServer.start("notify", target.port());
    api = new Api(server.baseUrl());
    ada = api.token("ada@example.com", List.of("team-it"), List.of());
  }

  @AfterAll
  static void stop() {
    server.stop();
    hooks.stop();
    target.stop();
    mail.stop();
  }

  private static GreenMail startMail() {
    GreenMail started =
        new GreenMail(new ServerSetup(TestStack.NOTIFY_SMTP_PORT, "127.0.0.1", "smtp"));
    started.start();
    return started;
  }

  @Test
  void aFailureNotifiesTheRequesterByMailAndTheTeamByASignedWebhookOnce() throws Exception {
    String name = "notify-" + UUID.randomUUID().toString().substring(0, 8);
    String id = submit(name);
    receiverUpFor(id);
    awaitStatus(id, "failed");

    awaitDeliveries(id);
    List<MimeMessage> messages = mailsFor(id);
    assertEquals("ada@example.com", messages.get(0).getAllRecipients()[0].toString());
    assertTrue(messages.get(0).getSubject().contains("failed"), messages.get(0).getSubject());
    assertTrue(messages.get(0).getMessageID().contains(id), messages.get(0).getMessageID());
    ServeEvent delivery = deliveriesTo(id).get(0);
    String body = delivery.getRequest().getBodyAsString();
    assertTrue(body.contains("\"blocks\"") && body.contains(id), body);
    String timestamp = delivery.getRequest().getHeader("X-PAO-Timestamp");
    assertEquals(
        sign(TestStack.NOTIFY_WEBHOOK_SECRET, timestamp + "." + body),
        delivery.getRequest().getHeader("X-PAO-Signature"));
  }

  @Test
  void aPendingNotificationSurvivesARestartAndIsDeliveredOnce() throws Exception {
    mail.stop();
    String id;
    try {
      String name = "restart-" + UUID.randomUUID().toString().substring(0, 8);
      id = submit(name);
      awaitStatus(id, "failed");
      // The receiver answered 503 at least once: the notification is pending, its attempt counted.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> !attemptsFor(id).isEmpty());
      server.stop();
      server.start(Duration.ofMinutes(3));
    } finally {
      mail = startMail();
    }
    receiverUpFor(id);
    awaitDeliveries(id);
  }

  @Test
  void anEscalationCreatesOneSupportTicketShownOnTheRequest() {
    String id = submit("escalate-" + UUID.randomUUID().toString().substring(0, 8));
    receiverUpFor(id);
    awaitStatus(id, "failed");

    Api.Answer escalated = decide(id, "escalate", "{\"reason\": \"the database team must look\"}");
    assertEquals(200, escalated.status(), escalated.raw());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> read(id).containsKey("support_ticket"));
    JsonObject ticket = read(id).getJsonObject("support_ticket");
    assertTrue(ticket.getString("key").startsWith("SUP-"), ticket.toString());
    assertTrue(ticket.getString("url").endsWith("/browse/" + ticket.getString("key")));
    assertEquals(1, sandboxTickets(id));

    assertEquals(409, decide(id, "escalate", "{}").status(), "escalated is terminal");
    JsonObject trail = api.get("/api/v1/requests/" + id + "/logs", ada).json();
    assertTrue(trail.toString().contains("request.support_ticket_created"), trail.toString());
    // The team heard of the escalation as well (exactly one delivery of each event).
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                deliveriesTo(id).stream()
                    .anyMatch(e -> e.getRequest().getBodyAsString().contains("escalated")));
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> sandboxTickets(id) == 1 && deliveriesTo(id).size() == 2);
  }

  private static String submit(String name) {
    Api.Answer answer =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + ada)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \"it-first\", \"form_data\": {\"name\": \""
                            + name
                            + "\"}}")));
    assertEquals(202, answer.status(), answer.raw());
    return answer.json().getJsonObject("data").getString("id");
  }

  private static Api.Answer decide(String id, String decision, String body) {
    return api.send(
        api.request("/api/v1/requests/" + id + "/" + decision)
            .header("Authorization", "Bearer " + ada)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonObject read(String id) {
    return api.get("/api/v1/requests/" + id, ada).json().getJsonObject("data");
  }

  private static void awaitStatus(String id, String status) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> status.equals(read(id).getString("status")));
  }

  /** The receiver takes the deliveries of this request. */
  private static void receiverUpFor(String id) {
    hooks.stubFor(
        post(urlPathEqualTo("/hooks/team-it"))
            .atPriority(1)
            .withHeader("X-PAO-Delivery", containing(id))
            .willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  /** Exactly one e-mail and one webhook delivery of the request's failure arrive, and no more. */
  private static void awaitDeliveries(String id) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> mailsFor(id).size() == 1 && deliveriesTo(id).size() == 1);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> mailsFor(id).size() == 1 && deliveriesTo(id).size() == 1);
  }

  private static List<MimeMessage> mailsFor(String id) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(message -> header(message, "X-PAO-Delivery").contains(id))
        .toList();
  }

  private static String header(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, ",");
      return value == null ? "" : value;
    } catch (MessagingException e) {
      return "";
    }
  }

  /** Webhook posts for the request the receiver took (answered 2xx). */
  private static List<ServeEvent> deliveriesTo(String id) {
    return attemptsFor(id).stream()
        .filter(event -> event.getResponse().getStatus() / 100 == 2)
        .toList();
  }

  private static List<ServeEvent> attemptsFor(String id) {
    return hooks.getAllServeEvents().stream()
        .filter(
            event -> {
              String delivery = event.getRequest().getHeader("X-PAO-Delivery");
              return delivery != null && delivery.contains(id);
            })
        .toList();
  }

  /** Tickets in the sandbox JIRA carrying the request's support label. */
  private static int sandboxTickets(String id) {
    String jql = "labels = \"pao-" + id + "--1-1\"";
    Api sandbox = new Api(TestStack.get().sandbox().baseUrl());
    Api.Answer found =
        sandbox.get(
            "/jira/rest/api/2/search?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8));
    assertEquals(200, found.status(), found.raw());
    return found.json().getJsonArray("issues").size();
  }

  private static String sign(String secret, String signed) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v1=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }
}
