package dev.pao.notify.infra;

import dev.pao.notify.application.NotifySettings;
import dev.pao.notify.domain.Channel;
import dev.pao.notify.domain.DeliveryFailedException;
import dev.pao.notify.domain.Notification;
import dev.pao.notify.domain.NotificationSender;
import dev.pao.shared.json.JsonCodec;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Posts a team's notifications to its incoming webhook ({@code pao.notify.team.<team>.webhook-url},
 * an address the operator configures, not a catalog author: the outbound allowlist of actions does
 * not apply), signed with {@code pao.notify.webhook-secret} (see {@link WebhookSignature}) and with
 * {@code X-PAO-Delivery} set to the event key for de-duplication. A 2xx answer is a delivery.
 */
@ApplicationScoped
public class WebhookSender implements NotificationSender {
  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject Config config;

  private NotifySettings settings;
  private HttpClient http;

  @PostConstruct
  void configure() {
    settings = new NotifySettings(key -> config.getOptionalValue(key, String.class));
    http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    if (secret().isEmpty()) {
      LOG.info("Webhook notifications are sent unsigned: pao.notify.webhook-secret is not set");
    }
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public Delivery send(Notification notification) throws DeliveryFailedException {
    Optional<String> url = settings.teamWebhook(notification.recipient());
    if (url.isEmpty()) {
      return Delivery.skipped("no webhook is configured for team " + notification.recipient());
    }
    String body = JsonCodec.write(notification.payload().get("body"));
    long timestamp = System.currentTimeMillis() / 1000;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.get()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header(WebhookSignature.DELIVERY_HEADER, notification.eventKey())
            .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    secret()
        .ifPresent(
            secret ->
                request.header(
                    WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.sign(secret, timestamp, body)));
    try {
      HttpResponse<Void> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() / 100 != 2) {
        throw new DeliveryFailedException("the webhook answered HTTP " + answer.statusCode());
      }
      return Delivery.sent();
    } catch (IOException e) {
      throw new DeliveryFailedException("the webhook is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException("interrupted", e);
    }
  }

  private Optional<String> secret() {
    return config
        .getOptionalValue("pao.notify.webhook-secret", String.class)
        .filter(value -> !value.isBlank());
  }
}
