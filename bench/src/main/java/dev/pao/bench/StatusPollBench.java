package dev.pao.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost of one status poll, the call a waiting client repeats most: 8 clients read one request's
 * status ({@code ?fields=id,status}) as fast as they can for 20 s (after 10 s to warm up). Prints
 * polls per second and the server's CPU per poll (Liberty and PostgreSQL). {@code
 * -Dpao.bench.jfr=file} records the measured part with JDK Flight Recorder.
 */
public final class StatusPollBench {
  private static final int CLIENTS = 8;

  private StatusPollBench() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("pao.bench.home", "target/bench-status-poll"));
    String recording = System.getProperty("pao.bench.jfr", "");
    try (BenchStack stack = new BenchStack(home).start(Map.of())) {
      String id = stack.submit("polled");
      poll(stack, id, 10);
      if (!recording.isBlank()) {
        stack.record(Path.of(recording), 15);
      }
      ServerUsage usage = stack.usage();
      long[] before = usage.cpuMillisEach();
      long started = System.nanoTime();
      long polls = poll(stack, id, 20);
      double seconds = (System.nanoTime() - started) / 1e9;
      long[] after = usage.cpuMillisEach();
      System.out.printf(
          "status polls: %d clients, %.0f polls/s; server CPU per poll: Liberty %.2f ms,"
              + " PostgreSQL %.2f ms%n",
          CLIENTS,
          polls / seconds,
          (after[0] - before[0]) / (double) polls,
          (after[2] - before[2]) / (double) polls);
    }
    System.exit(0);
  }

  private static long poll(BenchStack stack, String id, int seconds) throws Exception {
    AtomicLong polls = new AtomicLong();
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        work.add(
            clients.submit(
                () -> {
                  while (System.nanoTime() < until) {
                    stack.status(id);
                    polls.incrementAndGet();
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
    return polls.get();
  }
}
