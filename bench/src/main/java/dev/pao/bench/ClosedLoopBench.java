package dev.pao.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closed loop of issue-grade comparisons: 20 clients, each submits one single-action request (a
 * {@code rest} call to a stub answering after 10 ms), polls its status every 50 ms until it is
 * final, then submits the next; 2,000 requests after 40 to warm up. Prints completed/s, submission
 * and end-to-end percentiles, server CPU per request (Liberty, PostgreSQL and the broker), database
 * transactions and row writes per request, and Liberty's peak RSS. {@code -Dpao.bench.jfr=file}
 * records the first minute of the measured run with JDK Flight Recorder.
 */
public final class ClosedLoopBench {
  private static final int REQUESTS = Integer.getInteger("pao.bench.requests", 2_000);
  private static final int WARM_UP = Integer.getInteger("pao.bench.warmup", 40);
  private static final int CLIENTS = Integer.getInteger("pao.bench.clients", 20);
  private static final long POLL_MILLIS = 50;

  private ClosedLoopBench() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("pao.bench.home", "target/bench-closed-loop"));
    String recording = System.getProperty("pao.bench.jfr", "");
    try (BenchStack stack = new BenchStack(home).start(Map.of())) {
      run(stack, WARM_UP, new ArrayList<>(), new ArrayList<>());
      if (!recording.isBlank()) {
        stack.record(Path.of(recording), 60);
      }
      ServerUsage usage = stack.usage();
      long[] cpuBefore = usage.cpuMillisEach();
      java.time.Instant measuredFrom = java.time.Instant.now();
      DbCounters dbBefore = DbCounters.read(stack.jdbcUrl());
      long rssBefore = ServerUsage.rssMib(stack.liberty());
      List<Long> submit = Collections.synchronizedList(new ArrayList<>());
      List<Long> endToEnd = Collections.synchronizedList(new ArrayList<>());
      long started = System.nanoTime();
      int polls = run(stack, REQUESTS, submit, endToEnd);
      double seconds = (System.nanoTime() - started) / 1e9;
      long[] cpuAfter = usage.cpuMillisEach();
      long[] cpuEach = new long[cpuAfter.length];
      long cpu = 0;
      for (int i = 0; i < cpuAfter.length; i++) {
        cpuEach[i] = cpuAfter[i] - cpuBefore[i];
        cpu += cpuEach[i];
      }
      DbCounters db = DbCounters.read(stack.jdbcUrl()).minus(dbBefore);
      Collections.sort(submit);
      Collections.sort(endToEnd);
      System.out.printf(
          "closed loop: %d clients, %d single-action requests (after %d to warm up), polls every"
              + " %d ms, stub answers after 10 ms%n",
          CLIENTS, REQUESTS, WARM_UP, POLL_MILLIS);
      System.out.printf("completed: %.1f requests/s (%.1f s)%n", REQUESTS / seconds, seconds);
      System.out.printf(
          "submission latency: p50 %d ms, p95 %d ms, p99 %d ms%n",
          BenchStack.pct(submit, 50), BenchStack.pct(submit, 95), BenchStack.pct(submit, 99));
      System.out.printf(
          "end to end (submit -> final status seen): p50 %d ms, p95 %d ms, p99 %d ms%n",
          BenchStack.pct(endToEnd, 50), BenchStack.pct(endToEnd, 95), BenchStack.pct(endToEnd, 99));
      System.out.printf("status polls per request: %.1f%n", polls / (double) REQUESTS);
      System.out.printf(
          "server CPU: %.1f ms per request: Liberty %.1f, broker %.1f, PostgreSQL %.1f%n",
          cpu / (double) REQUESTS,
          cpuEach[0] / (double) REQUESTS,
          cpuEach[1] / (double) REQUESTS,
          cpuEach.length > 2 ? cpuEach[2] / (double) REQUESTS : 0.0);
      Stages.print(stack.jdbcUrl(), measuredFrom);
      System.out.printf(
          "database per request: %.1f transactions, %.1f rows inserted, %.1f updated, %.1f"
              + " deleted%n",
          db.commits / (double) REQUESTS,
          db.inserted / (double) REQUESTS,
          db.updated / (double) REQUESTS,
          db.deleted / (double) REQUESTS);
      System.out.printf(
          "Liberty RSS: %d MiB before the measured run, peak %d MiB%n",
          rssBefore, ServerUsage.peakRssMib(stack.liberty()));
    }
    System.exit(0);
  }

  /** Runs {@code count} requests through the clients; answers how many status polls it took. */
  private static int run(BenchStack stack, int count, List<Long> submit, List<Long> endToEnd)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger polls = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        work.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    String id = stack.submit("r" + i);
                    long submitted = System.nanoTime();
                    String status;
                    do {
                      Thread.sleep(POLL_MILLIS);
                      polls.incrementAndGet();
                      status = stack.status(id);
                    } while (!BenchStack.finished(status));
                    if (!status.equals("completed")) {
                      failures.incrementAndGet();
                    }
                    submit.add((submitted - start) / 1_000_000);
                    endToEnd.add((System.nanoTime() - start) / 1_000_000);
                  }
                  return null;
                }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      clients.shutdownNow();
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " requests did not complete");
    }
    return polls.get();
  }

  /** The database's own counters (pg_stat_database): commits and row writes. */
  record DbCounters(long commits, long inserted, long updated, long deleted) {
    static DbCounters read(String jdbcUrl) throws SQLException {
      try (Connection connection = DriverManager.getConnection(jdbcUrl, "pao", "pao");
          Statement sql = connection.createStatement()) {
        sql.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet row =
            sql.executeQuery(
                "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM"
                    + " pg_stat_database WHERE datname = current_database()")) {
          row.next();
          return new DbCounters(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
        }
      }
    }

    DbCounters minus(DbCounters before) {
      return new DbCounters(
          commits - before.commits,
          inserted - before.inserted,
          updated - before.updated,
          deleted - before.deleted);
    }
  }
}
