package dev.pao.shared.limits;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's rate limits ({@code pao.limits.*}). Each server instance counts on its own: with N
 * instances behind a load balancer a caller may get up to N times the limit, which is enough to
 * stop a runaway script or a flood without a shared counter in the database.
 */
@ApplicationScoped
public class RateLimits {
  private static final int MAX_KEYS = 10_000;

  @Inject
  @ConfigProperty(name = "pao.limits.submissions-per-minute", defaultValue = "30")
  int submissionsPerMinute;

  @Inject
  @ConfigProperty(name = "pao.limits.webhook-per-minute", defaultValue = "60")
  int webhookPerMinute;

  private RateLimit submissions;
  private RateLimit webhooks;

  @PostConstruct
  void create() {
    submissions =
        new RateLimit("submissions", submissionsPerMinute, Duration.ofMinutes(1), MAX_KEYS);
    webhooks =
        new RateLimit("webhook deliveries", webhookPerMinute, Duration.ofMinutes(1), MAX_KEYS);
  }

  /** One request submission by {@code subject}. */
  public void submission(String subject) {
    submissions.acquire(subject);
  }

  /** One webhook delivery from {@code source} (the client address). */
  public void webhook(String source) {
    webhooks.acquire(source);
  }
}
