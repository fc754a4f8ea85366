package dev.pao.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open loop at saturation: single-action requests are submitted at a fixed rate, whatever the
 * server's progress; rates rise step by step while the server keeps up (completed at least 95 % of
 * the offered rate and the backlog of unfinished requests stays under two seconds of work). Prints
 * the highest sustained rate, its end-to-end latency, and next to it the bare pattern ({@link
 * BarePattern}) measured in the same run against the same PostgreSQL and broker, with their ratio.
 * Completion is read from the database, so watching adds no load to the server.
 */
public final class OpenLoopBench {
  private static final double STEP_SECONDS =
      Double.parseDouble(System.getProperty("pao.bench.step-seconds", "15"));
  private static final double FIRST_RATE = 10;
  private static final double RATE_FACTOR = 1.25;

  private OpenLoopBench() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("pao.bench.home", "target/bench-open-loop"));
    try (BenchStack stack = new BenchStack(home).start(Map.of())) {
      Step warmUp = step(stack, 10, 10);
      double sustained = 0;
      Step best = warmUp;
      for (double rate = FIRST_RATE; ; rate *= RATE_FACTOR) {
        Step step = step(stack, rate, STEP_SECONDS);
        System.out.printf(
            "  offered %5.1f/s: completed %5.1f/s, backlog at the end %d, end to end p50 %d ms%n",
            rate, step.completedRate(), step.backlog(), step.p50Millis());
        if (!step.keptUp(rate)) {
          break;
        }
        sustained = rate;
        best = step;
        awaitDrained(stack);
      }
      awaitDrained(stack);
      BarePattern bare = new BarePattern(stack.jdbcUrl(), stack.brokerEndpoint()).prepare();
      bare.run(3);
      double bareRate = bare.run(STEP_SECONDS);
      System.out.printf(
          "open loop: sustained %.1f requests/s (backlog not growing, end to end p50 %d ms, p95 %d"
              + " ms)%n",
          sustained, best.p50Millis(), best.p95Millis());
      System.out.printf(
          "bare pattern (3-row insert, FIFO send, receive, 2-row update, batched delete): %.1f"
              + " requests/s%n",
          bareRate);
      System.out.printf("ratio service/bare pattern: %.2f%n", sustained / bareRate);
    }
    System.exit(0);
  }

  /** One offered rate held for a while. */
  record Step(double completedRate, long backlog, long p50Millis, long p95Millis) {
    boolean keptUp(double offered) {
      return completedRate >= 0.95 * offered && backlog <= Math.max(20, 2 * offered);
    }
  }

  private static Step step(BenchStack stack, double rate, double seconds) throws Exception {
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newFixedThreadPool(64);
    AtomicLong submitted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    Instant from = Instant.now();
    long completedBefore = completed(stack);
    long periodNanos = (long) (1e9 / rate);
    clock.scheduleAtFixedRate(
        () ->
            senders.execute(
                () -> {
                  try {
                    stack.submit("o" + submitted.incrementAndGet());
                  } catch (Exception e) {
                    refused.incrementAndGet();
                  }
                }),
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    Thread.sleep((long) (seconds * 1000));
    clock.shutdownNow();
    senders.shutdown();
    senders.awaitTermination(30, TimeUnit.SECONDS);
    Instant to = Instant.now();
    long completed = completed(stack) - completedBefore;
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " submissions failed");
    }
    long[] percentiles = endToEnd(stack, from, to);
    return new Step(
        completed / seconds, submitted.get() - completed, percentiles[0], percentiles[1]);
  }

  private static void awaitDrained(BenchStack stack) throws Exception {
    for (int i = 0; i < 600 && unfinished(stack) > 0; i++) {
      Thread.sleep(100);
    }
  }

  private static long completed(BenchStack stack) throws SQLException {
    return count(stack, "SELECT count(*) FROM requests WHERE status = 'completed'");
  }

  private static long unfinished(BenchStack stack) throws SQLException {
    return count(
        stack, "SELECT count(*) FROM requests WHERE status NOT IN ('completed', 'failed')");
  }

  private static long count(BenchStack stack, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "pao", "pao");
        ResultSet row = connection.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** End-to-end p50 and p95 (created to finished, in the database) of requests of the step. */
  private static long[] endToEnd(BenchStack stack, Instant from, Instant to) throws SQLException {
    try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "pao", "pao");
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d),"
                    + " percentile_cont(0.95) WITHIN GROUP (ORDER BY d) FROM (SELECT"
                    + " extract(epoch FROM finished_at - created_at) * 1000 AS d FROM requests"
                    + " WHERE status = 'completed' AND created_at BETWEEN ? AND ?) AS t")) {
      query.setObject(1, java.sql.Timestamp.from(from));
      query.setObject(2, java.sql.Timestamp.from(to));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new long[] {Math.round(row.getDouble(1)), Math.round(row.getDouble(2))};
      }
    }
  }
}
