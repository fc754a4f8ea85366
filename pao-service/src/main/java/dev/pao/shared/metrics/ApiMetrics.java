package dev.pao.shared.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Rate, errors and duration of every HTTP exchange of the application: the timer {@code
 * pao_http_server_requests_seconds{method,status}} (status as its class, {@code 2xx} ... {@code
 * 5xx}; histogram buckets from {@code mp.metrics.distribution.timer.buckets}). It runs on every
 * request, so the timers are looked up once per method and status class and kept: recording is one
 * array read and one timer update.
 */
@ApplicationScoped
public class ApiMetrics {
  public static final String NAME = "pao.http.server.requests";

  /** Methods with a label of their own; any other is counted as {@code other}. */
  static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "other");

  private static final StatusClass[] CLASSES = StatusClass.values();

  @Inject MetricRegistry registry;

  private Metadata metadata;
  private final AtomicReferenceArray<Timer> timers =
      new AtomicReferenceArray<>(METHODS.size() * CLASSES.length);

  @PostConstruct
  void describe() {
    metadata =
        Metadata.builder()
            .withName(NAME)
            .withDescription("HTTP exchanges served, by method and status class")
            .build();
  }

  /** Records one exchange that started at {@code startNanos} ({@link System#nanoTime()}). */
  public void served(String method, int status, long startNanos) {
    long nanos = System.nanoTime() - startNanos;
    timer(methodIndex(method), StatusClass.of(status)).update(Duration.ofNanos(nanos));
  }

  private Timer timer(int method, StatusClass status) {
    int slot = method * CLASSES.length + status.ordinal();
    Timer timer = timers.get(slot);
    if (timer == null) {
      timer =
          registry.timer(
              metadata, new Tag("method", METHODS.get(method)), new Tag("status", status.label()));
      timers.set(slot, timer);
    }
    return timer;
  }

  /** The method's position in {@link #METHODS}, without allocating. */
  static int methodIndex(String method) {
    return switch (method == null ? "" : method) {
      case "GET" -> 0;
      case "POST" -> 1;
      case "PUT" -> 2;
      case "PATCH" -> 3;
      case "DELETE" -> 4;
      case "HEAD" -> 5;
      case "OPTIONS" -> 6;
      default -> 7;
    };
  }
}
