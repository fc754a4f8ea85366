package dev.pao.notify.infra;

import dev.pao.notify.domain.Channel;
import dev.pao.notify.domain.DeliveryFailedException;
import dev.pao.notify.domain.Notification;
import dev.pao.notify.domain.NotificationSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Sends e-mail notifications over SMTP with Jakarta Mail (Liberty's {@code mail-2.1} feature):
 * {@code pao.mail.host}, {@code pao.mail.port} (25), {@code pao.mail.from}, optional {@code
 * pao.mail.user}/{@code pao.mail.password} and {@code pao.mail.starttls}. Each message's {@code
 * Message-ID} is derived from the event key, so a message sent again after a crash is recognised as
 * the same one. Without a host, e-mail is off: rows are recorded as skipped.
 */
@ApplicationScoped
public class MailSender implements NotificationSender {
  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
  private static final String TIMEOUT_MILLIS = "10000";

  @Inject Config config;

  private Session session;
  private String from;

  @PostConstruct
  void configure() {
    Optional<String> host = text("pao.mail.host");
    if (host.isEmpty()) {
      LOG.info("E-mail notifications are off: pao.mail.host is not set");
      return;
    }
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", host.get());
    properties.put("mail.smtp.port", text("pao.mail.port").orElse("25"));
    properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.starttls.enable", text("pao.mail.starttls").orElse("false"));
    Optional<String> user = text("pao.mail.user");
    Authenticator authenticator = null;
    if (user.isPresent()) {
      properties.put("mail.smtp.auth", "true");
      String password = text("pao.mail.password").orElse("");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user.get(), password);
            }
          };
    }
    session = Session.getInstance(properties, authenticator);
    from = text("pao.mail.from").orElse("pao@localhost");
    LOG.info("E-mail notifications go through SMTP at " + host.get());
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public Delivery send(Notification notification) throws DeliveryFailedException {
    if (session == null) {
      return Delivery.skipped("e-mail is off (pao.mail.host is not set)");
    }
    try {
      MimeMessage message = new KeyedMessage(session, messageId(notification.eventKey()));
      message.setFrom(new InternetAddress(from));
      message.setRecipients(
          MimeMessage.RecipientType.TO, InternetAddress.parse(notification.recipient()));
      message.setSubject(
          String.valueOf(notification.payload().get("subject")), StandardCharsets.UTF_8.name());
      message.setText(
          String.valueOf(notification.payload().get("text")), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.setHeader("X-PAO-Delivery", notification.eventKey());
      Transport.send(message);
      return Delivery.sent();
    } catch (MessagingException e) {
      throw new DeliveryFailedException("SMTP refused or unreachable: " + e.getMessage(), e);
    }
  }

  /** The message id of an event: the same for every send of it. */
  static String messageId(String eventKey) {
    return "<" + eventKey.replaceAll("[^A-Za-z0-9._-]", "-") + "@pao.notifications>";
  }

  private Optional<String> text(String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** A message whose {@code Message-ID} is given, not generated on saving. */
  private static final class KeyedMessage extends MimeMessage {
    private final String id;

    KeyedMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
