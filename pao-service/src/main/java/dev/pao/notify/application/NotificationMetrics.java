package dev.pao.notify.application;

import dev.pao.notify.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code pao_notifications_sent_total{channel,outcome}}: what became of each send of a
 * notification: {@code sent}, {@code skipped} (channel not configured), {@code retry} (failed, to
 * be tried again), {@code gave_up} (failed for the last time).
 */
@ApplicationScoped
public class NotificationMetrics {
  static final String NAME = "pao.notifications.sent";
  static final List<String> OUTCOMES = List.of("sent", "skipped", "retry", "gave_up");

  @Inject MetricRegistry registry;

  private Metadata metadata;

  void describe() {
    for (Channel channel : Channel.values()) {
      for (String outcome : OUTCOMES) {
        counted(channel, outcome, 0);
      }
    }
  }

  void counted(Channel channel, String outcome) {
    counted(channel, outcome, 1);
  }

  private void counted(Channel channel, String outcome, long by) {
    if (metadata == null) {
      metadata =
          Metadata.builder()
              .withName(NAME)
              .withDescription("Notification sends by channel and outcome")
              .build();
    }
    registry
        .counter(metadata, new Tag("channel", channel.wireName()), new Tag("outcome", outcome))
        .inc(by);
  }
}
